package dev.statelab.service.batch;

import java.time.Duration;
import java.util.Objects;

/**
 * How one job attempt ended.
 *
 * @param exitCode the container's exit code; 0 succeeds the attempt
 * @param duration how long the attempt ran in world time
 * @param reason the container's reason, or null
 * @param statusReason the attempt's status reason, or null for Batch's "Essential container in
 *     task exited"
 */
public record JobOutcome(int exitCode, Duration duration, String reason, String statusReason) {

  /** The exit code of an attempt whose container never exited (its host went away). */
  public static final int NO_EXIT_CODE = -1;

  /** An attempt that ended with a container exit code and an optional container reason. */
  public JobOutcome(int exitCode, Duration duration, String reason) {
    this(exitCode, duration, reason, null);
  }

  /** Validates the duration. */
  public JobOutcome {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("Negative duration: " + duration);
    }
  }

  /** An attempt that exited with {@code exitCode} after {@code duration}. */
  public static JobOutcome of(int exitCode, Duration duration) {
    return new JobOutcome(exitCode, duration, null);
  }

  /** An attempt stopped after {@code duration} without a container exit code, e.g. "Host EC2 (instance i-...) terminated." */
  public static JobOutcome interrupted(Duration duration, String statusReason) {
    return new JobOutcome(NO_EXIT_CODE, duration, null, Objects.requireNonNull(statusReason, "statusReason"));
  }
}
