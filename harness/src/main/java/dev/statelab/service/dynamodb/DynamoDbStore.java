package dev.statelab.service.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.cost.UsageLedger;
import dev.statelab.engine.World;
import dev.statelab.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A world's DynamoDB: its tables, their items and their streams. Every operation takes the
 * request body in DynamoDB's wire shape and answers the response body, or throws a
 * {@link DynamoDbException} in AWS's words. Thread-safe: operations run under one lock, and
 * stream subscribers are told about committed writes on the world's loop afterwards.
 *
 * <pre>{@code
 * DynamoDbStore ddb = DynamoDbStore.of(world);
 * ddb.createTable(Json.parse("{\"TableName\":\"Orders\",...}"));
 * ddb.items().putItem(Json.parse("{\"TableName\":\"Orders\",\"Item\":{\"id\":{\"S\":\"1\"}}}"));
 * }</pre>
 */
public final class DynamoDbStore {

  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
  private static final DateTimeFormatter LABEL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final World world;
  private final StreamHub hub;
  private final UsageLedger ledger;
  private final Map<String, Table> tables = new TreeMap<>();
  private final Map<String, TableStream> streams = new LinkedHashMap<>();
  private final ItemOperations items;
  private final StreamOperations streamOperations;
  private long sequence;

  private DynamoDbStore(World world, UsageLedger ledger) {
    this.world = world;
    this.hub = new StreamHub(world, this);
    this.ledger = ledger;
    this.items = new ItemOperations(this);
    this.streamOperations = new StreamOperations(this);
  }

  /** The world's store, created on first use; also installs its {@link StreamSubscriptions}. */
  public static DynamoDbStore of(World world) {
    Objects.requireNonNull(world, "world");
    // Components are created one at a time: the ledger must exist before the store's supplier runs.
    UsageLedger ledger = UsageLedger.of(world);
    DynamoDbStore store = world.component(DynamoDbStore.class, () -> new DynamoDbStore(world, ledger));
    world.component(StreamSubscriptions.class, () -> store.hub);
    return store;
  }

  /** The world this store belongs to. */
  public World world() {
    return world;
  }

  /** The item operations (GetItem, PutItem, Query, transactions, ...). */
  public ItemOperations items() {
    return items;
  }

  /** The DynamoDB Streams operations. */
  public StreamOperations streams() {
    return streamOperations;
  }

  UsageLedger ledger() {
    return ledger;
  }

  /** Runs an action under the store's lock, then tells stream subscribers about new records. */
  <T> T write(Supplier<T> action) {
    T result;
    synchronized (this) {
      result = action.get();
    }
    hub.recordsWritten();
    return result;
  }

  /** Runs an action under the store's lock. */
  synchronized <T> T read(Supplier<T> action) {
    return action.get();
  }

  // ---------------------------------------------------------------- tables

