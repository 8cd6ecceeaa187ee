package dev.statelab.asl.errors;

import java.util.Objects;

/**
 * An error raised while a state runs, named as AWS names it ({@code States.Runtime},
 * {@code States.TaskFailed}, a function's {@code errorType}, ...).
 *
 * <p>It travels as an exception inside one state's evaluation and becomes a value (an
 * {@link ErrorOutput}) at the state's boundary, where Retry and Catch see it. It carries no stack
 * trace: it is not a bug, it is the workflow's data.
 */
public final class StatesError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String error;
  private final String errorCause;

  /**
   * Creates an error.
   *
   * @param error the error name; may be null (a Fail state without Error)
   * @param cause the human-readable cause; may be null
   */
  public StatesError(String error, String cause) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.errorCause = cause;
  }

  /** A {@code States.Runtime} error with the given cause. */
  public static StatesError runtime(String cause) {
    return new StatesError(ErrorNames.RUNTIME, cause);
  }

  /** The error name, or null. */
  public String error() {
    return error;
  }

  /** The cause text, or null. */
  public String cause() {
    return errorCause;
  }

  /** This error as a value. */
  public ErrorOutput toOutput() {
    return new ErrorOutput(error, errorCause);
  }

  /** A copy whose cause is prefixed as AWS prefixes state failures. */
  public StatesError inState(String stateName, long enteredEventId) {
    return new StatesError(error, ErrorOutput.stateCausePrefix(stateName, enteredEventId) + errorCause);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StatesError other
        && Objects.equals(error, other.error)
        && Objects.equals(errorCause, other.errorCause);
  }

  @Override
  public int hashCode() {
    return Objects.hash(error, errorCause);
  }
}
