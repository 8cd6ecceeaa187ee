package dev.statelab.reports.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.reports.data.CostData;
import dev.statelab.reports.data.CostData.Price;
import dev.statelab.reports.data.CostData.Scenario;
import dev.statelab.reports.data.CostData.VolumePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The cost page's content.
 *
 * @param data the cost file
 * @param rows one row per scenario
 * @param charts the volume charts (one per scenario) and the break-even chart
 */
public record CostView(CostData data, List<Row> rows, List<Chart> charts) {

  /** AWS list prices (us-east-1) used when the file gives none. */
  static final double DEFAULT_TRANSITION = 0.000025;
  static final double DEFAULT_REQUEST = 0.000001;
  static final double DEFAULT_GB_SECOND = 0.00001667;

  /**
   * One scenario's row.
   *
   * @param name the scenario
   * @param executions executions per month
   * @param transitions billed transitions per execution (Standard)
   * @param standardSfn Standard's Step Functions charge
   * @param standardTotal Standard's total
   * @param expressDuration Express's billed duration per execution
   * @param expressMemory Express's billed memory
   * @param expressSfn Express's Step Functions charge
   * @param expressTotal Express's total
   * @param cheaper which type costs less
   * @param breakEvenDuration the Express billed duration at which both cost the same
   */
  public record Row(String name, String executions, String transitions, String standardSfn, String standardTotal,
      String expressDuration, String expressMemory, String expressSfn, String expressTotal, String cheaper,
      String breakEvenDuration) {}

  /** Builds the page from the cost file. */
  public static CostView of(CostData data) {
    double pT = price(data, "standardPerTransition", DEFAULT_TRANSITION);
    double pR = price(data, "expressPerRequest", DEFAULT_REQUEST);
    double pG = price(data, "expressPerGbSecond", DEFAULT_GB_SECOND);
    List<Row> rows = new ArrayList<>();
    for (Scenario s : data.scenarios()) {
      double mem = Double.isNaN(s.express().billedMemoryMbPerExecution()) ? 64 : s.express().billedMemoryMbPerExecution();
      rows.add(new Row(s.name(), Fmt.num(s.executions()), Fmt.num(s.standard().transitionsPerExecution()),
          Fmt.usd(s.standard().stepFunctionsCost()), Fmt.usd(s.standard().totalCost()),
          Fmt.ms(s.express().billedDurationMsPerExecution()), Fmt.num(mem) + " MB",
          Fmt.usd(s.express().stepFunctionsCost()), Fmt.usd(s.express().totalCost()),
          s.standard().totalCost() <= s.express().totalCost() ? "Standard" : "Express",
          breakEvenText(breakEvenMs(s.standard().transitionsPerExecution(), mem, pT, pR, pG))));
    }
    List<Chart> charts = new ArrayList<>();
    int i = 0;
    for (Scenario s : data.scenarios()) {
      List<VolumePoint> points = data.volumes().stream().filter(v -> v.scenario().equals(s.name())).toList();
      if (points.isEmpty()) {
        continue;
      }
      List<Double> x = points.stream().map(VolumePoint::executions).toList();
      ObjectNode spec = Chart.lineSpec(s.name() + ": monthly cost by volume", "executions per month", "USD per month", x);
      spec.put("xLog", true);
      spec.put("yLog", true);
      Chart.addSeries(spec, "Standard", points.stream().map(VolumePoint::standardTotal).toList(), false);
      Chart.addSeries(spec, "Express", points.stream().map(VolumePoint::expressTotal).toList(), true);
      charts.add(new Chart("cost-volume-" + i++, "line", spec));
    }
    charts.add(breakEvenChart(data, pT, pR, pG));
    return new CostView(data, rows, charts);
  }

  /** The prices used, with the defaults marked. */
  public List<Price> pricesUsed() {
    List<Price> out = new ArrayList<>(data.prices().values());
    addDefault(out, "standardPerTransition", DEFAULT_TRANSITION, "state transition");
    addDefault(out, "expressPerRequest", DEFAULT_REQUEST, "request");
    addDefault(out, "expressPerGbSecond", DEFAULT_GB_SECOND, "GB-second");
    return out;
  }

  private void addDefault(List<Price> out, String key, double amount, String unit) {
    if (!data.prices().containsKey(key)) {
      out.add(new Price(key, amount, unit, "default (not in cost.json): AWS list price us-east-1", ""));
    }
  }

  private static double price(CostData data, String key, double fallback) {
    Price p = data.price(key);
    return p == null || Double.isNaN(p.amount()) ? fallback : p.amount();
  }

  /** Express workflows run for at most five minutes. */
  static final double EXPRESS_MAX_MS = 300_000;

  private static String breakEvenText(double ms) {
    if (ms <= 0) {
      return "none: Standard is cheaper at any duration";
    }
    return Fmt.ms(ms) + (ms > EXPRESS_MAX_MS ? " (beyond Express's 5 min limit: Express is always cheaper)" : "");
  }

  /** The billed Express duration (ms) at which Express's charge per execution equals Standard's. */
  static double breakEvenMs(double transitions, double memoryMb, double pT, double pR, double pG) {
    return (transitions * pT - pR) / (pG * memoryMb / 1024) * 1000;
  }

  /**
   * Step Functions charge per million executions against Express billed duration: Standard is
   * flat per scenario (its transitions), Express rises with duration; they cross at break-even.
   */
  private static Chart breakEvenChart(CostData data, double pT, double pR, double pG) {
    double maxMs = 1000;
    for (Scenario s : data.scenarios()) {
      double mem = Double.isNaN(s.express().billedMemoryMbPerExecution()) ? 64 : s.express().billedMemoryMbPerExecution();
      maxMs = Math.max(maxMs, 1.3 * breakEvenMs(s.standard().transitionsPerExecution(), mem, pT, pR, pG));
      maxMs = Math.max(maxMs, 1.3 * nz(s.express().billedDurationMsPerExecution()));
    }
    TreeSet<Double> xs = new TreeSet<>();
    for (int k = 0; k <= 40; k++) {
      xs.add(Math.round(maxMs * k / 40 / 100) * 100.0);
    }
    List<Double> x = new ArrayList<>(xs);
    ObjectNode spec = Chart.lineSpec("Break-even: Step Functions charge per million executions",
        "Express billed duration (ms)", "USD per million executions", x);
    ArrayNode markers = spec.putArray("markers");
    TreeSet<Double> memories = new TreeSet<>();
    for (Scenario s : data.scenarios()) {
      double mem = Double.isNaN(s.express().billedMemoryMbPerExecution()) ? 64 : s.express().billedMemoryMbPerExecution();
      memories.add(mem);
      double standard = s.standard().transitionsPerExecution() * pT * 1e6;
      Chart.addSeries(spec, "Standard · " + s.name() + " (" + Fmt.num(s.standard().transitionsPerExecution())
          + " transitions)", x.stream().map(v -> standard).toList(), false);
      double be = breakEvenMs(s.standard().transitionsPerExecution(), mem, pT, pR, pG);
      if (be > 0 && !Double.isNaN(be)) {
        ObjectNode m = markers.addObject();
        m.put("x", be);
        m.put("y", standard);
        m.put("label", s.name() + ": " + Fmt.ms(be));
      }
    }
    for (double mem : memories) {
      Chart.addSeries(spec, "Express · " + Fmt.num(mem) + " MB",
          x.stream().map(ms -> (pR + pG * mem / 1024 * ms / 1000) * 1e6).toList(), true);
    }
    return new Chart("break-even", "line", spec);
  }

  private static double nz(double v) {
    return Double.isNaN(v) ? 0 : v;
  }
}