  /** CreateTable. */
  public ObjectNode createTable(JsonNode body) {
    String name = tableName(body.get("TableName"));
    ObjectNode definitions = attributeDefinitions(body.get("AttributeDefinitions"));
    KeySchema keys = keySchema(body.get("KeySchema"), definitions, "KeySchema");
    String billing = body.path("BillingMode").asText("PROVISIONED");
    long[] throughput = throughput(billing, body.get("ProvisionedThroughput"));
    List<String> used = new ArrayList<>(List.of(keys.hash()));
    if (keys.hasRange()) {
      used.add(keys.range());
    }
    Map<String, IndexDef> local = new LinkedHashMap<>();
    for (JsonNode n : body.path("LocalSecondaryIndexes")) {
      IndexDef index = index(n, false, definitions, billing, used);
      if (!index.keys().hash().equals(keys.hash()) || !index.keys().hasRange()) {
        throw DynamoDbException.validation("One or more parameter values were invalid: Index KeySchema does not have"
            + " the same leading hash key as table KeySchema for index: " + index.name()
            + ". index hash key: " + index.keys().hash() + ", table hash key: " + keys.hash());
      }
      local.put(index.name(), index);
    }
    Map<String, IndexDef> global = new LinkedHashMap<>();
    for (JsonNode n : body.path("GlobalSecondaryIndexes")) {
      IndexDef index = index(n, true, definitions, billing, used);
      if (global.containsKey(index.name()) || local.containsKey(index.name())) {
        throw DynamoDbException.validation("One or more parameter values were invalid: Duplicate index name: "
            + index.name());
      }
      global.put(index.name(), index);
    }
    List<String> unused = new ArrayList<>();
    definitions.fieldNames().forEachRemaining(a -> {
      if (!used.contains(a)) {
        unused.add(a);
      }
    });
    if (!unused.isEmpty()) {
      throw DynamoDbException.validation("One or more parameter values were invalid: Number of attributes in KeySchema"
          + " does not exactly match number of attributes defined in AttributeDefinitions");
    }
    String viewType = streamViewType(body.get("StreamSpecification"));
    return write(() -> {
      if (tables.containsKey(name)) {
        throw DynamoDbException.of("ResourceInUseException", "Table already exists: " + name);
      }
      Instant now = world.now();
      Table t = new Table(name, "arn:aws:dynamodb:" + region() + ":" + account() + ":table/" + name,
          uuid("table/" + name + "/" + now.toEpochMilli()), now, keys);
      definitions.fields().forEachRemaining(e -> t.attributeTypes.put(e.getKey(), e.getValue().asText()));
      t.localIndexes.putAll(local);
      t.globalIndexes.putAll(global);
      t.billingMode = billing;
      t.billingModeChanged = now;
      t.read = throughput[0];
      t.write = throughput[1];
      if (viewType != null) {
        enableStream(t, viewType);
      }
      tables.put(name, t);
      ObjectNode out = Json.object();
      out.set("TableDescription", describe(t, "ACTIVE"));
      return out;
    });
  }

  /** DescribeTable. */
  public ObjectNode describeTable(JsonNode body) {
    String name = tableName(body.get("TableName"));
    return read(() -> {
      ObjectNode out = Json.object();
      out.set("Table", describe(namedTable(name), "ACTIVE"));
      return out;
    });
  }

  /** DeleteTable: the items go, the table's stream is disabled. */
  public ObjectNode deleteTable(JsonNode body) {
    String name = tableName(body.get("TableName"));
    return write(() -> {
      Table t = namedTable(name);
      tables.remove(name);
      if (t.stream != null) {
        t.stream.enabled = false;
      }
      ObjectNode out = Json.object();
      out.set("TableDescription", describe(t, "DELETING"));
      return out;
    });
  }

