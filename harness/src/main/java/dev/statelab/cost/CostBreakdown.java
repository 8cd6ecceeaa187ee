package dev.statelab.cost;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Usage priced by a {@link CostModel}: one line per service, usage type and region, with the
 * quantity, the price used (amount, source, date) and the cost; totals per service and overall.
 * USD, exact {@link BigDecimal}s.
 *
 * @param lines the priced lines, ordered by service then usage type
 * @param currency {@code USD}
 * @param freeTierApplied whether monthly free tiers were taken off
 */
public record CostBreakdown(List<Line> lines, String currency, boolean freeTierApplied) {

  /** Copies. */
  public CostBreakdown {
    lines = List.copyOf(lines);
    Objects.requireNonNull(currency, "currency");
  }

  /**
   * One priced usage type.
   *
   * @param service the billing service
   * @param usageType the usage type
   * @param region the region the usage happened in
   * @param quantity the summed quantity
   * @param unit the unit
   * @param price the price applied, or null when the catalogue has none (cost 0)
   * @param cost what the quantity costs
   */
  public record Line(String service, String usageType, String region, BigDecimal quantity, String unit,
      Price price, BigDecimal cost) {

    /** True when the catalogue had no price for the line. */
    public boolean unpriced() {
      return price == null;
    }
  }

  /** The total cost. */
  public BigDecimal total() {
    return lines.stream().map(Line::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The cost of one service (0 when absent). */
  public BigDecimal total(String service) {
    return lines.stream().filter(l -> l.service().equals(service)).map(Line::cost)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The cost per service, in line order. */
  public Map<String, BigDecimal> byService() {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (Line l : lines) {
      out.merge(l.service(), l.cost(), BigDecimal::add);
    }
    return out;
  }

  /** The summed quantity of one usage type of one service (0 when absent). */
  public BigDecimal quantity(String service, String usageType) {
    return lines.stream().filter(l -> l.service().equals(service) && l.usageType().equals(usageType))
        .map(Line::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The breakdown as JSON: {@code {currency, total, byService, lines: [...]}}. */
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("currency", currency);
    o.put("freeTierApplied", freeTierApplied);
    o.put("total", usd(total()));
    ObjectNode services = o.putObject("byService");
    byService().forEach((k, v) -> services.put(k, usd(v)));
    ArrayNode arr = o.putArray("lines");
    for (Line l : lines) {
      ObjectNode lo = arr.addObject();
      lo.put("service", l.service());
      lo.put("usageType", l.usageType());
      lo.put("region", l.region());
      lo.put("quantity", plain(l.quantity()));
      lo.put("unit", l.unit());
      lo.put("cost", usd(l.cost()));
      if (l.price() != null) {
        lo.put("priceId", l.price().id());
        lo.put("unitPrice", l.price().amount().toPlainString());
        lo.put("tiered", !l.price().tiers().isEmpty());
        lo.put("source", l.price().source());
        lo.put("date", l.price().date());
      } else {
        lo.put("unpriced", true);
      }
    }
    return o;
  }

  /** A USD amount for reports: 10 decimal places, trailing zeros dropped. */
  public static String usd(BigDecimal amount) {
    return plain(amount.setScale(10, RoundingMode.HALF_EVEN));
  }

  /** A decimal without exponent and trailing zeros. */
  public static String plain(BigDecimal value) {
    BigDecimal s = value.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }
}
