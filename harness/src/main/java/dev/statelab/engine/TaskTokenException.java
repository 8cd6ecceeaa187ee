package dev.statelab.engine;

/**
 * A task token was unknown, malformed, or its task already ended.
 */
public final class TaskTokenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;

  /**
   * Creates the exception.
   *
   * @param code AWS's error code: {@code TaskDoesNotExist}, {@code TaskTimedOut} or {@code InvalidToken}
   */
  public TaskTokenException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** AWS's error code. */
  public String code() {
    return code;
  }
}
