package dev.statelab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.asl.StateMachine;
import dev.statelab.history.HistoryEvent;
import dev.statelab.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A callback that arrives a day later costs milliseconds of wall time on the virtual clock. */
class CallbackTimeTests {

  @Test
  void aCallbackAnsweredADayLaterFinishesInMillisecondsWithTheDayInTheHistory() {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    try (World world = World.newInstance(WorldOptions.newBuilder().startTime(start).build())) {
      AtomicReference<String> token = new AtomicReference<>();
      world.integrations().function("RequestApproval", in -> {
        token.set(in.get("token").asText());
        return Json.text("sent");
      });
      StateMachine machine = StateMachine.parse("""
          {"StartAt": "Approve", "States": {"Approve": {"Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "TimeoutSeconds": 172800,
            "Parameters": {"FunctionName": "RequestApproval", "Payload": {"token.$": "$$.Task.Token"}},
            "End": true}}}""");
      long wall = System.nanoTime();

      Execution e = world.start(machine, Json.object());
      world.advanceBy(Duration.ofDays(1));
      world.sendTaskSuccess(token.get(), Json.parse("{\"approved\": true}"));
      world.runUntilIdle();

      assertThat(Duration.ofNanos(System.nanoTime() - wall)).isLessThan(Duration.ofSeconds(2));
      assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(e.output()).isEqualTo(Json.parse("{\"approved\": true}"));
      HistoryEvent succeeded = e.history().stream().filter(h -> h.type().equals("TaskSucceeded")).findFirst().orElseThrow();
      assertThat(succeeded.timestamp()).isEqualTo(start.plus(Duration.ofDays(1)));
    }
  }
}
