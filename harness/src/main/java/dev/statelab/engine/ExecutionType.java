package dev.statelab.engine;

/** The two workflow types of Step Functions. */
public enum ExecutionType {
  /** Exactly-once, up to a year, full history; billed per state transition. */
  STANDARD,
  /** At-least-once, up to five minutes; billed per request and GB-second. */
  EXPRESS
}
