package dev.statelab.service.lambda;

import java.util.List;
import java.util.Objects;

/**
 * Thrown by an in-JVM function to fail with Lambda's error payload: a chosen {@code errorType},
 * message and stack trace lines (e.g. to reproduce a Python function's error exactly).
 */
public final class LambdaFunctionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String errorType;
  private final List<String> stackTraceLines;

  /** An error with a type and message and no stack trace lines. */
  public LambdaFunctionException(String errorType, String errorMessage) {
    this(errorType, errorMessage, List.of());
  }

  /** An error with a type, message and the payload's {@code stackTrace} lines. */
  public LambdaFunctionException(String errorType, String errorMessage, List<String> stackTraceLines) {
    super(errorMessage, null, false, false);
    this.errorType = Objects.requireNonNull(errorType, "errorType");
    this.stackTraceLines = List.copyOf(stackTraceLines);
  }

  /** The payload's {@code errorType}. */
  public String errorType() {
    return errorType;
  }

  /** The payload's {@code stackTrace} lines. */
  public List<String> stackTraceLines() {
    return stackTraceLines;
  }
}
