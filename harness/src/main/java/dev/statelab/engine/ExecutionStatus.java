package dev.statelab.engine;

/** An execution's status, as DescribeExecution reports it. */
public enum ExecutionStatus {
  /** Still running. */
  RUNNING,
  /** Ended with output. */
  SUCCEEDED,
  /** Ended with an error. */
  FAILED,
  /** Ran past its TimeoutSeconds. */
  TIMED_OUT,
  /** Stopped by StopExecution. */
  ABORTED,
  /** Failed, timed out or aborted, and waiting to be redriven. */
  PENDING_REDRIVE;

  /** True for every status but RUNNING. */
  public boolean isTerminal() {
    return this != RUNNING;
  }
}
