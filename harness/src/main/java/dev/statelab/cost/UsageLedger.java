package dev.statelab.cost;

import dev.statelab.engine.World;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

/**
 * A world's record of metered usage: every stand-in adds what it would bill, Cost Explorer and the
 * cost model read it back. Thread-safe.
 *
 * <pre>{@code
 * UsageLedger.of(world).record(Services.DYNAMODB, "WriteRequestUnits", 1, "WriteRequestUnits",
 *     Map.of("table", "Orders"));
 * }</pre>
 *
 * <p><b>Bounded detail.</b> A long-lived world (a server under Express traffic) would otherwise
 * keep every record forever. The ledger keeps the most recent records in full; when more than
 * {@link #detailLimit()} detailed records are held ({@link #DEFAULT_DETAIL_LIMIT} unless set with
 * {@link #detailLimit(int)}), the oldest half is folded into <em>aggregate</em> records, one per
 * service, usage type, unit, region, hour the usage happened in (UTC, on the world clock) and
 * attributes without the {@linkplain #PER_EVENT_ATTRIBUTES per-event ones}. An aggregate is an
 * ordinary {@link UsageRecord}: its quantity is the sum of the records folded into it, its
 * {@code at} the start of their hour, and later folds of the same key and hour add to it. Totals
 * stay exact: {@link #total}, {@link #records()}, {@link #records(Predicate)}, {@link #drain()}
 * and {@link #between} over ranges that start and end on whole hours (Cost Explorer's hourly,
 * daily and monthly periods) see every folded quantity. Only the per-event detail (which
 * execution, job or invocation, when within the hour) of old usage is lost. Folding takes the
 * oldest half at once, so it costs O(1) per record, amortised. The aggregates grow with the hours
 * and the distinct kept attributes (state machines, functions, tables, ...), not with traffic;
 * {@link #drain()} empties them too.
 *
 * <p><b>Order.</b> Record lists hold the aggregates first (in the order their key was first
 * folded, which is hour order when usage is recorded as the clock runs), then the detailed
 * records in the order recorded.
 */
public final class UsageLedger {

  /** Detailed records a ledger keeps before folding the oldest half into hourly aggregates. */
  public static final int DEFAULT_DETAIL_LIMIT = 100_000;

  /**
   * Attribute keys that identify one execution, job or invocation, left out of aggregates (they
   * would make every aggregate one record): {@code executionArn} (Step Functions), {@code jobId}
   * and {@code jobName} (Batch; a job name is free text, but Step Functions tasks usually give
   * every job its own, such as the execution's name), {@code requestId} (Lambda).
   */
  public static final Set<String> PER_EVENT_ATTRIBUTES = Set.of("executionArn", "jobId", "jobName", "requestId");

  private final World world;
  private final Map<AggregateKey, Aggregate> aggregates = new LinkedHashMap<>();
  private final List<UsageRecord> detail = new ArrayList<>();
  private int detailLimit = DEFAULT_DETAIL_LIMIT;

  private UsageLedger(World world) {
    this.world = world;
  }

  /** The world's ledger, created on first use. */
  public static UsageLedger of(World world) {
    Objects.requireNonNull(world, "world");
    return world.component(UsageLedger.class, () -> new UsageLedger(world));
  }

  /**
   * Sets how many detailed records this ledger keeps before folding the oldest half into hourly
   * aggregates (at least 2); folds at once if more are held.
   *
   * @return this ledger
   */
  public synchronized UsageLedger detailLimit(int limit) {
    if (limit < 2) {
      throw new IllegalArgumentException("detail limit must be at least 2, was " + limit);
    }
    detailLimit = limit;
    foldIfFull();
    return this;
  }

  /** How many detailed records this ledger keeps before folding. */
  public synchronized int detailLimit() {
    return detailLimit;
  }

  /** How many aggregate records the ledger holds (at the start of {@link #records()}). */
  public synchronized int aggregateCount() {
    return aggregates.size();
  }

  /** Records usage now (on the world clock) in the world's region. */
  public void record(String service, String usageType, double quantity, String unit, Map<String, String> attributes) {
    add(new UsageRecord(service, usageType, quantity, unit, world.now(), world.options().region(), attributes));
  }

