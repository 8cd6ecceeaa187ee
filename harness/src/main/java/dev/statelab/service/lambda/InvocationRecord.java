package dev.statelab.service.lambda;

import java.time.Instant;

/**
 * One invocation in the usage ledger, for cost estimates.
 *
 * @param functionName the function invoked
 * @param requestId the invocation's request id
 * @param start the world time the invocation started
 * @param end the world time it ended
 * @param durationMillis how long the function ran (wall clock, fractional)
 * @param billedMillis the duration rounded up to the next millisecond
 * @param memoryMb the configured memory
 * @param outcome how it ended
 */
public record InvocationRecord(
    String functionName,
    String requestId,
    Instant start,
    Instant end,
    double durationMillis,
    long billedMillis,
    int memoryMb,
    Outcome outcome) {

  /** How an invocation ended. */
  public enum Outcome {
    /** The function returned. */
    SUCCESS,
    /** The function raised an error. */
    FUNCTION_ERROR,
    /** The function ran past its timeout and was stopped. */
    TIMEOUT,
    /** The function's process or backend failed (crash, HTTP error). */
    SERVICE_ERROR,
    /** A concurrency limit refused the invocation (never ran, not billed). */
    THROTTLED
  }

  /** GB-seconds billed: memory in GB times billed seconds. */
  public double gbSeconds() {
    return memoryMb / 1024.0 * billedMillis / 1000.0;
  }
}
