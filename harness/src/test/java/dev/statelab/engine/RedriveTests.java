package dev.statelab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.asl.StateMachine;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.history.HistoryEvent;
import dev.statelab.json.Json;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RedriveTests {

  private static final String FLOW = """
      {"StartAt": "Remember", "States": {
        "Remember": {"Type": "Pass", "Assign": {"order.$": "$.order"}, "Next": "Charge"},
        "Charge": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Charge",
          "Parameters": {"order.$": "$order", "redrives.$": "$$.Execution.RedriveCount"}, "End": true}}}""";

  @Test
  void aRedriveResumesAtTheFailedStateWithItsInputAndVariables() {
    AtomicInteger calls = new AtomicInteger();
    try (World world = World.newInstance()) {
      world.integrations().function("Charge", in -> {
        if (calls.incrementAndGet() == 1) {
          throw new StatesError("Card.Declined", "try again");
        }
        return in;
      });
      Execution e = world.run(StateMachine.parse(FLOW), Json.parse("{\"order\": \"A-7\"}"));
      assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);

      world.redrive(e);
      world.runUntilIdle();

      assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(e.output()).isEqualTo(Json.parse("{\"order\": \"A-7\", \"redrives\": 1}"));
      assertThat(e.redriveCount()).isEqualTo(1);
      assertThat(e.history()).extracting(HistoryEvent::type).containsSubsequence(
          "LambdaFunctionFailed", "ExecutionFailed", "ExecutionRedriven", "TaskStateEntered",
          "LambdaFunctionSucceeded", "ExecutionSucceeded");
      assertThat(e.history()).filteredOn(h -> h.type().equals("PassStateEntered")).hasSize(1);
    }
  }

  @Test
  void aRedrivenMapRunsOnlyTheIterationsThatFailed() {
    java.util.List<Integer> calls = new java.util.ArrayList<>();
    try (World world = World.newInstance()) {
      world.integrations().function("Ship", in -> {
        calls.add(in.asInt());
        if (in.asInt() == 2 && calls.stream().filter(c -> c == 2).count() == 1) {
          throw new StatesError("Carrier.Down", "try again");
        }
        return Json.parse("{\"shipped\": " + in.asInt() + "}");
      });
      Execution e = world.run(StateMachine.parse("""
          {"StartAt": "Each", "States": {"Each": {"Type": "Map", "MaxConcurrency": 1, "End": true,
            "ItemProcessor": {"StartAt": "Ship", "States": {"Ship": {"Type": "Task",
              "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Ship", "End": true}}}}}}"""),
          Json.parse("[1, 2, 3]"));
      assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);

      world.redrive(e);
      world.runUntilIdle();

      assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(e.output()).isEqualTo(Json.parse("[{\"shipped\": 1}, {\"shipped\": 2}, {\"shipped\": 3}]"));
      assertThat(calls).containsExactly(1, 2, 2, 3);
    }
  }

  @Test
  void aRedrivenParallelRunsOnlyTheBranchesThatFailed() {
    AtomicInteger left = new AtomicInteger();
    AtomicInteger right = new AtomicInteger();
    try (World world = World.newInstance()) {
      world.integrations().function("Left", in -> Json.text("left-" + left.incrementAndGet()));
      world.integrations().function("Right", in -> {
        if (right.incrementAndGet() == 1) {
          throw new StatesError("Right.Broken", "first time");
        }
        return Json.text("right-" + right.get());
      });
      Execution e = world.run(StateMachine.parse("""
          {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "L", "States": {"L": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Left", "End": true}}},
            {"StartAt": "R", "States": {"R": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Right", "End": true}}}]}}}"""),
          Json.object());
      assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);

      world.redrive(e);
      world.runUntilIdle();

      assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(e.output()).isEqualTo(Json.parse("[\"left-1\", \"right-2\"]"));
      assertThat(left.get()).isEqualTo(1);
    }
  }

  @Test
  void runningOrSucceededExecutionsCannotBeRedriven() {
    try (World world = World.newInstance()) {
      Execution ok = world.run(StateMachine.parse("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}"), Json.object());
      assertThatThrownBy(() -> world.redrive(ok)).isInstanceOf(IllegalStateException.class).hasMessageContaining("SUCCEEDED");
    }
  }
}
