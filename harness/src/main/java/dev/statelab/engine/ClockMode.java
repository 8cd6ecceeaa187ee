package dev.statelab.engine;

/** How a world's clock moves. */
public enum ClockMode {
  /**
   * Virtual time: the clock jumps to the next timer whenever nothing is runnable and no real I/O
   * is in flight, so a Wait of a year costs microseconds. The default.
   */
  VIRTUAL,
  /** Wall-clock time, optionally scaled: timers fire when their (scaled) time comes. */
  REAL
}
