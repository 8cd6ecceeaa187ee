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

  /** Items (or batches) in the run. */
  int total();

  /** Children that succeeded so far. */
  int succeeded();

  /** Children that failed so far. */
  int failed();

  /** Children running now. */
  int running();
}
