package dev.statelab.cost;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * JSON for reports: the prices used (each with amount, unit, source and date) and, per
 * scenario, the per-execution usage and the Standard and Express costs of a month's executions.
 * Costs are USD strings for {@code executions} executions, free tier not applied.
 *
 * <pre>{@code
 * ObjectNode json = CostReports.toJson(PriceCatalogue.defaults(), List.of(new CostReports.Scenario(usage, 1_000_000)));
 * }</pre>
 */
public final class CostReports {

  /** The named prices a report lists, by report key → catalogue id. */
  public static final Map<String, String> PRICE_KEYS = priceKeys();

  private CostReports() {}

  /**
   * A scenario to report: its per-execution usage and the monthly volume to price.
   *
   * @param usage per-execution usage, Standard and Express
   * @param executions executions per month
   */
  public record Scenario(ScenarioUsage usage, long executions) {}

  /** The report, priced with {@code catalogue}, free tiers off. */
  public static ObjectNode toJson(PriceCatalogue catalogue, List<Scenario> scenarios) {
    CostModel model = CostModel.of(catalogue);
    ObjectNode root = Json.object();
    root.put("currency", catalogue.currency());
    root.put("catalogueDate", catalogue.date());
    root.put("freeTierApplied", false);
    root.set("prices", prices(catalogue));
    ArrayNode arr = root.putArray("scenarios");
    for (Scenario s : scenarios) {
      arr.add(scenario(model, s));
    }
    return root;
  }

  /** The named prices: {@code {"standardPerTransition": {amount, unit, source, date, ...}, ...}}. */
  public static ObjectNode prices(PriceCatalogue catalogue) {
    ObjectNode prices = Json.object();
    PRICE_KEYS.forEach((key, id) -> catalogue.byId(id).ifPresent(p -> {
      ObjectNode o = prices.putObject(key);
      o.put("amount", p.amount().toPlainString());
      o.put("unit", singular(p.unit()));
      o.put("currency", catalogue.currency());
      o.put("source", p.source());
      o.put("date", p.date());
      o.put("region", p.region());
      o.put("priceId", p.id());
      if (!p.tiers().isEmpty()) {
        o.set("tiers", PriceCatalogue.toJson(p).get("tiers"));
      }
      if (p.freeTier().signum() > 0) {
        o.put("freeTierPerMonth", p.freeTier().toPlainString());
      }
      if (!p.note().isEmpty()) {
        o.put("note", p.note());
      }
    }));
    return prices;
  }

  /** One scenario's JSON. */
  public static ObjectNode scenario(CostModel model, Scenario scenario) {
    ScenarioUsage u = scenario.usage();
    Projection projection = Projection.of(model, u);
    Projection.Result r = projection.project(scenario.executions());
    ObjectNode o = Json.object();
    o.put("name", u.name());
    o.put("executions", scenario.executions());
    o.set("usagePerExecution", usage(u));
    ObjectNode standard = o.putObject("standard");
    standard.put("transitionsPerExecution", u.transitionsPerExecution());
    standard.put("stepFunctionsCost", CostBreakdown.usd(r.standard().total(Services.STEP_FUNCTIONS)));
    standard.put("totalCost", CostBreakdown.usd(r.standard().total()));
    standard.set("costByService", byService(r.standard()));
    ObjectNode express = o.putObject("express");
    express.put("billedDurationMsPerExecution", u.expressBilling().billedDurationMillis());
    express.put("billedMemoryMbPerExecution", u.expressBilling().billedMemoryMb());
    express.put("gbSecondsPerExecution", CostBreakdown.plain(u.expressBilling().gbSeconds()));
    express.put("stepFunctionsCost", CostBreakdown.usd(r.express().total(Services.STEP_FUNCTIONS)));
    express.put("totalCost", CostBreakdown.usd(r.express().total()));
    express.set("costByService", byService(r.express()));
    o.put("cheaper", r.cheaper().name());
    o.put("reason", r.reason());
    if (r.breakEven().never()) {
      o.put("breakEvenExecutions", "never");
    } else {
      o.put("breakEvenExecutions", r.breakEven().executions());
    }
    o.put("breakEvenReason", r.breakEven().reason());
    return o;
  }

