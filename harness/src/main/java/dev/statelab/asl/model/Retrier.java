package dev.statelab.asl.model;

import java.util.List;

/**
 * One element of a state's {@code Retry} list.
 *
 * @param errorEquals the error names it matches
 * @param intervalSeconds the first delay, seconds (default 1)
 * @param maxAttempts retries allowed (default 3; 0 never retries)
 * @param backoffRate the multiplier per attempt (default 2.0)
 * @param maxDelaySeconds the cap on one delay, or null for none
 * @param fullJitter true for {@code JitterStrategy: FULL}
 */
public record Retrier(
    List<String> errorEquals,
    int intervalSeconds,
    int maxAttempts,
    double backoffRate,
    Integer maxDelaySeconds,
    boolean fullJitter) {

  /**
   * The delay before retry number {@code attempt} (1-based) before jitter, in milliseconds:
   * {@code IntervalSeconds * BackoffRate^(attempt-1)}, capped by MaxDelaySeconds.
   */
  public double baseDelayMillis(int attempt) {
    double seconds = intervalSeconds * Math.pow(backoffRate, attempt - 1);
    if (maxDelaySeconds != null) {
      seconds = Math.min(seconds, maxDelaySeconds);
    }
    return seconds * 1000.0;
  }
}
