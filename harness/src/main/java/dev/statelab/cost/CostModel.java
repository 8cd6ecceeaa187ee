package dev.statelab.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Prices {@link UsageRecord}s with a {@link PriceCatalogue}: quantities are summed per service,
 * usage type and region (as one month's bill sums them), then priced with the catalogue's tiers.
 * Free tiers are left out unless asked for, so costs scale linearly with volume below the first
 * tier boundary. Immutable.
 *
 * <pre>{@code
 * CostBreakdown bill = CostModel.of(PriceCatalogue.defaults()).price(UsageLedger.of(world).records());
 * BigDecimal sfn = bill.total(Services.STEP_FUNCTIONS);
 * }</pre>
 */
public final class CostModel {

  private final PriceCatalogue catalogue;
  private final boolean freeTier;

  private CostModel(PriceCatalogue catalogue, boolean freeTier) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.freeTier = freeTier;
  }

  /** A model over a catalogue, free tiers off. */
  public static CostModel of(PriceCatalogue catalogue) {
    return new CostModel(catalogue, false);
  }

  /** A copy that takes monthly free tiers (e.g. 4,000 Standard transitions) off, or not. */
  public CostModel withFreeTier(boolean apply) {
    return new CostModel(catalogue, apply);
  }

  /** The catalogue. */
  public PriceCatalogue catalogue() {
    return catalogue;
  }

  /** Whether free tiers are applied. */
  public boolean freeTierApplied() {
    return freeTier;
  }

  /** Prices records, treating them as one month's usage. */
  public CostBreakdown price(Collection<UsageRecord> records) {
    return price(records, 1);
  }

  /**
   * Prices records repeated {@code times} (exactly, in decimal): one execution's usage as a
   * month of {@code times} executions.
   */
  public CostBreakdown price(Collection<UsageRecord> records, long times) {
    BigDecimal factor = BigDecimal.valueOf(times);
    Map<List<String>, BigDecimal> sums = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
        .thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2)).thenComparing(k -> k.get(3)));
    for (UsageRecord r : records) {
      sums.merge(List.of(r.service(), r.usageType(), r.region(), r.unit()), BigDecimal.valueOf(r.quantity()).multiply(factor),
          BigDecimal::add);
    }
    List<CostBreakdown.Line> lines = new ArrayList<>();
    sums.forEach((k, quantity) -> lines.add(line(k.get(0), k.get(1), k.get(2), k.get(3), quantity)));
    return new CostBreakdown(lines, catalogue.currency(), freeTier);
  }

  /** Prices one quantity of a service's usage type in a region (one month's worth). */
  public CostBreakdown.Line line(String service, String usageType, String region, String unit, BigDecimal quantity) {
    Price price = catalogue.find(service, usageType, region).orElse(null);
    BigDecimal cost = price == null ? BigDecimal.ZERO
        : price.cost(quantity, freeTier ? price.freeTier() : BigDecimal.ZERO);
    return new CostBreakdown.Line(service, usageType, region, quantity, unit, price, cost);
  }

  /** Records with every quantity multiplied by {@code factor}: one execution's usage as N executions'. */
  public static List<UsageRecord> scale(Collection<UsageRecord> records, long factor) {
    List<UsageRecord> out = new ArrayList<>(records.size());
    for (UsageRecord r : records) {
      out.add(new UsageRecord(r.service(), r.usageType(), r.quantity() * factor, r.unit(), r.at(), r.region(),
          r.attributes()));
    }
    return out;
  }
}