  /**
   * Per-execution usage inputs: named figures (transitions, requests, billed duration and memory,
   * Lambda GB-seconds, Batch vCPU and GB hours, DynamoDB request units) and every usage type.
   */
  public static ObjectNode usage(ScenarioUsage u) {
    ObjectNode o = Json.object();
    ObjectNode s = o.putObject("standard");
    named(s, u.standard());
    s.put("transitions", u.transitionsPerExecution());
    ObjectNode e = o.putObject("express");
    named(e, u.express());
    e.put("requests", total(u.express(), Services.STEP_FUNCTIONS, StepFunctionsMetering.REQUEST));
    e.put("billedDurationMs", u.expressBilling().billedDurationMillis());
    e.put("billedMemoryMb", u.expressBilling().billedMemoryMb());
    e.put("usedMemoryMb", u.expressBilling().usedMemoryMb());
    e.put("durationMs", u.expressBilling().durationMillis());
    ArrayNode all = o.putArray("byUsageType");
    Set<List<String>> keys = new TreeSet<>((a, b) -> (a.get(0) + "\u0000" + a.get(1) + "\u0000" + a.get(2))
        .compareTo(b.get(0) + "\u0000" + b.get(1) + "\u0000" + b.get(2)));
    for (UsageRecord r : u.standard()) {
      keys.add(List.of(r.service(), r.usageType(), r.unit()));
    }
    for (UsageRecord r : u.express()) {
      keys.add(List.of(r.service(), r.usageType(), r.unit()));
    }
    for (List<String> k : keys) {
      ObjectNode line = all.addObject();
      line.put("service", k.get(0));
      line.put("usageType", k.get(1));
      line.put("unit", k.get(2));
      line.put("standard", total(u.standard(), k.get(0), k.get(1)));
      line.put("express", total(u.express(), k.get(0), k.get(1)));
    }
    return o;
  }

  private static void named(ObjectNode o, List<UsageRecord> records) {
    o.put("lambdaRequests", total(records, Services.LAMBDA, "Request") + total(records, Services.LAMBDA, "Request-ARM"));
    o.put("lambdaGbSeconds", total(records, Services.LAMBDA, "Lambda-GB-Second")
        + total(records, Services.LAMBDA, "Lambda-GB-Second-ARM"));
    o.put("batchVcpuHours", total(records, Services.BATCH, "Fargate-vCPU-Hours:perCPU")
        + total(records, Services.BATCH, "Fargate-ARM-vCPU-Hours:perCPU") + total(records, Services.BATCH, "EC2-vCPU-Hours"));
    o.put("batchGbHours", total(records, Services.BATCH, "Fargate-GB-Hours")
        + total(records, Services.BATCH, "Fargate-ARM-GB-Hours"));
    o.put("dynamodbReadRequestUnits", total(records, Services.DYNAMODB, "ReadRequestUnits"));
    o.put("dynamodbWriteRequestUnits", total(records, Services.DYNAMODB, "WriteRequestUnits"));
    o.put("eventBridgeEvents", total(records, Services.EVENTBRIDGE, "Event-64K-Chunks"));
  }

  private static ObjectNode byService(CostBreakdown b) {
    ObjectNode o = Json.object();
    b.byService().forEach((k, v) -> o.put(k, CostBreakdown.usd(v)));
    return o;
  }

  private static double total(List<UsageRecord> records, String service, String usageType) {
    return ScenarioUsage.total(records, service, usageType);
  }

  private static String singular(String unit) {
    return switch (unit) {
      case "Transitions" -> "transition";
      case "Requests" -> "request";
      case "GB-Seconds" -> "GB-second";
      case "vCPU-Hours" -> "vCPU-hour";
      case "GB-Hours" -> "GB-hour";
      case "Events" -> "event (64 KB chunk)";
      case "WriteRequestUnits" -> "write request unit";
      case "ReadRequestUnits" -> "read request unit";
      case "WCU-Hours" -> "WCU-hour";
      case "RCU-Hours" -> "RCU-hour";
      default -> unit;
    };
  }

  private static Map<String, String> priceKeys() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("standardPerTransition", "sfn-standard-transition");
    m.put("expressPerRequest", "sfn-express-request");
    m.put("expressPerGbSecond", "sfn-express-duration");
    m.put("lambdaPerRequest", "lambda-request");
    m.put("lambdaPerGbSecond", "lambda-gb-second");
    m.put("lambdaArmPerGbSecond", "lambda-gb-second-arm");
    m.put("fargatePerVcpuHour", "batch-fargate-vcpu");
    m.put("fargatePerGbHour", "batch-fargate-gb");
    m.put("ec2PerVcpuHour", "batch-ec2-vcpu");
    m.put("dynamodbPerWriteRequestUnit", "dynamodb-write-request-units");
    m.put("dynamodbPerReadRequestUnit", "dynamodb-read-request-units");
    m.put("dynamodbPerWcuHour", "dynamodb-wcu-hours");
    m.put("dynamodbPerRcuHour", "dynamodb-rcu-hours");
    m.put("dynamodbStreamsPerReadRequest", "dynamodb-stream-read-requests");
    m.put("eventBridgePerEvent", "eventbridge-custom-events");
    m.put("pipesPerRequest", "eventbridge-pipe-requests");
    m.put("costExplorerPerRequest", "ce-api-request");
    return java.util.Collections.unmodifiableMap(m);
  }
}
