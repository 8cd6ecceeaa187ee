package dev.statelab.reports.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark results ({@code bench.json}, JMH's {@code -rf json} format), the machine they ran on
 * ({@code machine.json}) and an optional earlier run ({@code bench-previous.json}).
 *
 * @param results this run's results
 * @param previous the earlier run's results, empty when absent
 * @param machine the machine of this run
 */
public record BenchData(List<Result> results, List<Result> previous, Machine machine) {

  /**
   * One JMH result.
   *
   * @param benchmark the benchmark method's full name
   * @param mode thrpt, avgt, sample, ss
   * @param params the {@code @Param} values
   * @param score the primary metric's score
   * @param scoreError the half-width of its 99.9% confidence interval (NaN when JMH gives none)
   * @param unit the score's unit, e.g. {@code ops/s}
   * @param forks the number of forks in the raw data
   * @param iterations the measurement iterations in the raw data (all forks)
   * @param secondary the secondary metrics' scores by name ({@code @AuxCounters}, profilers), in
   *     the primary score's unit
   * @param warmup the warm-up per fork as JMH ran it, e.g. {@code 8 × 5 s} ("?" when absent)
   */
  public record Result(
      String benchmark,
      String mode,
      Map<String, String> params,
      double score,
      double scoreError,
      String unit,
      int forks,
      int iterations,
      Map<String, Double> secondary,
      String warmup) {

    /** The benchmark class's simple name, e.g. {@code RetryBackoffBenchmark}. */
    public String suite() {
      String[] parts = benchmark.split("\\.");
      return parts.length >= 2 ? parts[parts.length - 2] : benchmark;
    }

    /** The method and params without the class: {@code run [p=v]}. */
    public String shortLabel() {
      String label = label();
      return label.startsWith(suite() + ".") ? label.substring(suite().length() + 1) : label;
    }

    /** The benchmark and its params, as a short label: {@code Class.method [p=v]}. */
    public String label() {
      String[] parts = benchmark.split("\\.");
      String shortName = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
      if (params.isEmpty()) {
        return shortName;
      }
      StringBuilder b = new StringBuilder(shortName).append(" [");
      params.forEach((k, v) -> b.append(b.charAt(b.length() - 1) == '[' ? "" : ", ").append(k).append('=').append(v));
      return b.append(']').toString();
    }
  }

  /**
   * The machine a run was measured on.
   *
   * @param cpu the CPU model
   * @param cores the cores available to the JVM
   * @param memory the memory, as written
   * @param javaVersion the JVM's version
   * @param os the operating system
   */
  public record Machine(String cpu, String cores, String memory, String javaVersion, String os) {

    /** Reads {@code machine.json}; absent fields are "?". */
    public static Machine from(JsonNode m) {
      return new Machine(Fields.text(m, "?", "cpu"), Fields.text(m, "?", "cores"),
          Fields.text(m, "?", "memory"), Fields.text(m, "?", "javaVersion", "java", "jvm"),
          Fields.text(m, "?", "os"));
    }
  }

  /** Reads an array in JMH's JSON result format. */
  public static List<Result> results(JsonNode array) {
    return Fields.list(array, BenchData::result, "results", "benchmarks");
  }

  private static Result result(JsonNode r) {
    Map<String, String> params = new LinkedHashMap<>();
    JsonNode p = Fields.first(r, "params");
    for (Iterator<String> it = p.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      params.put(k, p.get(k).asText());
    }
    JsonNode primary = Fields.first(r, "primaryMetric");
    List<JsonNode> raw = Fields.elements(primary, "rawData");
    int iterations = raw.stream().mapToInt(JsonNode::size).sum();
    Map<String, Double> secondary = new LinkedHashMap<>();
    JsonNode metrics = Fields.first(r, "secondaryMetrics");
    for (Iterator<String> it = metrics.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      secondary.put(name, Fields.number(metrics.get(name), "score"));
    }
    return new Result(Fields.text(r, "?", "benchmark"), Fields.text(r, "", "mode"), params,
        Fields.number(primary, "score"), Fields.number(primary, "scoreError"),
        Fields.text(primary, "", "scoreUnit"), Math.max(Fields.first(r, "forks").asInt(raw.size()), 0), iterations,
        secondary, warmup(r));
  }

  /** {@code warmupIterations × warmupTime}, as JMH wrote them ({@code 1 × 1 s}). */
  private static String warmup(JsonNode r) {
    JsonNode iterations = Fields.first(r, "warmupIterations");
    String time = Fields.text(r, "", "warmupTime");
    if (iterations.isMissingNode() || iterations.isNull()) {
      return "?";
    }
    return iterations.asInt() == 0 ? "none" : iterations.asInt() + " × " + time;
  }
}
