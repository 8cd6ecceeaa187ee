package dev.statelab.chaos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.math.BigDecimal;
import java.util.Map;
import java.util.SortedMap;

/**
 * What one cell of a sweep measured.
 *
 * @param faultRate the cell's fault rate
 * @param retryPolicy the cell's retry policy name
 * @param seed the cell's world seed
 * @param executions executions run
 * @param succeeded executions that SUCCEEDED
 * @param attempts task invocations (scheduled Task, Lambda and activity attempts, retries included)
 * @param faults faults the plan injected, by {@link FaultKind} name, sorted
 * @param latencyP50Millis median execution duration, virtual milliseconds
 * @param latencyP90Millis 90th percentile
 * @param latencyP99Millis 99th percentile
 * @param latencyMaxMillis the longest execution
 * @param transitions state transitions, summed over executions
 * @param costUsd what the cell's executions cost in all (Step Functions and the services they
 *     called), priced with the default catalogue; null when not priced
 * @param errors failed executions by error name, sorted
 */
public record CellResult(
    double faultRate,
    String retryPolicy,
    long seed,
    int executions,
    int succeeded,
    long attempts,
    SortedMap<String, Integer> faults,
    long latencyP50Millis,
    long latencyP90Millis,
    long latencyP99Millis,
    long latencyMaxMillis,
    long transitions,
    BigDecimal costUsd,
    SortedMap<String, Integer> errors) {

  /** The injected faults other than latency: the failures a cell's retries had to absorb. */
  public int failuresInjected() {
    return faults.entrySet().stream().filter(e -> !e.getKey().equals(FaultKind.LATENCY.name()))
        .mapToInt(Map.Entry::getValue).sum();
  }

  /** The share of executions that succeeded, rounded to 4 decimals. */
  public double successRate() {
    return BigDecimal.valueOf(succeeded).divide(BigDecimal.valueOf(executions), 4, java.math.RoundingMode.HALF_EVEN)
        .doubleValue();
  }

  /** The cell as JSON, keys in a fixed order. */
  public ObjectNode toJson() {
    ObjectNode out = Json.object();
    out.put("faultRate", faultRate);
    out.put("retryPolicy", retryPolicy);
    out.put("seed", seed);
    out.put("executions", executions);
    out.put("succeeded", succeeded);
    out.put("successRate", successRate());
    out.put("attempts", attempts);
    ObjectNode faultCounts = out.putObject("faultsInjected");
    faults.forEach(faultCounts::put);
    ObjectNode latency = out.putObject("latencyMillis");
    latency.put("p50", latencyP50Millis);
    latency.put("p90", latencyP90Millis);
    latency.put("p99", latencyP99Millis);
    latency.put("max", latencyMaxMillis);
    out.put("transitions", transitions);
    if (costUsd == null) {
      out.putNull("costUsd");
    } else {
      out.put("costUsd", costUsd);
    }
    ObjectNode errorCounts = out.putObject("errors");
    errors.forEach(errorCounts::put);
    return out;
  }
}
