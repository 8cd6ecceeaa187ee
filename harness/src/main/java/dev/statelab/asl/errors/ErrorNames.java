package dev.statelab.asl.errors;

/** The predefined error names of the Amazon States Language. */
public final class ErrorNames {

  /** Wildcard matching any error name (except the non-catchable ones). */
  public static final String ALL = "States.ALL";
  /** Wildcard matching any error except {@link #TIMEOUT}. */
  public static final String TASK_FAILED = "States.TaskFailed";
  /** A task or execution ran past its TimeoutSeconds, or missed its heartbeat. */
  public static final String TIMEOUT = "States.Timeout";
  /** Documented name for a missed heartbeat; AWS reports {@link #TIMEOUT}. */
  public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
  /** Insufficient privileges. */
  public static final String PERMISSIONS = "States.Permissions";
  /** ResultPath could not be applied. */
  public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
  /** A Parameters path failed (AWS reports {@link #RUNTIME}). */
  public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
  /** A Parallel branch failed. */
  public static final String BRANCH_FAILED = "States.BranchFailed";
  /** A Choice state found no matching rule and had no Default. */
  public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
  /** An intrinsic function failed. */
  public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
  /** A Map exceeded its tolerated failures. */
  public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD =
      "States.ExceedToleratedFailureThreshold";
  /** A distributed Map could not read its items. */
  public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
  /** A distributed Map could not write its results. */
  public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";
  /** A JSONata expression failed. */
  public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";
  /** A payload went over the 256 KiB quota. */
  public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
  /** An unprocessable condition; never retried and never caught. */
  public static final String RUNTIME = "States.Runtime";

  private ErrorNames() {}
}
