package dev.statelab.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * How a world is built: clock, seed, region and account.
 *
 * @param clockMode virtual (default) or real time
 * @param timeScale on the real clock, the factor applied to every timer (0.01 runs a 100-second
 *     Wait in one second)
 * @param seed the seed of the world's random source
 * @param startTime the world clock's start, or null for the wall-clock time at creation
 * @param region the region in ARNs
 * @param accountId the account id in ARNs
 * @param realIoGrace on the virtual clock, how long (wall time) the world waits for real I/O in
 *     flight (a task's CompletionStage) before it moves time on anyway, so that a task that never
 *     answers reaches its timeout instead of hanging; default 2 seconds
 */
public record WorldOptions(
    ClockMode clockMode,
    double timeScale,
    long seed,
    Instant startTime,
    String region,
    String accountId,
    java.time.Duration realIoGrace) {

  /** Virtual clock, seed 0, us-east-1, account 123456789012. */
  public static WorldOptions defaults() {
    return newBuilder().build();
  }

  /** A builder with the defaults. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** Builds {@link WorldOptions}. */
  public static final class Builder {
    private ClockMode clockMode = ClockMode.VIRTUAL;
    private double timeScale = 1.0;
    private long seed;
    private Instant startTime;
    private String region = "us-east-1";
    private String accountId = "123456789012";
    private java.time.Duration realIoGrace = java.time.Duration.ofSeconds(2);

    private Builder() {}

    /** Sets the clock mode. */
    public Builder clockMode(ClockMode mode) {
      this.clockMode = Objects.requireNonNull(mode);
      return this;
    }

    /** Sets the real clock's time scale (must be positive). */
    public Builder timeScale(double scale) {
      if (!(scale > 0)) {
        throw new IllegalArgumentException("timeScale must be positive: " + scale);
      }
      this.timeScale = scale;
      return this;
    }

    /** Sets the random seed. */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** Pins the clock's start time (for histories that are identical run after run). */
    public Builder startTime(Instant value) {
      this.startTime = value;
      return this;
    }

    /** Sets the region. */
    public Builder region(String value) {
      this.region = Objects.requireNonNull(value);
      return this;
    }

    /** Sets the account id. */
    public Builder accountId(String value) {
      this.accountId = Objects.requireNonNull(value);
      return this;
    }

    /** Sets how long the virtual clock waits for real I/O before moving on (zero: never waits). */
    public Builder realIoGrace(java.time.Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("realIoGrace must not be negative: " + value);
      }
      this.realIoGrace = value;
      return this;
    }

    /** Builds the options. */
    public WorldOptions build() {
      return new WorldOptions(clockMode, timeScale, seed, startTime, region, accountId, realIoGrace);
    }
  }
}
