package dev.statelab.junit;

import dev.statelab.engine.ClockMode;
import dev.statelab.engine.WorldOptions;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Objects;

/**
 * How {@link StateLabExtension} builds its worlds; from {@link StateLabTest}'s attributes or
 * {@link StateLabExtension#newBuilder()}.
 *
 * @param lifecycle one world per class or per method
 * @param clock virtual or real clock
 * @param seed the world's random seed
 * @param region the region of ARNs and clients
 * @param account the account id of ARNs
 * @param backend where the services run
 * @param startTime the world clock's start, or null for the wall-clock time
 * @param historyOutput where the histories of failed tests are printed
 * @param historiesOnFailure how many of the last executions are printed when a test fails
 */
public record StateLabSettings(
    WorldLifecycle lifecycle,
    ClockMode clock,
    long seed,
    String region,
    String account,
    Backend backend,
    Instant startTime,
    PrintStream historyOutput,
    int historiesOnFailure) {

  /** Checks the settings. */
  public StateLabSettings {
    Objects.requireNonNull(lifecycle, "lifecycle");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(historyOutput, "historyOutput");
    if (historiesOnFailure < 0) {
      throw new IllegalArgumentException("historiesOnFailure must not be negative: " + historiesOnFailure);
    }
  }

  /** The settings an annotation declares. */
  static StateLabSettings of(StateLabTest a) {
    return new StateLabSettings(a.lifecycle(), a.clock(), a.seed(), a.region(), a.account(),
        a.backend(), null, System.err, 3);
  }

  /** The world options these settings give. */
  WorldOptions worldOptions() {
    return WorldOptions.newBuilder().clockMode(clock).seed(seed).region(region).accountId(account)
        .startTime(startTime).build();
  }
}
