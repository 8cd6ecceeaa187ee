package dev.statelab.junit;

import dev.statelab.engine.Execution;

/**
 * Entry point for StateLab's AssertJ assertions.
 *
 * <pre>{@code
 * import static dev.statelab.junit.StateLabAssertions.assertThat;
 *
 * assertThat(execution).succeeded()
 *     .hasOutputAt("$.paid", true)
 *     .visitedStates("Charge", "Done")
 *     .hasRetryCount("Charge", 2);
 * }</pre>
 */
public final class StateLabAssertions {

  private StateLabAssertions() {}

  /** Assertions on an execution. */
  public static ExecutionAssert assertThat(Execution actual) {
    return new ExecutionAssert(actual);
  }
}
