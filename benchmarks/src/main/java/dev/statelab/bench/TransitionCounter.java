package dev.statelab.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * State transitions, reported per second next to a suite's primary executions per second (an
 * OPERATIONS aux counter, so JMH reports it as a rate). Reset every iteration, as JMH sums aux
 * counters per iteration.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class TransitionCounter {

  /** Transitions made by the executions finished in this iteration. */
  public long transitions;

  /** Starts an iteration at zero. */
  @Setup(Level.Iteration)
  public void reset() {
    transitions = 0;
  }
}
