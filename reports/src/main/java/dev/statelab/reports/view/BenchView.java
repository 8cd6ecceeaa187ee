package dev.statelab.reports.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import dev.statelab.reports.data.BenchData;
import dev.statelab.reports.data.BenchData.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark page's content.
 *
 * @param data the results
 * @param rows one row per result
 * @param charts one bar chart per suite (benchmark class), mode and unit
 */
public record BenchView(BenchData data, List<Row> rows, List<Chart> charts) {

  /**
   * One result's row.
   *
   * @param label the benchmark and params
   * @param mode the JMH mode
   * @param score the score
   * @param error the 99.9% error
   * @param relativeError the error as a share of the score
   * @param unit the unit
   * @param samples forks × iterations
   * @param warmup the warm-up per fork
   * @param previous the previous run's score, or "–"
   * @param change the change against the previous run, or empty
   * @param counters the secondary metrics ({@code @AuxCounters}): per operation for throughput
   *     scores (counter ÷ score), as reported otherwise; empty when there are none
   */
  public record Row(String label, String mode, String score, String error, String relativeError, String unit,
      String samples, String warmup, String previous, String change, String counters) {}

  /** Builds the page. */
  public static BenchView of(BenchData data) {
    Map<String, Result> previous = new LinkedHashMap<>();
    data.previous().forEach(r -> previous.put(key(r), r));
    List<Row> rows = new ArrayList<>();
    for (Result r : data.results()) {
      Result p = previous.get(key(r));
      String change = "";
      if (p != null && p.score() != 0) {
        double d = (r.score() - p.score()) / p.score();
        boolean higherBetter = r.mode().equals("thrpt");
        boolean significant = Math.abs(r.score() - p.score()) > nz(r.scoreError()) + nz(p.scoreError());
        change = (d >= 0 ? "+" : "") + Fmt.pct(d) + (significant ? ((d > 0) == higherBetter ? " better" : " worse") : " (within error)");
      }
      rows.add(new Row(r.label(), r.mode(), Fmt.num(r.score()), "± " + Fmt.num(r.scoreError()),
          Fmt.pct(r.scoreError() / r.score()), r.unit(), r.forks() + " × " + (r.forks() == 0 ? 0 : r.iterations() / r.forks()),
          r.warmup(), p == null ? "–" : Fmt.num(p.score()) + " ± " + Fmt.num(p.scoreError()), change, counters(r)));
    }
    Map<String, List<Result>> groups = new LinkedHashMap<>();
    data.results().forEach(r -> groups.computeIfAbsent(r.suite() + " · " + r.mode() + " · " + r.unit(),
        k -> new ArrayList<>()).add(r));
    List<Chart> charts = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, List<Result>> g : groups.entrySet()) {
      List<Result> rs = g.getValue();
      ObjectNode spec = Json.object();
      spec.put("title", g.getKey() + (rs.get(0).mode().equals("thrpt") ? " (higher is better)" : " (lower is better)"));
      spec.put("yLabel", rs.get(0).unit());
      ArrayNode labels = spec.putArray("labels");
      rs.forEach(r -> labels.add(chartLabel(r, rs)));
      String fixed = fixedParams(rs);
      if (!fixed.isEmpty()) {
        spec.put("title", spec.get("title").asText() + " · " + fixed);
      }
      double min = rs.stream().mapToDouble(Result::score).filter(v -> v > 0).min().orElse(1);
      double max = rs.stream().mapToDouble(Result::score).max().orElse(1);
      spec.put("yLog", max / min > 50);
      spec.put("height", 320);
      ArrayNode series = spec.putArray("series");
      addBars(series, "this run", rs, null);
      if (rs.stream().anyMatch(r -> previous.containsKey(key(r)))) {
        addBars(series, "previous run", rs, previous);
      }
      charts.add(new Chart("bench-" + i++, "bars", spec));
    }
    return new BenchView(data, rows, charts);
  }

  /** A bar's label: the method (when the suite has several) and the params that vary in the chart. */
  static String chartLabel(Result r, List<Result> group) {
    String method = r.benchmark().substring(r.benchmark().lastIndexOf('.') + 1);
    boolean oneMethod = group.stream().allMatch(g -> g.benchmark().equals(r.benchmark()));
    StringBuilder b = new StringBuilder(oneMethod ? "" : method);
    r.params().forEach((k, v) -> {
      if (group.stream().anyMatch(g -> !v.equals(g.params().get(k)))) {
        // Words speak for themselves (JSONATA, PASS); flags and numbers need their name.
        boolean bare = !v.equals("true") && !v.equals("false") && !v.matches("[-0-9.eE]+");
        b.append(b.length() == 0 ? "" : " ").append(bare ? v : k + "=" + v);
      }
    });
    return b.length() == 0 ? method : b.toString();
  }

  /** The params every result of a chart shares, {@code k=v, ...}. */
  static String fixedParams(List<Result> group) {
    StringBuilder b = new StringBuilder();
    group.get(0).params().forEach((k, v) -> {
      if (group.size() > 1 && group.stream().allMatch(g -> v.equals(g.params().get(k)))) {
        b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v);
      }
    });
    return b.toString();
  }

  /**
   * The secondary metrics of a result. For a throughput score an aux counter is a rate like the
   * score, so counter ÷ score is the amount per operation (attempts per execution, say).
   */
  static String counters(Result r) {
    StringBuilder b = new StringBuilder();
    boolean perOp = r.mode().equals("thrpt") && r.score() > 0;
    r.secondary().forEach((name, value) -> {
      if (Double.isNaN(value)) {
        return;
      }
      b.append(b.length() == 0 ? "" : ", ").append(name).append(' ')
          .append(Fmt.num(perOp ? value / r.score() : value)).append(perOp ? "/op" : "");
    });
    return b.toString();
  }

  private static void addBars(ArrayNode series, String label, List<Result> rs, Map<String, Result> from) {
    ObjectNode s = series.addObject();
    s.put("label", label);
    ArrayNode values = s.putArray("values");
    ArrayNode errors = s.putArray("errors");
    for (Result r : rs) {
      Result v = from == null ? r : from.get(key(r));
      if (v == null || Double.isNaN(v.score())) {
        values.addNull();
        errors.addNull();
      } else {
        values.add(v.score());
        if (Double.isNaN(v.scoreError())) {
          errors.addNull();
        } else {
          errors.add(v.scoreError());
        }
      }
    }
  }

  private static String key(Result r) {
    return r.benchmark() + r.params() + r.mode();
  }

  private static double nz(double v) {
    return Double.isNaN(v) ? 0 : v;
  }
}