  /** Appends one record as given. */
  public synchronized void add(UsageRecord record) {
    detail.add(Objects.requireNonNull(record, "record"));
    foldIfFull();
  }

  /** Every record so far: the aggregates, then the detailed records in the order recorded. */
  public synchronized List<UsageRecord> records() {
    return records(r -> true);
  }

  /**
   * Removes and returns every record so far (aggregates, then detail, as {@link #records()}):
   * for long-lived worlds (benchmarks, servers) that price usage piece by piece and must not keep
   * it all.
   */
  public synchronized List<UsageRecord> drain() {
    List<UsageRecord> out = records();
    aggregates.clear();
    detail.clear();
    return out;
  }

  /** The records matching a predicate, in {@link #records()} order. */
  public synchronized List<UsageRecord> records(Predicate<UsageRecord> filter) {
    List<UsageRecord> out = new ArrayList<>();
    for (Aggregate a : aggregates.values()) {
      UsageRecord r = a.record();
      if (filter.test(r)) {
        out.add(r);
      }
    }
    for (UsageRecord r : detail) {
      if (filter.test(r)) {
        out.add(r);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The records in {@code [from, to)} on the world clock. Aggregates count as happening at the
   * start of their hour, so ranges bounded by whole hours see exactly the usage in them.
   */
  public List<UsageRecord> between(Instant from, Instant to) {
    return records(r -> !r.at().isBefore(from) && r.at().isBefore(to));
  }

  /** The total quantity of one service's usage type (summed as {@link DoubleStream#sum()} does). */
  public synchronized double total(String service, String usageType) {
    return Stream.concat(aggregates.values().stream().map(Aggregate::record), detail.stream())
        .filter(r -> r.service().equals(service) && r.usageType().equals(usageType))
        .mapToDouble(UsageRecord::quantity)
        .sum();
  }

  /** Folds the oldest half of the detail into aggregates when more than the limit are held. */
  private void foldIfFull() {
    if (detail.size() <= detailLimit) {
      return;
    }
    List<UsageRecord> oldest = detail.subList(0, detail.size() - detailLimit / 2);
    Map<String, String> lastAttributes = null;
    Map<String, String> lastKept = null;
    for (UsageRecord r : oldest) {
      if (r.attributes() != lastAttributes) { // one execution's or invocation's records share their map
        lastAttributes = r.attributes();
        lastKept = withoutPerEvent(lastAttributes);
      }
      AggregateKey key = new AggregateKey(r.service(), r.usageType(), r.unit(), r.region(),
          r.at().truncatedTo(ChronoUnit.HOURS), lastKept);
      aggregates.computeIfAbsent(key, Aggregate::new).add(r.quantity());
    }
    oldest.clear();
  }

  /** Attributes without the per-event keys (the same map when it has none). */
  private static Map<String, String> withoutPerEvent(Map<String, String> attributes) {
    for (String key : PER_EVENT_ATTRIBUTES) {
      if (attributes.containsKey(key)) {
        Map<String, String> out = new HashMap<>(attributes);
        out.keySet().removeAll(PER_EVENT_ATTRIBUTES);
        return Map.copyOf(out);
      }
    }
    return attributes;
  }

  /** What records folded into one aggregate share. */
  private record AggregateKey(String service, String usageType, String unit, String region, Instant hour,
      Map<String, String> attributes) {}

  /** The summed quantity of one key's folded records, exact in decimal. */
  private static final class Aggregate {

    private final AggregateKey key;
    private BigDecimal sum = BigDecimal.ZERO;
    private UsageRecord record;

    Aggregate(AggregateKey key) {
      this.key = key;
    }

    void add(double quantity) {
      sum = sum.add(BigDecimal.valueOf(quantity));
      record = null;
    }

    UsageRecord record() {
      if (record == null) {
        record = new UsageRecord(key.service(), key.usageType(), sum.doubleValue(), key.unit(), key.hour(),
            key.region(), key.attributes());
      }
      return record;
    }
  }
}
