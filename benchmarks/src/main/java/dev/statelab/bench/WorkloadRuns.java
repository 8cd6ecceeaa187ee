package dev.statelab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;

/**
 * The sanity checks around a benchmark's executions: a workload must succeed once before it is
 * measured, and every measured execution must make the same number of transitions, so a change
 * in the engine's behaviour stops a run instead of producing a wrong number.
 */
final class WorkloadRuns {

  private WorkloadRuns() {}

  /** Runs the workload once outside the measurement; answers its transitions. */
  static long firstRun(World world, StateMachine machine, JsonNode input, String label) {
    Execution first = world.run(machine, input);
    if (first.status() != ExecutionStatus.SUCCEEDED) {
      throw new IllegalStateException(label + " did not succeed: " + first.status() + " " + first.error() + " "
          + first.cause());
    }
    return first.transitions();
  }

  /** The execution's transitions, after checking it behaved as the first run did. */
  static long checked(Execution execution, long expectedTransitions, String label) {
    long transitions = execution.transitions();
    if (transitions != expectedTransitions || execution.status() != ExecutionStatus.SUCCEEDED) {
      throw new IllegalStateException(label + " changed behaviour: " + execution.status() + ", " + transitions
          + " transitions, expected " + expectedTransitions);
    }
    return transitions;
  }
}
