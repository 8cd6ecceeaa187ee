package dev.statelab.engine;

import java.time.Instant;

/** A distributed Map's run of child workflow executions, as DescribeMapRun reports it. */
public interface MapRun {

  /** The Map Run ARN. */
  String arn();

  /** The ARN of the execution whose Map state started it. */
  String executionArn();

  /** RUNNING, SUCCEEDED, FAILED or ABORTED. */
  String status();

  /** When it started. */
  Instant startDate();

  /** When it ended, or null. */
  Instant stopDate();

  /** The effective MaxConcurrency. */
  int maxConcurrency();

  /** ToleratedFailurePercentage, or 0. */
  double toleratedFailurePercentage();

  /** ToleratedFailureCount, or 0. */
  long toleratedFailureCount();

  /** Items in the run: {@link #total()} unless an ItemBatcher groups several items per child. */
  default int itemTotal() {
    return total();
  }

  /** Items whose child execution succeeded. */
  default int itemSucceeded() {
    return succeeded();
  }

  /** Items whose child execution failed. */
  default int itemFailed() {
    return failed();
  }

  /** Items whose child execution is running. */
  default int itemRunning() {
    return running();
  }

  /** Child executions in the run (items, or batches of them). */
  int total();

  /** Children that succeeded so far. */
  int succeeded();

  /** Children that failed so far. */
  int failed();

  /** Children running now. */
  int running();

  /** The child workflow executions started so far, in start order. */
  java.util.List<Execution> children();

  /**
   * Changes a running Map Run's limits, as UpdateMapRun does; null leaves a limit as it is. Call
   * it on the world's thread ({@code World.call}). More concurrency starts waiting children at
   * once; a tolerance is checked again at the next failure.
   */
  void update(Integer maxConcurrency, Double toleratedFailurePercentage, Long toleratedFailureCount);
}
