package dev.statelab.engine;

import static dev.statelab.engine.EngineTesting.START;
import static dev.statelab.engine.EngineTesting.json;
import static dev.statelab.engine.EngineTesting.last;
import static dev.statelab.engine.EngineTesting.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.asl.StateMachine;
import dev.statelab.history.HistoryEvent;
import dev.statelab.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Starting, observing and stopping executions. */
class ExecutionLifecycleTests {

  private static final StateMachine LONG_WAIT = StateMachine.parse("""
      {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":100,"Next":"After"},"After":{"Type":"Pass","End":true}}}""");

  private final World world = EngineTesting.newWorld();

  @AfterEach
  void closeWorld() {
    world.close();
  }

  @Test
  void aStartedExecutionRunsOnlyWhenTheWorldRuns() {
    Execution e = world.start(LONG_WAIT, json("{\"a\":1}"));

    assertThat(e.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(e.output()).isNull();
    assertThat(e.stopDate()).isNull();
    assertThat(e.startDate()).isEqualTo(START);
    assertThat(e.input()).isEqualTo(json("{\"a\":1}"));
    assertThat(types(e)).containsExactly("ExecutionStarted", "WaitStateEntered");

    world.runUntilIdle();

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(json("{\"a\":1}"));
  }

  @Test
  void stopAbortsARunningExecutionWithTheGivenErrorAndCause() {
    Execution e = world.start(LONG_WAIT, json("{}"));
    world.advanceBy(Duration.ofSeconds(10));

    world.stop(e, "Operator.Stop", "stopped by a test");
    world.runUntilIdle();

    assertThat(e.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(e.error()).isEqualTo("Operator.Stop");
    assertThat(e.cause()).isEqualTo("stopped by a test");
    assertThat(e.stopDate()).isEqualTo(START.plusSeconds(10));
    HistoryEvent aborted = last(e, "ExecutionAborted");
    assertThat(aborted.details()).isEqualTo(json("{\"error\":\"Operator.Stop\",\"cause\":\"stopped by a test\"}"));
    assertThat(types(e)).containsExactly("ExecutionStarted", "WaitStateEntered", "ExecutionAborted");
    assertThat(world.now()).isEqualTo(START.plusSeconds(10));
  }

  @Test
  void stoppingAParallelStopsEveryBranch() {
    Execution e = world.start(StateMachine.parse("""
        {"StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":50,"Next":"A2"},"A2":{"Type":"Pass","End":true}}},
          {"StartAt":"B","States":{"B":{"Type":"Wait","Seconds":60,"Next":"B2"},"B2":{"Type":"Pass","End":true}}}]}}}"""),
        json("{}"));
    world.advanceBy(Duration.ofSeconds(1));

    world.stop(e, null, null);
    world.runUntilIdle();

    assertThat(e.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(e.error()).isNull();
    List<String> types = types(e);
    assertThat(types.get(types.size() - 1)).isEqualTo("ExecutionAborted");
    assertThat(types).doesNotContain("WaitStateExited", "PassStateEntered");
  }

  @Test
  void stoppingAnEndedExecutionChangesNothing() {
    Execution e = world.run(LONG_WAIT, json("{}"));

    world.stop(e, "Late", "too late");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(types(e)).doesNotContain("ExecutionAborted");
  }

  @Test
  void completionCompletesWhenTheExecutionEnds() throws Exception {
    Execution e = world.start(LONG_WAIT, json("{}"));
    assertThat(e.completion().toCompletableFuture()).isNotDone();

    world.runUntilIdle();

    assertThat(e.completion().toCompletableFuture().get(1, TimeUnit.SECONDS)).isSameAs(e);
  }

  @Test
  void anExecutionNameFromTheRequestIsUsed() {
    Execution e = world.run(LONG_WAIT, ExecutionRequest.of(json("{}")).withName("order-42"));

    assertThat(e.name()).isEqualTo("order-42");
    assertThat(e.arn()).endsWith(":execution:StateMachine:order-42");
  }

  @Test
  void historyEventsChainThroughPreviousEventId() {
    Execution e = world.run(LONG_WAIT, json("{}"));

    List<HistoryEvent> history = e.history();
    assertThat(history).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(history).extracting(HistoryEvent::previousEventId).containsExactly(0L, 0L, 2L, 3L, 4L, 5L);
  }

  @Test
  void theWireFormatOfAnEventMatchesGetExecutionHistory() {
    Execution e = world.run(LONG_WAIT, json("{\"a\":1}"));

    assertThat(Json.write(e.history().get(0).toJson(true, false))).isEqualTo(
        "{\"timestamp\":1704067200.000,\"type\":\"ExecutionStarted\",\"id\":1,\"previousEventId\":0,"
            + "\"executionStartedEventDetails\":{\"input\":\"{\\\"a\\\":1}\",\"inputDetails\":{\"truncated\":false},"
            + "\"roleArn\":\"arn:aws:iam::123456789012:role/StateLabExecutionRole\"}}");
    assertThat(e.history().get(0).toJson(false, true).get("executionStartedEventDetails").has("input")).isFalse();
  }
}
