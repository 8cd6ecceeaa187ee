package dev.statelab.service.costexplorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.cost.CostBreakdown;
import dev.statelab.cost.CostModel;
import dev.statelab.cost.Price;
import dev.statelab.cost.PriceCatalogue;
import dev.statelab.cost.Services;
import dev.statelab.cost.UsageLedger;
import dev.statelab.cost.UsageRecord;
import dev.statelab.engine.World;
import dev.statelab.gateway.AwsProtocol;
import dev.statelab.gateway.AwsRequest;
import dev.statelab.gateway.AwsResponse;
import dev.statelab.gateway.AwsService;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.gateway.ServiceSpec;
import dev.statelab.json.Json;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Cost Explorer's {@code GetCostAndUsage} and {@code GetDimensionValues} over the world's
 * {@link UsageLedger}, priced by a {@link PriceCatalogue}.
 *
 * <p>Costs: a record's cost is its quantity times its usage type's rate for the calendar month it
 * falls in (the catalogue's price, or with tiers the month's tiered cost divided by the month's
 * quantity), free tiers not applied. {@code UnblendedCost}, {@code BlendedCost}, {@code
 * AmortizedCost}, {@code NetUnblendedCost} and {@code NetAmortizedCost} are all that cost (no
 * reservations, credits or discounts exist here); {@code UsageQuantity} and {@code
 * NormalizedUsageAmount} are the summed quantities with unit {@code N/A}. {@code Estimated} is
 * true for buckets in the world's current month or later. Every request is metered as one
 * {@code APIRequest} of {@link Services#COST_EXPLORER}, after it is answered.
 */
public final class CostExplorerService implements AwsService {

  /** The operations served. */
  static final ServiceSpec SPEC = ServiceSpec.newBuilder(AwsProtocol.AWS_JSON_1_1, "ce")
      .targetPrefix("AWSInsightsIndexService")
      .operations("GetCostAndUsage", "GetDimensionValues")
      .build();

  /** The metrics GetCostAndUsage accepts. */
  static final List<String> METRICS = List.of("AmortizedCost", "BlendedCost", "NetAmortizedCost",
      "NetUnblendedCost", "NormalizedUsageAmount", "UnblendedCost", "UsageQuantity");

  private static final List<String> GRANULARITIES = List.of("DAILY", "MONTHLY", "HOURLY");

  private final World world;
  private final PriceCatalogue catalogue;

  /** A service over a world's ledger, pricing with {@code catalogue}. */
  public CostExplorerService(World world, PriceCatalogue catalogue) {
    this.world = Objects.requireNonNull(world, "world");
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
  }

  @Override
  public ServiceSpec spec() {
    return SPEC;
  }

  @Override
  public AwsResponse handle(AwsRequest request) {
    JsonNode body = request.body() == null ? Json.object() : request.body();
    JsonNode out = switch (request.operation()) {
      case "GetCostAndUsage" -> getCostAndUsage(body, request.accountId());
      case "GetDimensionValues" -> getDimensionValues(body, request.accountId());
      default -> throw new AwsServiceException("UnknownOperationException",
          "Unsupported operation " + request.operation());
    };
    UsageLedger.of(world).record(Services.COST_EXPLORER, "APIRequest", 1, "Requests",
        Map.of("operation", request.operation()));
    return AwsResponse.ok(out);
  }

  /** GetCostAndUsage. */
  ObjectNode getCostAndUsage(JsonNode body, String accountId) {
    TimePeriods period = TimePeriods.parse(body.get("TimePeriod"), world.now());
    String granularity = body.path("Granularity").asText(null);
    if (granularity == null) {
      throw TimePeriods.required("granularity");
    }
    if (!GRANULARITIES.contains(granularity)) {
      throw Expressions.invalid("1 validation error detected: Value '" + granularity
          + "' at 'granularity' failed to satisfy constraint: Member must satisfy enum value set: "
          + "[DAILY, MONTHLY, HOURLY]");
    }
    List<String> metrics = metrics(body.get("Metrics"));
    List<String> groupKeys = groupBy(body.get("GroupBy"));
    Predicate<UsageRecord> filter = Expressions.compile(body.get("Filter"), accountId);
    List<TimePeriods.Bucket> buckets = period.buckets(granularity);
    List<UsageRecord> records = UsageLedger.of(world).between(period.start(), period.end()).stream()
        .filter(filter).toList();
    Rates rates = new Rates();
    YearMonth current = YearMonth.from(LocalDate.ofInstant(world.now(), ZoneOffset.UTC));

    ObjectNode out = Json.object();
    ArrayNode results = out.putArray("ResultsByTime");
    for (TimePeriods.Bucket b : buckets) {
      List<UsageRecord> inBucket = records.stream()
          .filter(r -> !r.at().isBefore(b.start()) && r.at().isBefore(b.end())).toList();
      ObjectNode result = results.addObject();
      result.putObject("TimePeriod").put("Start", b.startText()).put("End", b.endText());
      ObjectNode total = result.putObject("Total");
      ArrayNode groups = result.putArray("Groups");
      if (groupKeys.isEmpty()) {
        total.setAll(metricValues(metrics, sums(inBucket, rates)));
      } else {
        Map<List<String>, List<UsageRecord>> byKeys = new LinkedHashMap<>();
        for (UsageRecord r : inBucket) {
          List<String> keys = new ArrayList<>();
          for (JsonNode g : body.get("GroupBy")) {
            keys.add(groupValue(r, g, accountId));
          }
          byKeys.computeIfAbsent(keys, k -> new ArrayList<>()).add(r);
        }
        byKeys.entrySet().stream()
            .sorted((x, y) -> String.join("\u0000", x.getKey()).compareTo(String.join("\u0000", y.getKey())))
            .forEach(en -> {
              ObjectNode group = groups.addObject();
              ArrayNode keys = group.putArray("Keys");
              en.getKey().forEach(keys::add);
              group.set("Metrics", metricValues(metrics, sums(en.getValue(), rates)));
            });
      }
      YearMonth month = YearMonth.from(LocalDate.ofInstant(b.start(), ZoneOffset.UTC));
      result.put("Estimated", !month.isBefore(current));
    }
    ArrayNode definitions = out.putArray("GroupDefinitions");
    if (body.has("GroupBy")) {
      for (JsonNode g : body.get("GroupBy")) {
        definitions.addObject().put("Type", g.path("Type").asText()).put("Key", g.path("Key").asText());
      }
    }
    out.putArray("DimensionValueAttributes");
    return out;
  }

  /** GetDimensionValues for SERVICE, USAGE_TYPE, REGION, LINKED_ACCOUNT and RECORD_TYPE. */
  ObjectNode getDimensionValues(JsonNode body, String accountId) {
    TimePeriods period = TimePeriods.parse(body.get("TimePeriod"), world.now());
    String dimension = body.path("Dimension").asText(null);
    if (dimension == null) {
      throw TimePeriods.required("dimension");
    }
    if (!Dimensions.KEYS.contains(dimension)) {
      throw Expressions.invalid("1 validation error detected: Value '" + dimension
          + "' at 'dimension' failed to satisfy constraint: Member must satisfy enum value set: " + Dimensions.KEYS);
    }
    String search = body.path("SearchString").asText("").toLowerCase(java.util.Locale.ROOT);
    Predicate<UsageRecord> filter = Expressions.compile(body.get("Filter"), accountId);
    TreeSet<String> values = new TreeSet<>();
    for (UsageRecord r : UsageLedger.of(world).between(period.start(), period.end())) {
      String v = Dimensions.value(r, dimension, accountId);
      if (v != null && filter.test(r) && v.toLowerCase(java.util.Locale.ROOT).contains(search)) {
        values.add(v);
      }
    }
    ObjectNode out = Json.object();
    ArrayNode arr = out.putArray("DimensionValues");
    values.forEach(v -> {
      ObjectNode o = arr.addObject();
      o.put("Value", v);
      o.putObject("Attributes");
    });
    out.put("ReturnSize", values.size());
    out.put("TotalSize", values.size());
    return out;
  }

  private static List<String> metrics(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      throw TimePeriods.required("metrics");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode m : node) {
      String name = m.asText();
      if (!METRICS.contains(name)) {
        throw Expressions.invalid("Invalid metrics: " + name + ". Valid metrics are " + String.join(", ", METRICS));
      }
      if (!out.contains(name)) {
        out.add(name);
      }
    }
    if (out.isEmpty()) {
      throw Expressions.invalid("Metrics must not be empty");
    }
    return out;
  }

  private static List<String> groupBy(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull() || node.isMissingNode()) {
      return out;
    }
    if (node.size() > 2) {
      throw Expressions.invalid("Group by is limited to 2 dimensions");
    }
    for (JsonNode g : node) {
      String type = g.path("Type").asText(null);
      String key = g.path("Key").asText(null);
      if (type == null || !List.of("DIMENSION", "TAG", "COST_CATEGORY").contains(type)) {
        throw Expressions.invalid("1 validation error detected: Value '" + type
            + "' at 'groupBy.1.member.type' failed to satisfy constraint: Member must satisfy enum value set: "
            + "[DIMENSION, TAG, COST_CATEGORY]");
      }
      if (key == null || key.isEmpty()) {
        throw Expressions.invalid("Group by key must not be empty");
      }
      if (type.equals("DIMENSION") && !Dimensions.KEYS.contains(key)) {
        throw Expressions.invalid("Group Definition dimension is invalid. Valid values are AZ, INSTANCE_TYPE, "
            + "LEGAL_ENTITY_NAME, INVOICING_ENTITY, LINKED_ACCOUNT, OPERATION, PLATFORM, PURCHASE_TYPE, SERVICE, "
            + "TENANCY, RECORD_TYPE, and USAGE_TYPE");
      }
      out.add(type + ":" + key);
    }
    return out;
  }

  /** A record's group key: the dimension's value; for TAG {@code key$} (untagged), for COST_CATEGORY {@code key$}. */
  private static String groupValue(UsageRecord r, JsonNode g, String accountId) {
    String key = g.path("Key").asText();
    if (g.path("Type").asText().equals("DIMENSION")) {
      String v = Dimensions.value(r, key, accountId);
      return v == null ? "NoDimension" : v;
    }
    return key + "$";
  }

  /** Summed cost and quantity. */
  private record Sums(BigDecimal cost, BigDecimal quantity) {}

  private Sums sums(List<UsageRecord> records, Rates rates) {
    BigDecimal cost = BigDecimal.ZERO;
    BigDecimal quantity = BigDecimal.ZERO;
    for (UsageRecord r : records) {
      BigDecimal q = BigDecimal.valueOf(r.quantity());
      quantity = quantity.add(q);
      cost = cost.add(q.multiply(rates.rate(r)));
    }
    return new Sums(cost, quantity);
  }

  private static ObjectNode metricValues(List<String> metrics, Sums sums) {
    ObjectNode o = Json.object();
    for (String m : metrics) {
      boolean usage = m.equals("UsageQuantity") || m.equals("NormalizedUsageAmount");
      ObjectNode v = o.putObject(m);
      v.put("Amount", CostBreakdown.usd(usage ? sums.quantity() : sums.cost()));
      v.put("Unit", usage ? "N/A" : "USD");
    }
    return o;
  }

  /** Per-month rates per service, usage type and region, computed from the whole month's ledger. */
  private final class Rates {

    private final Map<List<String>, BigDecimal> cache = new HashMap<>();

    BigDecimal rate(UsageRecord r) {
      YearMonth month = YearMonth.from(LocalDate.ofInstant(r.at(), ZoneOffset.UTC));
      List<String> key = List.of(month.toString(), r.service(), r.usageType(), r.region());
      return cache.computeIfAbsent(key, k -> compute(month, r));
    }

    private BigDecimal compute(YearMonth month, UsageRecord r) {
      Price price = catalogue.find(r.service(), r.usageType(), r.region()).orElse(null);
      if (price == null) {
        return BigDecimal.ZERO;
      }
      if (price.tiers().isEmpty()) {
        return price.amount();
      }
      List<UsageRecord> monthly = UsageLedger.of(world).between(
          month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
          month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)).stream()
          .filter(x -> x.service().equals(r.service()) && x.usageType().equals(r.usageType())
              && x.region().equals(r.region()))
          .toList();
      CostBreakdown b = CostModel.of(catalogue).price(monthly);
      BigDecimal quantity = b.quantity(r.service(), r.usageType());
      return quantity.signum() == 0 ? price.amount() : b.total().divide(quantity, MathContext.DECIMAL128);
    }
  }
}
