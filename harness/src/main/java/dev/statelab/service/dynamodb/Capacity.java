package dev.statelab.service.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.cost.Services;
import dev.statelab.cost.UsageLedger;
import dev.statelab.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The capacity one request consumes, per table and index, as DynamoDB computes it: a write unit
 * per started KB written, a read unit per started 4 KB read strongly consistent (half eventually
 * consistent), twice that inside a transaction. Renders {@code ConsumedCapacity} and records
 * on-demand usage in the {@link UsageLedger}.
 */
final class Capacity {

  /** Whether a request reads or writes. */
  enum Kind {
    READ, WRITE
  }

  private final Kind kind;
  private final double factor;
  private final Map<String, Usage> byTable = new LinkedHashMap<>();

  private Capacity(Kind kind, double factor) {
    this.kind = kind;
    this.factor = factor;
  }

  /** Capacity of a read request. */
  static Capacity read() {
    return new Capacity(Kind.READ, 1);
  }

  /** Capacity of a write request. */
  static Capacity write() {
    return new Capacity(Kind.WRITE, 1);
  }

  /** Capacity of a transaction (every unit counts twice). */
  static Capacity transaction(Kind kind) {
    return new Capacity(kind, 2);
  }

  /** Read units for {@code bytes} read in one go. */
  static double readUnits(long bytes, boolean consistent) {
    double units = Math.max(1, Math.ceil(bytes / 4096.0));
    return consistent ? units : units / 2;
  }

  /** Write units for an item of {@code bytes}. */
  static double writeUnits(long bytes) {
    return Math.max(1, Math.ceil(bytes / 1024.0));
  }

  /** Adds units consumed on a table itself. */
  void table(Table t, double units) {
    usage(t).table += units * factor;
  }

  /** Adds units consumed on one of a table's indexes. */
  void index(Table t, IndexDef index, double units) {
    Map<String, Double> m = index.global() ? usage(t).global : usage(t).local;
    m.merge(index.name(), units * factor, Double::sum);
  }

  /** Adds the write units of replacing {@code old} by {@code now} (either may be null). */
  void itemWrite(Table t, ObjectNode old, ObjectNode now) {
    table(t, writeUnits(Math.max(AttributeValues.size(old), AttributeValues.size(now))));
    for (IndexDef index : t.indexes()) {
      boolean inOld = index.contains(old);
      boolean inNew = index.contains(now);
      if (!inOld && !inNew) {
        continue;
      }
      long oldSize = inOld ? AttributeValues.size(index.project(old, t.keys)) : 0;
      long newSize = inNew ? AttributeValues.size(index.project(now, t.keys)) : 0;
      boolean moved = inOld && inNew && !index.keys().keyOf(old).equals(index.keys().keyOf(now));
      index(t, index, moved ? writeUnits(oldSize) + writeUnits(newSize) : writeUnits(Math.max(oldSize, newSize)));
    }
  }

  private Usage usage(Table t) {
    return byTable.computeIfAbsent(t.name, n -> new Usage(t.billingMode.equals("PAY_PER_REQUEST")));
  }

  /** Records on-demand request units in the ledger, one record per table. */
  void record(UsageLedger ledger) {
    String type = kind == Kind.READ ? "ReadRequestUnits" : "WriteRequestUnits";
    byTable.forEach((table, u) -> {
      if (u.onDemand && u.total() > 0) {
        ledger.record(Services.DYNAMODB, type, u.total(), type, Map.of("table", table));
      }
    });
  }

  /** {@code ConsumedCapacity} of a single-table request, or null for NONE. */
  JsonNode single(JsonNode returnConsumedCapacity) {
    String mode = mode(returnConsumedCapacity);
    if (mode == null || byTable.isEmpty()) {
      return null;
    }
    Map.Entry<String, Usage> e = byTable.entrySet().iterator().next();
    return entry(e.getKey(), e.getValue(), mode);
  }

  /** {@code ConsumedCapacity} of a multi-table request (a list), or null for NONE. */
  JsonNode list(JsonNode returnConsumedCapacity) {
    String mode = mode(returnConsumedCapacity);
    if (mode == null) {
      return null;
    }
    ArrayNode out = Json.array();
    byTable.forEach((table, u) -> out.add(entry(table, u, mode)));
    return out;
  }

  private static String mode(JsonNode returnConsumedCapacity) {
    String mode = returnConsumedCapacity == null ? "NONE" : returnConsumedCapacity.asText("NONE");
    switch (mode) {
      case "NONE":
        return null;
      case "TOTAL":
      case "INDEXES":
        return mode;
      default:
        throw DynamoDbException.validation("1 validation error detected: Value '" + mode
            + "' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]");
    }
  }

  private ObjectNode entry(String table, Usage u, String mode) {
    ObjectNode out = Json.object();
    out.put("TableName", table);
    units(out, u.total());
    if (mode.equals("INDEXES")) {
      units(out.putObject("Table"), u.table);
      indexUnits(out, "LocalSecondaryIndexes", u.local);
      indexUnits(out, "GlobalSecondaryIndexes", u.global);
    }
    return out;
  }

  private void indexUnits(ObjectNode out, String member, Map<String, Double> units) {
    if (!units.isEmpty()) {
      ObjectNode m = out.putObject(member);
      units.forEach((name, n) -> units(m.putObject(name), n));
    }
  }

  private void units(ObjectNode out, double n) {
    out.put("CapacityUnits", n);
    out.put(kind == Kind.READ ? "ReadCapacityUnits" : "WriteCapacityUnits", n);
  }

  /** One table's consumption. */
  private static final class Usage {
    final boolean onDemand;
    double table;
    final Map<String, Double> local = new LinkedHashMap<>();
    final Map<String, Double> global = new LinkedHashMap<>();

    Usage(boolean onDemand) {
      this.onDemand = onDemand;
    }

    double total() {
      return table + local.values().stream().mapToDouble(Double::doubleValue).sum()
          + global.values().stream().mapToDouble(Double::doubleValue).sum();
    }
  }
}
