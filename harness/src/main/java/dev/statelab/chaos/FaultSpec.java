package dev.statelab.chaos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A fault rule being written: choose when it hits ({@link #onCalls}, {@link #onNthCall},
 * {@link #between}, {@link #withProbability}), then what it does ({@link #fail}, {@link #throttle},
 * {@link #latency}, {@link #failJob} ...), which adds it to the plan.
 *
 * <pre>{@code
 * faults.onFunction("charge").onCalls(1, 3).fail("Lambda.TooManyRequestsException", "Rate exceeded");
 * faults.onState("Validate").withProbability(0.2).latency(Latency.logNormal(Duration.ofMillis(200), 0.5));
 * faults.onJobDefinition("render").onNthCall(2).loseHost();
 * }</pre>
 */
public final class FaultSpec {

  private final Faults faults;
  private final FaultTarget target;
  private final List<Integer> calls = new ArrayList<>();
  private Instant from;
  private Instant until;
  private double probability = 1.0;
  private int perSecond;

  FaultSpec(Faults faults, FaultTarget target) {
    this.faults = faults;
    this.target = target;
  }

  /** Hits only these calls of the target (1 is the first call this rule sees). */
  public FaultSpec onCalls(int... numbers) {
    calls.addAll(callNumbers(numbers));
    return this;
  }

  /** Checks call numbers (1 is the first call). */
  static List<Integer> callNumbers(int... numbers) {
    List<Integer> out = new ArrayList<>();
    for (int n : numbers) {
      if (n < 1) {
        throw new IllegalArgumentException("Call numbers start at 1: " + n);
      }
      out.add(n);
    }
    return out;
  }

  /** Hits only the {@code n}-th call of the target. */
  public FaultSpec onNthCall(int n) {
    return onCalls(n);
  }

  /** Hits only calls made at world times in [{@code from}, {@code until}). */
  public FaultSpec between(Instant from, Instant until) {
    this.from = Objects.requireNonNull(from, "from");
    this.until = Objects.requireNonNull(until, "until");
    if (!until.isAfter(from)) {
      throw new IllegalArgumentException("until must be after from");
    }
    return this;
  }

  /**
   * Hits only the calls beyond the first {@code callsPerSecond} of each second of world time, as a
   * service's rate limit does: a burst of retries that arrive together is throttled together.
   */
  public FaultSpec aboveRate(int callsPerSecond) {
    if (callsPerSecond < 1) {
      throw new IllegalArgumentException("callsPerSecond must be positive: " + callsPerSecond);
    }
    this.perSecond = callsPerSecond;
    return this;
  }

  /** Hits each call it would hit only with probability {@code p}, drawn from the world's seeded random source. */
  public FaultSpec withProbability(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1]: " + p);
    }
    this.probability = p;
    return this;
  }

  /** Fails the task with {@code error} and {@code cause} (the integration is not called). */
  public FaultRule fail(String error, String cause) {
    return add(FaultKind.FAILURE, Objects.requireNonNull(error, "error"), cause, null);
  }

  /**
   * Fails the task with its integration's throttling error, e.g. {@code Lambda.TooManyRequestsException}
   * or {@code DynamoDB.ProvisionedThroughputExceededException}.
   */
  public FaultRule throttle() {
    return add(FaultKind.THROTTLE, null, null, null);
  }

  /** Fails the task with its integration's internal error, e.g. {@code Lambda.ServiceException}. */
  public FaultRule serviceError() {
    return add(FaultKind.SERVICE_ERROR, null, null, null);
  }

  /** Delays the task's answer (or a Batch job attempt) by a draw from {@code latency} on the world clock. */
  public FaultRule latency(Latency latency) {
    return add(FaultKind.LATENCY, null, null, Objects.requireNonNull(latency, "latency"));
  }

  /** Runs the task's integration twice, as Express workflows' at-least-once delivery may; the first answer counts. */
  public FaultRule duplicate() {
    return add(FaultKind.DUPLICATE, null, null, null);
  }

  /** Fails the Batch job attempt with this status reason and no container exit code. */
  public FaultRule failJob(String statusReason) {
    return add(FaultKind.JOB_FAILURE, null, Objects.requireNonNull(statusReason, "statusReason"), null);
  }

  /** The Batch job attempt's host goes away part way through: "Host EC2 (instance i-...) terminated." */
  public FaultRule loseHost() {
    return add(FaultKind.HOST_LOST, null, null, null);
  }

  private FaultRule add(FaultKind kind, String error, String cause, Latency latency) {
    FaultRule rule = new FaultRule(target, calls, from, until, probability, perSecond, kind, error, cause, latency);
    faults.add(rule);
    return rule;
  }
}
