package dev.statelab.service.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.asl.StateMachine;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.json.Json;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code lambda:invoke.waitForTaskToken}: the function gets the token; the task waits for the callback. */
class WaitForTaskTokenTests {

  @Test
  void theTaskWaitsForTheCallbackAfterTheFunctionReturns() throws Exception {
    try (World world = World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.REAL).build());
        LambdaStore store = LambdaStore.of(world)) {
      new LambdaModule().install(world);
      CompletableFuture<String> token = new CompletableFuture<>();
      store.registerJson("approve", in -> {
        token.complete(in.get("token").asText());
        return Json.text("queued");
      });
      world.startDriver();
      String definition = """
          {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
            "Parameters": {"FunctionName": "approve", "Payload": {"token.$": "$$.Task.Token"}},
            "TimeoutSeconds": 30, "End": true}}}""";

      Execution e = world.call(() -> world.start(StateMachine.parse(definition), Json.object()));
      world.sendTaskSuccess(token.get(10, TimeUnit.SECONDS), Json.parse("{\"approved\": true}"));
      Execution done = e.completion().toCompletableFuture().get(10, TimeUnit.SECONDS);

      assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(done.output().get("approved").asBoolean()).isTrue();
      assertThat(done.history()).extracting(h -> h.type()).contains("TaskSubmitted");
    }
  }
}
