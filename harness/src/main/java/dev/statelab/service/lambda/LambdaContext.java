package dev.statelab.service.lambda;

/**
 * What a function sees of its invocation, like Lambda's context object.
 *
 * @param functionName the function's name
 * @param functionArn the function's ARN
 * @param memoryLimitInMb the configured memory
 * @param awsRequestId the invocation's request id
 * @param deadlineNanos the {@link System#nanoTime()} at which the invocation times out
 */
public record LambdaContext(
    String functionName, String functionArn, int memoryLimitInMb, String awsRequestId, long deadlineNanos) {

  /** Milliseconds left before the function times out (never negative). */
  public long getRemainingTimeInMillis() {
    return Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
  }
}