  /** ListTables, in name order, paged by ExclusiveStartTableName and Limit. */
  public ObjectNode listTables(JsonNode body) {
    int limit = body.path("Limit").asInt(100);
    if (limit < 1 || limit > 100) {
      throw DynamoDbException.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to"
          + " satisfy constraint: Member must have value " + (limit < 1 ? "greater than or equal to 1" : "less than or equal to 100"));
    }
    String after = body.path("ExclusiveStartTableName").asText(null);
    return read(() -> {
      ObjectNode out = Json.object();
      ArrayNode names = out.putArray("TableNames");
      List<String> all = new ArrayList<>(after == null ? tables.keySet() : ((TreeMap<String, Table>) tables).tailMap(after, false).keySet());
      all.stream().limit(limit).forEach(names::add);
      if (all.size() > limit) {
        out.put("LastEvaluatedTableName", all.get(limit - 1));
      }
      return out;
    });
  }

  /** UpdateTable: billing mode, throughput, StreamSpecification, GSI create, update and delete. */
  public ObjectNode updateTable(JsonNode body) {
    String name = tableName(body.get("TableName"));
    return write(() -> {
      Table t = namedTable(name);
      ObjectNode definitions = Json.object();
      t.attributeTypes.forEach(definitions::put);
      if (body.has("AttributeDefinitions")) {
        attributeDefinitions(body.get("AttributeDefinitions")).fields()
            .forEachRemaining(e -> definitions.set(e.getKey(), e.getValue()));
      }
      String billing = body.path("BillingMode").asText(t.billingMode);
      if (body.has("BillingMode") || body.has("ProvisionedThroughput")) {
        long[] tp = throughput(billing, body.get("ProvisionedThroughput"));
        if (!billing.equals(t.billingMode)) {
          t.billingModeChanged = world.now();
        }
        t.billingMode = billing;
        t.read = tp[0];
        t.write = tp[1];
      }
      for (JsonNode u : body.path("GlobalSecondaryIndexUpdates")) {
        gsiUpdate(t, u, definitions, billing);
      }
      definitions.fields().forEachRemaining(e -> t.attributeTypes.putIfAbsent(e.getKey(), e.getValue().asText()));
      JsonNode spec = body.get("StreamSpecification");
      if (spec != null && !spec.isNull()) {
        boolean enable = spec.path("StreamEnabled").asBoolean(false);
        boolean active = t.stream != null && t.stream.enabled;
        if (enable && active) {
          throw DynamoDbException.validation("Table already has an enabled stream: TableName: " + name);
        }
        if (!enable && !active) {
          throw DynamoDbException.validation("Table already has a disabled stream: TableName: " + name);
        }
        if (enable) {
          enableStream(t, streamViewType(spec));
        } else {
          t.stream.enabled = false;
        }
      }
      ObjectNode out = Json.object();
      out.set("TableDescription", describe(t, "ACTIVE"));
      return out;
    });
  }

  private void gsiUpdate(Table t, JsonNode u, ObjectNode definitions, String billing) {
    if (u.has("Create")) {
      List<String> used = new ArrayList<>();
      IndexDef index = index(u.get("Create"), true, definitions, billing, used);
      if (t.index(index.name()) != null) {
        throw DynamoDbException.validation("One or more parameter values were invalid: Index with name: "
            + index.name() + " already exists");
      }
      t.globalIndexes.put(index.name(), index);
    } else if (u.has("Delete")) {
      String indexName = u.get("Delete").path("IndexName").asText();
      if (t.globalIndexes.remove(indexName) == null) {
        throw DynamoDbException.of("ResourceNotFoundException", "Requested resource not found: Index: "
            + indexName + " not found");
      }
    } else if (u.has("Update")) {
      String indexName = u.get("Update").path("IndexName").asText();
      IndexDef index = t.globalIndexes.get(indexName);
      if (index == null) {
        throw DynamoDbException.of("ResourceNotFoundException", "Requested resource not found: Index: "
            + indexName + " not found");
      }
      long[] tp = throughput(billing, u.get("Update").get("ProvisionedThroughput"));
      t.globalIndexes.put(indexName, index.withThroughput(tp[0], tp[1]));
    }
  }

  private void enableStream(Table t, String viewType) {
    if (t.stream != null) {
      t.stream.enabled = false;
    }
    Instant now = world.now();
    String label = LABEL.format(now);
    if (t.stream != null && t.stream.label.equals(label)) {
      label = LABEL.format(now.plusMillis(1));
    }
    TableStream s = new TableStream(t.arn + "/stream/" + label, label, t.name, t.keys, viewType, now,
        sequenceAfter(sequence));
    t.stream = s;
    streams.put(s.arn, s);
  }

  private ObjectNode describe(Table t, String status) {
    ObjectNode d = Json.object();
    t.attributeDefinitions(d.putArray("AttributeDefinitions"));
    d.put("TableName", t.name);
    d.set("KeySchema", t.keys.toJson());
    d.put("TableStatus", status);
    d.put("CreationDateTime", epochSeconds(t.created));
    throughputJson(d.putObject("ProvisionedThroughput"), t.read, t.write);
    d.put("TableSizeBytes", t.sizeBytes());
    d.put("ItemCount", t.itemCount());
    d.put("TableArn", t.arn);
    d.put("TableId", t.id);
    ObjectNode billing = d.putObject("BillingModeSummary");
    billing.put("BillingMode", t.billingMode);
    if (t.billingMode.equals("PAY_PER_REQUEST")) {
      billing.put("LastUpdateToPayPerRequestDateTime", epochSeconds(t.billingModeChanged));
    }
    if (!t.localIndexes.isEmpty()) {
      ArrayNode lsis = d.putArray("LocalSecondaryIndexes");
      t.localIndexes.values().forEach(i -> lsis.add(describeIndex(t, i)));
    }
    if (!t.globalIndexes.isEmpty()) {
      ArrayNode gsis = d.putArray("GlobalSecondaryIndexes");
      t.globalIndexes.values().forEach(i -> gsis.add(describeIndex(t, i)));
    }
    if (t.stream != null) {
      if (t.stream.enabled) {
        ObjectNode spec = d.putObject("StreamSpecification");
        spec.put("StreamEnabled", true);
        spec.put("StreamViewType", t.stream.viewType);
      }
      d.put("LatestStreamLabel", t.stream.label);
      d.put("LatestStreamArn", t.stream.arn);
    }
    d.put("DeletionProtectionEnabled", false);
    return d;
  }

  private ObjectNode describeIndex(Table t, IndexDef i) {
    ObjectNode d = Json.object();
    d.put("IndexName", i.name());
    d.set("KeySchema", i.keys().toJson());
    d.set("Projection", i.projectionJson());
    if (i.global()) {
      d.put("IndexStatus", "ACTIVE");
      throughputJson(d.putObject("ProvisionedThroughput"), i.read(), i.write());
    }
    long size = 0;
    long count = 0;
    for (ObjectNode item : t.items()) {
      if (i.contains(item)) {
        count++;
        size += AttributeValues.size(i.project(item, t.keys));
      }
    }
    d.put("IndexSizeBytes", size);
    d.put("ItemCount", count);
    d.put("IndexArn", t.arn + "/index/" + i.name());
    return d;
  }

  private static void throughputJson(ObjectNode p, long read, long write) {
    p.put("NumberOfDecreasesToday", 0);
    p.put("ReadCapacityUnits", read);
    p.put("WriteCapacityUnits", write);
  }

  private IndexDef index(JsonNode n, boolean global, ObjectNode definitions, String billing, List<String> used) {
    String name = n.path("IndexName").asText("");
    if (name.length() < 3 || name.length() > 255 || !TABLE_NAME.matcher(name).matches()) {
      throw DynamoDbException.validation("1 validation error detected: Value '" + name + "' at 'indexName' failed"
          + " to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }
    KeySchema keys = keySchema(n.get("KeySchema"), definitions, "index " + name);
    addUsed(used, keys.hash());
    if (keys.hasRange()) {
      addUsed(used, keys.range());
    }
    JsonNode p = n.path("Projection");
    String type = p.path("ProjectionType").asText("");
    if (!List.of("ALL", "KEYS_ONLY", "INCLUDE").contains(type)) {
      throw DynamoDbException.validation("One or more parameter values were invalid: Unknown ProjectionType: " + type);
    }
    List<String> include = new ArrayList<>();
    p.path("NonKeyAttributes").forEach(a -> include.add(a.asText()));
    if (type.equals("INCLUDE") == include.isEmpty()) {
      throw DynamoDbException.validation("One or more parameter values were invalid: "
          + (include.isEmpty() ? "NonKeyAttributes must be specified when ProjectionType is INCLUDE"
              : "ProjectionType is " + type + ", but NonKeyAttributes is specified"));
    }
    long[] tp = global ? throughput(billing, n.get("ProvisionedThroughput")) : new long[] {0, 0};
    return new IndexDef(name, global, keys, type, List.copyOf(include), tp[0], tp[1]);
  }

  private static void addUsed(List<String> used, String name) {
    if (!used.contains(name)) {
      used.add(name);
    }
  }

  private static ObjectNode attributeDefinitions(JsonNode list) {
    if (list == null || !list.isArray()) {
      throw DynamoDbException.validation("1 validation error detected: Value null at 'attributeDefinitions' failed to"
          + " satisfy constraint: Member must not be null");
    }
    ObjectNode out = Json.object();
    for (JsonNode d : list) {
      String type = d.path("AttributeType").asText("");
      if (!List.of("S", "N", "B").contains(type)) {
        throw DynamoDbException.validation("1 validation error detected: Value '" + type + "' at"
            + " 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum"
            + " value set: [B, N, S]");
      }
      out.put(d.path("AttributeName").asText(), type);
    }
    return out;
  }

  private static KeySchema keySchema(JsonNode list, ObjectNode definitions, String what) {
    if (list == null || !list.isArray() || list.isEmpty() || list.size() > 2) {
      throw DynamoDbException.validation("1 validation error detected: Value " + (list == null ? "null" : list)
          + " at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2");
    }
    String hash = null;
    String range = null;
    for (JsonNode k : list) {
      String type = k.path("KeyType").asText("");
      String name = k.path("AttributeName").asText("");
      if (type.equals("HASH") && hash == null) {
        hash = name;
      } else if (type.equals("RANGE") && range == null) {
        range = name;
      } else {
        throw DynamoDbException.validation("Invalid KeySchema: Some index key attribute have no definition");
      }
    }
    if (hash == null) {
      throw DynamoDbException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    List<String> missing = new ArrayList<>();
    for (String n : range == null ? List.of(hash) : List.of(hash, range)) {
      if (!definitions.has(n)) {
        missing.add(n);
      }
    }
    if (!missing.isEmpty()) {
      List<String> defined = new ArrayList<>();
      definitions.fieldNames().forEachRemaining(defined::add);
      throw DynamoDbException.validation("One or more parameter values were invalid: Some index key attributes are"
          + " not defined in AttributeDefinitions. Keys: " + missing + ", AttributeDefinitions: " + defined);
    }
    return new KeySchema(hash, definitions.get(hash).asText(), range,
        range == null ? null : definitions.get(range).asText());
  }

  private static long[] throughput(String billing, JsonNode tp) {
    boolean given = tp != null && !tp.isNull();
    switch (billing) {
      case "PAY_PER_REQUEST":
        if (given && (tp.path("ReadCapacityUnits").asLong(0) > 0 || tp.path("WriteCapacityUnits").asLong(0) > 0)) {
          throw DynamoDbException.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor"
              + " WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        }
        return new long[] {0, 0};
      case "PROVISIONED":
        if (!given || !tp.has("ReadCapacityUnits") || !tp.has("WriteCapacityUnits")) {
          throw DynamoDbException.validation("One or more parameter values were invalid: ReadCapacityUnits and"
              + " WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        long r = tp.get("ReadCapacityUnits").asLong();
        long w = tp.get("WriteCapacityUnits").asLong();
        if (r < 1 || w < 1) {
          throw DynamoDbException.validation("One or more parameter values were invalid: Provisioned throughput for"
              + " the table must be at least 1 read and 1 write");
        }
        return new long[] {r, w};
      default:
        throw DynamoDbException.validation("1 validation error detected: Value '" + billing + "' at 'billingMode'"
            + " failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
    }
  }

  private static String streamViewType(JsonNode spec) {
    if (spec == null || spec.isNull() || !spec.path("StreamEnabled").asBoolean(false)) {
      return null;
    }
    String type = spec.path("StreamViewType").asText("");
    if (!List.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES").contains(type)) {
      throw DynamoDbException.validation(type.isEmpty()
          ? "One or more parameter values were invalid: StreamViewType is required when StreamEnabled is true"
          : "1 validation error detected: Value '" + type + "' at 'streamSpecification.streamViewType' failed to"
              + " satisfy constraint: Member must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES,"
              + " KEYS_ONLY]");
    }
    return type;
  }

  /**
   * Checks a TableName member as AWS does (length 3 to 255, pattern {@code [a-zA-Z0-9_.-]+}).
   *
   * @throws DynamoDbException ValidationException with AWS's "N validation error(s) detected" text
   */
  static String tableName(JsonNode node) {
    if (node == null || node.isNull()) {
      throw DynamoDbException.validation("1 validation error detected: Value null at 'tableName' failed to satisfy"
          + " constraint: Member must not be null");
    }
    String name = node.asText();
    List<String> errors = new ArrayList<>();
    if (!TABLE_NAME.matcher(name).matches()) {
      errors.add("Value '" + name + "' at 'tableName' failed to satisfy constraint: Member must satisfy regular"
          + " expression pattern: [a-zA-Z0-9_.-]+");
    }
    if (name.length() < 3 || name.length() > 255) {
      errors.add("Value '" + name + "' at 'tableName' failed to satisfy constraint: Member must have length "
          + (name.length() < 3 ? "greater than or equal to 3" : "less than or equal to 255"));
    }
    if (!errors.isEmpty()) {
      throw DynamoDbException.validation(errors.size() + " validation error" + (errors.size() > 1 ? "s" : "")
          + " detected: " + String.join("; ", errors));
    }
    return name;
  }

  /** The table of an item operation (ResourceNotFoundException "Requested resource not found"). */
  Table table(JsonNode name) {
    Table t = tables.get(tableName(name));
    if (t == null) {
      throw DynamoDbException.notFound();
    }
    return t;
  }

  /** The table of a table operation (its not-found message names the table). */
  private Table namedTable(String name) {
    Table t = tables.get(name);
    if (t == null) {
      throw DynamoDbException.tableNotFound(name);
    }
    return t;
  }

  // ---------------------------------------------------------------- streams

  /** Appends a stream record for a change (none when nothing changed or no stream is on). */
  void recordChange(Table t, ObjectNode old, ObjectNode now) {
    TableStream s = t.stream;
    if (s == null || !s.enabled || (old == null && now == null) || (old != null && old.equals(now))) {
      return;
    }
    String event = old == null ? "INSERT" : now == null ? "REMOVE" : "MODIFY";
    String seq = sequenceAfter(++sequence - 1);
    ObjectNode r = Json.object();
    r.put("eventID", uuid(s.arn + "/" + seq).replace("-", ""));
    r.put("eventName", event);
    r.put("eventVersion", "1.1");
    r.put("eventSource", "aws:dynamodb");
    r.put("awsRegion", region());
    ObjectNode d = r.putObject("dynamodb");
    d.put("ApproximateCreationDateTime", world.now().getEpochSecond());
    ObjectNode keys = t.keyOf(now != null ? now : old);
    d.set("Keys", keys);
    boolean newImage = (s.viewType.equals("NEW_IMAGE") || s.viewType.equals("NEW_AND_OLD_IMAGES")) && now != null;
    boolean oldImage = (s.viewType.equals("OLD_IMAGE") || s.viewType.equals("NEW_AND_OLD_IMAGES")) && old != null;
    if (newImage) {
      d.set("NewImage", now);
    }
    if (oldImage) {
      d.set("OldImage", old);
    }
    d.put("SequenceNumber", seq);
    d.put("SizeBytes", AttributeValues.size(keys) + (newImage ? AttributeValues.size(now) : 0)
        + (oldImage ? AttributeValues.size(old) : 0));
    d.put("StreamViewType", s.viewType);
    s.records.add(new TableStream.StreamRecord(seq, r));
    s.lastSequenceNumber = seq;
  }

  /** The 21-digit sequence number of record {@code n + 1}. */
  private static String sequenceAfter(long n) {
    return "1" + String.format("%020d", n + 1);
  }

  /** The stream with this ARN, or ResourceNotFoundException. */
  TableStream stream(String arn) {
    TableStream s = arn == null ? null : streams.get(arn);
    if (s == null) {
      throw DynamoDbException.of("ResourceNotFoundException", "Requested resource not found: Stream: " + arn
          + " not found");
    }
    return s;
  }

  /** Every stream, oldest first. */
  List<TableStream> allStreams() {
    return List.copyOf(streams.values());
  }

  /** Where a new subscription starts: 0 for TRIM_HORIZON, the end for LATEST. */
  synchronized int subscriptionStart(String arn, String position) {
    TableStream s = stream(arn);
    return switch (String.valueOf(position)) {
      case "TRIM_HORIZON" -> s.firstRetained(world.now());
      case "LATEST" -> s.records.size();
      default -> throw DynamoDbException.validation("StartingPosition must be TRIM_HORIZON or LATEST: " + position);
    };
  }

  /** The number of records in a stream. */
  synchronized int recordCount(String arn) {
    return stream(arn).records.size();
  }

  /** Records of a stream from index {@code from} on. */
  synchronized List<ObjectNode> recordsFrom(String arn, int from) {
    TableStream s = streams.get(arn);
    if (s == null || from >= s.records.size()) {
      return List.of();
    }
    List<ObjectNode> out = new ArrayList<>();
    for (TableStream.StreamRecord r : s.records.subList(from, s.records.size())) {
      out.add(r.json());
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

  String region() {
    return world.options().region();
  }

  String account() {
    return world.options().accountId();
  }

  static double epochSeconds(Instant t) {
    return t.toEpochMilli() / 1000.0;
  }

  static String uuid(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
