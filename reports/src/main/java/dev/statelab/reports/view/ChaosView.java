package dev.statelab.reports.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.reports.data.ChaosData;
import dev.statelab.reports.data.ChaosData.Cell;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The chaos page's content: cells averaged over seeds, per series (retry policy and jitter) and
 * fault rate.
 *
 * @param rows the averaged cells
 * @param charts success rate, latency, attempts and cost against the fault rate
 * @param cellCount the cells read
 * @param seeds the distinct seeds
 */
public record ChaosView(List<Row> rows, List<Chart> charts, int cellCount, int seeds) {

  /**
   * One series at one fault rate, averaged over seeds.
   *
   * @param series the retry policy (and jitter)
   * @param faultRate the fault rate
   * @param seeds how many seeds were averaged
   * @param successRate mean success rate
   * @param attempts mean attempts
   * @param p50 mean p50 latency
   * @param p90 mean p90 latency
   * @param p99 mean p99 latency
   * @param transitions mean transitions
   * @param cost mean cost
   */
  public record Row(String series, String faultRate, int seeds, String successRate, String attempts, String p50,
      String p90, String p99, String transitions, String cost) {}

  /** Builds the page. */
  public static ChaosView of(ChaosData data) {
    Map<String, TreeMap<Double, List<Cell>>> bySeries = new LinkedHashMap<>();
    TreeSet<Double> rates = new TreeSet<>();
    for (Cell c : data.cells()) {
      bySeries.computeIfAbsent(c.series(), k -> new TreeMap<>()).computeIfAbsent(c.faultRate(), k -> new ArrayList<>()).add(c);
      rates.add(c.faultRate());
    }
    List<Row> rows = new ArrayList<>();
    bySeries.forEach((series, byRate) -> byRate.forEach((rate, cells) -> rows.add(new Row(series, Fmt.pct(rate),
        cells.size(), Fmt.pct(mean(cells, Cell::successRate)), Fmt.num(mean(cells, Cell::attempts)),
        Fmt.ms(mean(cells, Cell::latencyP50)), Fmt.ms(mean(cells, Cell::latencyP90)),
        Fmt.ms(mean(cells, Cell::latencyP99)), Fmt.num(mean(cells, Cell::transitions)),
        Fmt.usd(mean(cells, Cell::cost))))));
    List<Double> x = rates.stream().map(r -> r * 100).toList();
    List<Chart> charts = new ArrayList<>();
    ObjectNode success = Chart.lineSpec("Success rate", "fault rate (%)", "succeeded (%)", x);
    bySeries.forEach((s, m) -> Chart.addSeries(success, s, series(m, rates, c -> c.successRate() * 100), false));
    success.putArray("yRange").add(0).add(100);
    charts.add(new Chart("chaos-success", "line", success));
    ObjectNode latency = Chart.lineSpec("Latency p50 (solid) and p99 (dashed)", "fault rate (%)", "virtual ms", x);
    List<String> names = new ArrayList<>(bySeries.keySet());
    bySeries.forEach((s, m) -> Chart.addSeries(latency, s + " p50", series(m, rates, Cell::latencyP50), false)
        .put("color", names.indexOf(s)));
    bySeries.forEach((s, m) -> Chart.addSeries(latency, s + " p99", series(m, rates, Cell::latencyP99), true)
        .put("color", names.indexOf(s)));
    charts.add(new Chart("chaos-latency", "line", latency));
    ObjectNode cost = Chart.lineSpec("Cost", "fault rate (%)", "USD", x);
    bySeries.forEach((s, m) -> Chart.addSeries(cost, s, series(m, rates, Cell::cost), false));
    charts.add(new Chart("chaos-cost", "line", cost));
    if (data.cells().stream().anyMatch(c -> !Double.isNaN(c.attempts()))) {
      ObjectNode attempts = Chart.lineSpec("Task attempts", "fault rate (%)", "attempts", x);
      bySeries.forEach((s, m) -> Chart.addSeries(attempts, s, series(m, rates, Cell::attempts), false));
      charts.add(new Chart("chaos-attempts", "line", attempts));
    }
    int seeds = (int) data.cells().stream().map(Cell::seed).distinct().count();
    return new ChaosView(rows, charts, data.cells().size(), seeds);
  }

  private static List<Double> series(TreeMap<Double, List<Cell>> byRate, TreeSet<Double> rates, ToDoubleFunction<Cell> f) {
    List<Double> out = new ArrayList<>();
    for (double r : rates) {
      List<Cell> cells = byRate.get(r);
      out.add(cells == null ? Double.NaN : mean(cells, f));
    }
    return out;
  }

  private static double mean(List<Cell> cells, ToDoubleFunction<Cell> f) {
    return cells.stream().mapToDouble(f).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
  }
}
