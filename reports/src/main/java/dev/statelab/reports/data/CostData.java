package dev.statelab.reports.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost projection ({@code cost.json}): list prices, per-scenario monthly costs on Standard and
 * Express, costs across volumes and break-even points.
 *
 * @param prices the list prices by key (e.g. {@code standardPerTransition})
 * @param scenarios one entry per scenario at its stated monthly volume
 * @param volumes monthly cost per scenario at other volumes (given, or projected linearly)
 * @param breakEven break-even points as given in the file (may be empty)
 * @param standardOnly scenarios that cannot run as Express, priced as Standard only (may be empty)
 * @param raw the file as read, for fields this reader does not know
 */
public record CostData(
    Map<String, Price> prices,
    List<Scenario> scenarios,
    List<VolumePoint> volumes,
    List<BreakEven> breakEven,
    List<StandardOnly> standardOnly,
    JsonNode raw) {

  /**
   * A scenario Express cannot run (callbacks, {@code .sync}, longer than five minutes).
   *
   * @param name the scenario
   * @param executions executions per month
   * @param standardTotal its monthly cost as Standard, USD
   * @param reason why Express cannot run it
   */
  public record StandardOnly(String name, double executions, double standardTotal, String reason) {}

  /**
   * One list price.
   *
   * @param key the price's key in {@code prices}
   * @param amount USD per unit
   * @param unit what one unit is, e.g. {@code transition}
   * @param source where the price was read
   * @param date when it was read
   */
  public record Price(String key, double amount, String unit, String source, String date) {}

  /**
   * A scenario's cost at its monthly volume.
   *
   * @param name the scenario name
   * @param executions executions per month
   * @param standard the cost as a Standard workflow
   * @param express the cost as an Express workflow
   * @param usage the usage inputs as written (shown as they are)
   * @param byService monthly cost per AWS service other than Step Functions (or all, as given)
   */
  public record Scenario(
      String name,
      double executions,
      Standard standard,
      Express express,
      JsonNode usage,
      Map<String, Double> byService) {

    /** Standard's total per execution (NaN when executions is 0 or unknown). */
    public double standardPerExecution() {
      return standard.totalCost() / executions;
    }

    /** Express's total per execution (NaN when executions is 0 or unknown). */
    public double expressPerExecution() {
      return express.totalCost() / executions;
    }
  }

  /**
   * Standard workflow cost of one scenario.
   *
   * @param transitionsPerExecution billed state transitions per execution
   * @param stepFunctionsCost monthly Step Functions charge
   * @param totalCost monthly total including the other services
   */
  public record Standard(double transitionsPerExecution, double stepFunctionsCost, double totalCost) {}

  /**
   * Express workflow cost of one scenario.
   *
   * @param billedDurationMsPerExecution billed duration per execution (100 ms increments)
   * @param billedMemoryMbPerExecution billed memory per execution (64 MB increments)
   * @param stepFunctionsCost monthly Step Functions charge
   * @param totalCost monthly total including the other services
   */
  public record Express(
      double billedDurationMsPerExecution,
      double billedMemoryMbPerExecution,
      double stepFunctionsCost,
      double totalCost) {}

  /**
   * The monthly cost of one scenario at one volume.
   *
   * @param scenario the scenario name
   * @param executions executions per month
   * @param standardTotal monthly total as Standard
   * @param expressTotal monthly total as Express
   */
  public record VolumePoint(String scenario, double executions, double standardTotal, double expressTotal) {}

  /**
   * A break-even point as the cost file states it.
   *
   * @param scenario the scenario it belongs to, or empty for all
   * @param description what crosses over, as written
   * @param value where it crosses over
   * @param unit the unit of the value
   */
  public record BreakEven(String scenario, String description, double value, String unit) {}

  /** The price with this key, or null. */
  public Price price(String key) {
    return prices.get(key);
  }

  /** Reads {@code cost.json}; unknown members are ignored, missing numbers are NaN. */
  public static CostData from(JsonNode root) {
    Map<String, Price> prices = new LinkedHashMap<>();
    JsonNode priceNode = Fields.first(root, "prices");
    for (Iterator<String> it = priceNode.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      JsonNode p = priceNode.get(key);
      prices.put(key, new Price(key, Fields.asNumber(p), Fields.text(p, "", "unit"),
          Fields.text(p, "", "source"), Fields.text(p, "", "date")));
    }
    List<Scenario> scenarios = Fields.list(root, CostData::scenario, "scenarios");
    return new CostData(prices, scenarios, volumes(root, scenarios),
        breakEvens(root.path("breakEven")),
        Fields.list(root, s -> new StandardOnly(Fields.text(s, "?", "name"), Fields.number(s, "executions"),
            Fields.number(s, "standardTotalCost", "standardTotal"), Fields.text(s, "", "expressNotPossible", "reason")),
            "standardOnly"),
        root);
  }

  private static Scenario scenario(JsonNode s) {
    JsonNode st = Fields.first(s, "standard");
    JsonNode ex = Fields.first(s, "express");
    Map<String, Double> byService = new LinkedHashMap<>();
    JsonNode services = Fields.first(s, "byService");
    for (Iterator<String> it = services.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      byService.put(name, Fields.asNumber(services.get(name)));
    }
    return new Scenario(
        Fields.text(s, "?", "name", "scenario"),
        Fields.number(s, "executions", "executionsPerMonth"),
        new Standard(Fields.number(st, "transitionsPerExecution"),
            Fields.number(st, "stepFunctionsCost"), Fields.number(st, "totalCost")),
        new Express(Fields.number(ex, "billedDurationMsPerExecution"),
            Fields.number(ex, "billedMemoryMbPerExecution"),
            Fields.number(ex, "stepFunctionsCost"), Fields.number(ex, "totalCost")),
        Fields.first(s, "usage"),
        byService);
  }

  /**
   * Volumes as given: objects {@code {scenario, executions, standard|standardTotal,
   * express|expressTotal}}, or plain numbers (executions per month) at which each scenario's
   * per-execution cost is projected linearly (free tiers ignored).
   */
  private static List<VolumePoint> volumes(JsonNode root, List<Scenario> scenarios) {
    List<VolumePoint> out = new ArrayList<>();
    for (JsonNode v : Fields.elements(root, "volumes")) {
      if (v.isNumber() || v.isTextual()) {
        double n = Fields.asNumber(v);
        for (Scenario s : scenarios) {
          out.add(new VolumePoint(s.name(), n, s.standardPerExecution() * n, s.expressPerExecution() * n));
        }
      } else if (v.isObject()) {
        double n = Fields.number(v, "executions", "executionsPerMonth", "volume");
        JsonNode perScenario = Fields.first(v, "scenarios");
        if (perScenario.isArray()) {
          for (JsonNode s : perScenario) {
            out.add(point(Fields.text(s, "?", "name", "scenario"), n, s));
          }
        } else {
          out.add(point(Fields.text(v, "", "scenario", "name"), n, v));
        }
      }
    }
    return out;
  }

  private static VolumePoint point(String scenario, double executions, JsonNode v) {
    return new VolumePoint(scenario, executions,
        Fields.number(v, "standardTotal", "standardTotalCost", "standard"),
        Fields.number(v, "expressTotal", "expressTotalCost", "express"));
  }

  private static List<BreakEven> breakEvens(JsonNode node) {
    if (node.isObject() && !node.has("points")) {
      return List.of(breakEven(node));
    }
    return Fields.list(node, CostData::breakEven, "points");
  }

  private static BreakEven breakEven(JsonNode b) {
    return new BreakEven(Fields.text(b, "", "scenario", "name"),
        Fields.text(b, "", "description", "variable", "what"),
        Fields.number(b, "value", "executions", "durationMs", "at"),
        Fields.text(b, "", "unit"));
  }
}
