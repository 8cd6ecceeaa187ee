package dev.statelab.chaos;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One rule of a fault plan: which calls of which target it hits, and what it does to them.
 *
 * @param target what it applies to
 * @param calls the call numbers it hits (1-based, counted per rule), or empty for every call
 * @param from the world time from which it applies (inclusive), or null
 * @param until the world time until which it applies (exclusive), or null
 * @param probability the chance that a call it otherwise hits is hit, drawn from the world's random source
 * @param aboveRate when positive, only calls beyond this many in the same second of world time are hit
 * @param kind what it does
 * @param error the error name for {@link FaultKind#FAILURE}, else null
 * @param cause the cause ({@link FaultKind#FAILURE}) or status reason ({@link FaultKind#JOB_FAILURE}), else null
 * @param latency the delay for {@link FaultKind#LATENCY}, else null
 */
public record FaultRule(
    FaultTarget target,
    List<Integer> calls,
    Instant from,
    Instant until,
    double probability,
    int aboveRate,
    FaultKind kind,
    String error,
    String cause,
    Latency latency) {

  /** Validates the rule. */
  public FaultRule {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(kind, "kind");
    calls = List.copyOf(calls);
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
    }
    boolean jobKind = kind == FaultKind.JOB_FAILURE || kind == FaultKind.HOST_LOST;
    if (target.kind() == FaultTarget.Kind.JOB_DEFINITION && !jobKind && kind != FaultKind.LATENCY) {
      throw new IllegalArgumentException(kind + " does not apply to Batch job attempts; use failJob, loseHost or latency");
    }
    if (target.kind() != FaultTarget.Kind.JOB_DEFINITION && jobKind) {
      throw new IllegalArgumentException(kind + " applies only to onJobDefinition(...)");
    }
  }

  /** True when the rule applies to call number {@code call} at {@code now} (before the probability draw). */
  boolean appliesTo(int call, Instant now) {
    return (calls.isEmpty() || calls.contains(call))
        && (from == null || !now.isBefore(from))
        && (until == null || now.isBefore(until));
  }
}
