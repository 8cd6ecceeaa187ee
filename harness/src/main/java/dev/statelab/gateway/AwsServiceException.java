package dev.statelab.gateway;

import java.util.Objects;

/**
 * An AWS error a handler throws; the gateway renders it as that protocol's error response.
 *
 * <p>The body is {@code {"__type": code, "message": message}}. A {@code restJson1} response also
 * carries {@code X-Amzn-ErrorType: code}. The code may carry a namespace ({@code
 * com.amazonaws.swf.service.v2.model#StateMachineDoesNotExist}); every AWS SDK keeps only the part
 * after {@code #}.
 *
 * <p>These are expected outcomes, not bugs, so no stack trace is captured.
 */
public class AwsServiceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final int status;

  /** An error with HTTP status 400, the status of nearly every modeled AWS client error. */
  public AwsServiceException(String code, String message) {
    this(code, message, 400);
  }

  /**
   * An error with an explicit HTTP status (429 for throttling, 404 for a missing REST resource).
   *
   * @throws IllegalArgumentException if the status is not a 4xx or 5xx code
   */
  public AwsServiceException(String code, String message, int status) {
    super(message, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    if (code.isBlank()) {
      throw new IllegalArgumentException("Error code is blank");
    }
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("Error status must be 4xx or 5xx: " + status);
    }
    this.status = status;
  }

  /** The AWS error code, e.g. {@code StateMachineDoesNotExist}. */
  public String code() {
    return code;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /**
   * Members the error body carries besides {@code __type} and {@code message} (DynamoDB's
   * {@code Item} on a failed condition, {@code CancellationReasons}); empty by default.
   */
  public java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> extraMembers() {
    return java.util.Map.of();
  }

  /** The code without its {@code namespace#} prefix, as {@code X-Amzn-ErrorType} carries it. */
  public String shortCode() {
    int hash = code.lastIndexOf('#');
    return hash < 0 ? code : code.substring(hash + 1);
  }

  @Override
  public String toString() {
    return "AwsServiceException[" + status + " " + code + ": " + getMessage() + "]";
  }
}
