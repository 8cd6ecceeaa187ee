package dev.statelab.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One price of a {@link PriceCatalogue}: what a unit of one service's usage type costs in one
 * region, where the figure comes from and when it was seen there.
 *
 * @param id a stable name, e.g. {@code sfn-standard-transition}
 * @param service the billing service, as {@link UsageRecord#service()} names it
 * @param usageType the usage type, as {@link UsageRecord#usageType()} names it
 * @param unit the unit the amount is per, e.g. {@code Transitions}
 * @param region the region the price applies in, e.g. {@code us-east-1}
 * @param amount USD per unit (the first tier's amount when tiered)
 * @param tiers monthly volume tiers, lowest first (empty when the price is flat)
 * @param freeTier the monthly free quantity AWS gives, 0 for none (applied only when asked)
 * @param source where the figure comes from (a URL)
 * @param date when the figure was seen in the source ({@code YYYY-MM-DD}, or a coarser date the source gave)
 * @param note how to read the price, assumptions included; may be empty
 */
public record Price(
    String id,
    String service,
    String usageType,
    String unit,
    String region,
    BigDecimal amount,
    List<Tier> tiers,
    BigDecimal freeTier,
    String source,
    String date,
    String note) {

  /** Validates and copies. */
  public Price {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(usageType, "usageType");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(date, "date");
    tiers = tiers == null ? List.of() : List.copyOf(tiers);
    freeTier = freeTier == null ? BigDecimal.ZERO : freeTier;
    note = note == null ? "" : note;
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("Price " + id + " has a negative amount");
    }
    for (int i = 0; i + 1 < tiers.size(); i++) {
      if (tiers.get(i).upTo() == null) {
        throw new IllegalArgumentException("Price " + id + ": only the last tier may be unbounded");
      }
    }
  }

  /** The same price with another amount (and no tiers). */
  public Price withAmount(BigDecimal newAmount) {
    return new Price(id, service, usageType, unit, region, newAmount, List.of(), freeTier, source, date, note);
  }

  /**
   * What {@code quantity} units cost in one month, tiers applied in order, after {@code free}
   * units (the free tier, or 0) are taken off the bottom.
   */
  public BigDecimal cost(BigDecimal quantity, BigDecimal free) {
    BigDecimal billable = quantity.subtract(free).max(BigDecimal.ZERO);
    if (tiers.isEmpty()) {
      return billable.multiply(amount);
    }
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal below = BigDecimal.ZERO;
    BigDecimal position = free.min(quantity).max(BigDecimal.ZERO);
    BigDecimal end = quantity;
    for (Tier tier : tiers) {
      BigDecimal top = tier.upTo() == null ? end.max(below) : tier.upTo();
      BigDecimal from = position.max(below);
      BigDecimal to = end.min(top);
      if (to.compareTo(from) > 0) {
        total = total.add(to.subtract(from).multiply(tier.amount()));
      }
      below = top;
      if (below.compareTo(end) >= 0) {
        break;
      }
    }
    return total;
  }

  /**
   * One volume tier: the amount per unit for usage up to {@code upTo} units a month (counted
   * from zero), or beyond the previous tier when {@code upTo} is null.
   *
   * @param upTo the tier's upper bound in units per month, or null for the last tier
   * @param amount USD per unit within the tier
   */
  public record Tier(BigDecimal upTo, BigDecimal amount) {

    /** Validates. */
    public Tier {
      Objects.requireNonNull(amount, "amount");
    }
  }
}
