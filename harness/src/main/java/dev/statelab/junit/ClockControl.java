package dev.statelab.junit;

import dev.statelab.engine.Execution;
import dev.statelab.history.HistoryEvent;
import java.time.Duration;
import java.time.Instant;

/**
 * Moves a test's world clock. On the virtual clock (the default) time moves only through these
 * methods: a Wait of a day, an hour of retry backoff or a 20-minute Batch job takes as long as the
 * work around it. On the real clock the world runs by itself and these methods wait for it.
 *
 * <pre>{@code
 * Execution e = machine.start("{}");
 * clock.advance(Duration.ofMinutes(30));           // still in its one-hour Wait
 * assertThat(e).isRunning();
 * clock.runUntilIdle();
 * assertThat(e).succeeded().ranFor(Duration.ofHours(1));
 * }</pre>
 */
public interface ClockControl {

  /** The world clock's time now. */
  Instant now();

  /**
   * Runs what is due within the next {@code duration} of world time and ends exactly that much
   * later (virtual clock only).
   *
   * @throws IllegalStateException on the real clock
   */
  void advance(Duration duration);

  /**
   * Virtual clock: runs until nothing is runnable and no timer is pending, jumping from timer to
   * timer. Real clock: waits (at most {@link #REAL_CLOCK_WAIT}) until every execution started so
   * far has ended.
   */
  void runUntilIdle();

  /**
   * Runs until {@code execution} has entered the state named {@code stateName} (at once if it
   * already has) and returns that state's first entered event; time stops there.
   *
   * @throws IllegalStateException when the execution ends, or the world goes idle, without
   *     entering the state
   */
  HistoryEvent runUntilStateEntered(Execution execution, String stateName);

  /** On the real clock, the longest wall time {@link #runUntilIdle()} and friends wait. */
  Duration REAL_CLOCK_WAIT = Duration.ofSeconds(30);
}
