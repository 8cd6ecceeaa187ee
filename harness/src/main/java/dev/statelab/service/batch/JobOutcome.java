package dev.statelab.service.batch;

import java.time.Duration;
import java.util.Objects;

/**
 * How one job attempt ended.
 *
 * @param exitCode the container's exit code; 0 succeeds the attempt
 * @param duration how long the attempt ran in world time
 * @param reason the container's reason, or null
 */
public record JobOutcome(int exitCode, Duration duration, String reason) {

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
}
