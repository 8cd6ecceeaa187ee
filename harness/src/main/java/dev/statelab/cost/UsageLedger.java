package dev.statelab.cost;

import dev.statelab.engine.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A world's append-only record of metered usage: every stand-in adds what it would bill, Cost
 * Explorer and the cost model read it back. Thread-safe.
 *
 * <pre>{@code
 * UsageLedger.of(world).record(Services.DYNAMODB, "WriteRequestUnits", 1, "WriteRequestUnits",
 *     Map.of("table", "Orders"));
 * }</pre>
 */
public final class UsageLedger {

  private final World world;
  private final List<UsageRecord> records = new ArrayList<>();

  private UsageLedger(World world) {
    this.world = world;
  }

  /** The world's ledger, created on first use. */
  public static UsageLedger of(World world) {
    Objects.requireNonNull(world, "world");
    return world.component(UsageLedger.class, () -> new UsageLedger(world));
  }

  /** Records usage now (on the world clock) in the world's region. */
  public void record(String service, String usageType, double quantity, String unit, Map<String, String> attributes) {
    add(new UsageRecord(service, usageType, quantity, unit, world.now(), world.options().region(), attributes));
  }

  /** Appends one record as given. */
  public synchronized void add(UsageRecord record) {
    records.add(Objects.requireNonNull(record, "record"));
  }

  /** Every record so far, in the order recorded. */
  public synchronized List<UsageRecord> records() {
    return List.copyOf(records);
  }

  /**
   * Removes and returns every record so far, in order: for long-lived worlds (benchmarks, servers)
   * that price usage piece by piece and must not keep it all.
   */
  public synchronized List<UsageRecord> drain() {
    List<UsageRecord> out = List.copyOf(records);
    records.clear();
    return out;
  }

  /** The records matching a predicate, in order. */
  public synchronized List<UsageRecord> records(Predicate<UsageRecord> filter) {
    return records.stream().filter(filter).toList();
  }

  /** The records in {@code [from, to)} on the world clock. */
  public List<UsageRecord> between(Instant from, Instant to) {
    return records(r -> !r.at().isBefore(from) && r.at().isBefore(to));
  }

  /** The total quantity of one service's usage type. */
  public synchronized double total(String service, String usageType) {
    return records.stream()
        .filter(r -> r.service().equals(service) && r.usageType().equals(usageType))
        .mapToDouble(UsageRecord::quantity)
        .sum();
  }
}
