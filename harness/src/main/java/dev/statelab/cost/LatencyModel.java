package dev.statelab.cost;

import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionType;
import dev.statelab.history.HistoryEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Estimates an execution's wall-clock latency on AWS from its history: the world time it took
 * (Wait states, simulated job run times), plus a per-transition overhead for its workflow type,
 * plus an integration latency for each task attempt.
 *
 * <p>Every default is an ASSUMPTION: AWS publishes no per-transition latency for Standard or
 * Express (reference pricing-and-quotas.md §8, UNCONFIRMED; a blog cites about 1.2 s end to end
 * for a 5-state Standard flow, https://barkingiguana.com/writing/step-functions-standard-vs-express/,
 * about 240 ms per state including the work). Calibrate with {@link #calibrate} from measured
 * samples, or replace a distribution with {@link #withTransition} / {@link #withIntegration}.
 * Task attempts are summed as if sequential, so Parallel branches and Map iterations make the
 * estimate an upper bound. Immutable.
 */
public final class LatencyModel {

  /**
   * A latency distribution, log-normal, given by its median and 99th percentile.
   *
   * @param medianMillis the median, ms
   * @param p99Millis the 99th percentile, ms (≥ median)
   * @param label where the figures come from ({@code ASSUMPTION ...} or {@code calibrated from n samples})
   */
  public record Distribution(double medianMillis, double p99Millis, String label) {

    private static final double Z99 = 2.3263478740408408;

    /** Validates. */
    public Distribution {
      if (medianMillis < 0 || p99Millis < medianMillis) {
        throw new IllegalArgumentException("need 0 <= median <= p99");
      }
      Objects.requireNonNull(label, "label");
    }

    /** The mean of the log-normal. */
    public double meanMillis() {
      if (medianMillis == 0) {
        return 0;
      }
      double sigma = sigma();
      return medianMillis * Math.exp(sigma * sigma / 2);
    }

    /** One sample. */
    public double sample(SplittableRandom random) {
      if (medianMillis == 0) {
        return 0;
      }
      return medianMillis * Math.exp(sigma() * gaussian(random));
    }

    private double sigma() {
      return medianMillis == 0 ? 0 : Math.log(p99Millis / medianMillis) / Z99;
    }

    private static double gaussian(SplittableRandom random) {
      double u1 = 1 - random.nextDouble();
      double u2 = random.nextDouble();
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
  }

  /**
   * An estimate.
   *
   * @param observedMillis the execution's duration on the world clock
   * @param transitions state entries plus retries
   * @param transitionOverheadMillis transitions × the mean overhead
   * @param taskAttempts task attempts found in the history
   * @param integrationMillis the summed mean integration latencies
   * @param totalMillis the sum
   */
  public record Estimate(long observedMillis, long transitions, double transitionOverheadMillis, int taskAttempts,
      double integrationMillis, double totalMillis) {}

  /** The key of integrations without their own distribution. */
  public static final String DEFAULT_INTEGRATION = "default";

  private final Distribution standard;
  private final Distribution express;
  private final Map<String, Distribution> integrations;

  private LatencyModel(Distribution standard, Distribution express, Map<String, Distribution> integrations) {
    this.standard = standard;
    this.express = express;
    this.integrations = Map.copyOf(integrations);
  }

  /** The default, uncalibrated model (every figure an assumption). */
  public static LatencyModel defaults() {
    String a = "ASSUMPTION (no AWS figure; reference pricing-and-quotas.md §8)";
    Map<String, Distribution> m = new LinkedHashMap<>();
    m.put("lambda", new Distribution(20, 150, a + ": warm synchronous Lambda invoke"));
    m.put("dynamodb", new Distribution(8, 40, a + ": single-item DynamoDB call"));
    m.put("events", new Distribution(30, 120, a + ": EventBridge PutEvents"));
    m.put("batch", new Distribution(0, 0,
        a + ": Batch job lifecycle is already simulated on the world clock"));
    m.put("activity", new Distribution(50, 500, a + ": activity worker poll and hand-off"));
    m.put(DEFAULT_INTEGRATION, new Distribution(30, 200, a + ": any other AWS SDK integration"));
    return new LatencyModel(
        new Distribution(50, 200, a + ": Standard per-transition overhead"),
        new Distribution(10, 50, a + ": Express per-transition overhead"),
        m);
  }

  /** A copy with another per-transition overhead for one workflow type. */
  public LatencyModel withTransition(ExecutionType type, Distribution overhead) {
    return type == ExecutionType.STANDARD ? new LatencyModel(overhead, express, integrations)
        : new LatencyModel(standard, overhead, integrations);
  }

  /** A copy with another distribution for an integration ({@code lambda}, {@code dynamodb}, {@code batch}, ...). */
  public LatencyModel withIntegration(String key, Distribution latency) {
    Map<String, Distribution> m = new LinkedHashMap<>(integrations);
    m.put(key, latency);
    return new LatencyModel(standard, express, m);
  }

  /** A distribution fitted to measured samples (their median and 99th percentile), labelled as calibrated. */
  public static Distribution calibrate(List<Double> samplesMillis) {
    if (samplesMillis.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    double[] sorted = samplesMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Distribution(percentile(sorted, 0.5), percentile(sorted, 0.99),
        "calibrated from " + sorted.length + " samples");
  }

  /** The per-transition overhead of a workflow type. */
  public Distribution transition(ExecutionType type) {
    return type == ExecutionType.STANDARD ? standard : express;
  }

  /** The distribution of an integration key (the default one when unknown). */
  public Distribution integration(String key) {
    return integrations.getOrDefault(key, integrations.get(DEFAULT_INTEGRATION));
  }

  /** Every integration distribution by key. */
  public Map<String, Distribution> integrations() {
    return integrations;
  }

  /** The expected (mean) latency of an ended execution. */
  public Estimate estimate(Execution execution) {
    List<String> attempts = taskAttempts(execution.history());
    long transitions = StateTransitions.billed(execution.history());
    double overhead = transitions * transition(execution.type()).meanMillis();
    double integration = attempts.stream().mapToDouble(k -> integration(k).meanMillis()).sum();
    long observed = observedMillis(execution);
    return new Estimate(observed, transitions, overhead, attempts.size(), integration,
        observed + overhead + integration);
  }

  /** A percentile (0..1) of the latency, by {@code samples} seeded Monte-Carlo draws. */
  public double percentile(Execution execution, double p, int samples, long seed) {
    List<String> attempts = taskAttempts(execution.history());
    long transitions = StateTransitions.billed(execution.history());
    Distribution overhead = transition(execution.type());
    SplittableRandom random = new SplittableRandom(seed);
    double[] totals = new double[samples];
    long observed = observedMillis(execution);
    for (int i = 0; i < samples; i++) {
      double t = observed;
      for (long j = 0; j < transitions; j++) {
        t += overhead.sample(random);
      }
      for (String k : attempts) {
        t += integration(k).sample(random);
      }
      totals[i] = t;
    }
    Arrays.sort(totals);
    return percentile(totals, p);
  }

  /** The integration key of every task attempt in a history, in order. */
  static List<String> taskAttempts(List<HistoryEvent> history) {
    List<String> out = new ArrayList<>();
    for (HistoryEvent e : history) {
      switch (e.type()) {
        case "LambdaFunctionScheduled" -> out.add("lambda");
        case "ActivityScheduled" -> out.add("activity");
        case "TaskScheduled" -> out.add(e.details() == null ? DEFAULT_INTEGRATION
            : e.details().path("resourceType").asText(DEFAULT_INTEGRATION).replaceFirst("^aws-sdk:", ""));
        default -> { }
      }
    }
    return out;
  }

  private static long observedMillis(Execution execution) {
    return execution.stopDate() == null ? 0 : execution.stopDate().toEpochMilli() - execution.startDate().toEpochMilli();
  }

  private static double percentile(double[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
