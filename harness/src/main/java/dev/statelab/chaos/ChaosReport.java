package dev.statelab.chaos;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.util.List;
import java.util.Locale;

/**
 * The results of a {@link ChaosExperiment}: the sweep and one {@link CellResult} per cell, in
 * sweep order (rate, then policy, then seed).
 *
 * @param workload the workload's name
 * @param sweep the sweep that ran
 * @param cells the cells' results
 */
public record ChaosReport(String workload, ChaosSweep sweep, List<CellResult> cells) {

  /** Copies the cells. */
  public ChaosReport {
    cells = List.copyOf(cells);
  }

  /** The report as JSON, keys in a fixed order: the same seed gives the same bytes. */
  public ObjectNode toJson() {
    ObjectNode out = Json.object();
    out.put("scenario", workload);
    out.put("executionsPerCell", sweep.executionsPerCell());
    ArrayNode rates = out.putArray("faultRates");
    sweep.faultRates().forEach(rates::add);
    ArrayNode policies = out.putArray("retryPolicies");
    sweep.retryPolicies().forEach(p -> policies.add(p.toJson()));
    ArrayNode seeds = out.putArray("seeds");
    sweep.seeds().forEach(seeds::add);
    ArrayNode cellArray = out.putArray("cells");
    cells.forEach(c -> cellArray.add(c.toJson()));
    return out;
  }

  /** The report as pretty-printed JSON text with a final newline. */
  public String toJsonText() {
    return Json.pretty(toJson()) + "\n";
  }

  /** A fixed-width table of the cells, one line per cell, for a terminal. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-6s %-16s %6s %8s %9s %9s %9s %9s %9s %11s%n",
        "rate", "retry", "seed", "success", "attempts", "failures", "p50 ms", "p90 ms", "p99 ms", "transitions"));
    for (CellResult c : cells) {
      out.append(String.format(Locale.ROOT, "%-6.2f %-16s %6d %7.1f%% %9d %9d %9d %9d %9d %11d%n",
          c.faultRate(), c.retryPolicy(), c.seed(), c.successRate() * 100, c.attempts(), c.failuresInjected(),
          c.latencyP50Millis(), c.latencyP90Millis(), c.latencyP99Millis(), c.transitions()));
    }
    return out.toString();
  }
}
