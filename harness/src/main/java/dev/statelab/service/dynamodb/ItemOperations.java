package dev.statelab.service.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import dev.statelab.service.dynamodb.expression.Condition;
import dev.statelab.service.dynamodb.expression.KeyCondition;
import dev.statelab.service.dynamodb.expression.Projection;
import dev.statelab.service.dynamodb.expression.Update;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's item operations over a {@link DynamoDbStore}: single-item reads and writes with
 * conditions and ReturnValues, Query and Scan with paging, batches and transactions. Each takes
 * the request body and answers the response body.
 */
public final class ItemOperations {

  private static final int MAX_PAGE_BYTES = 1024 * 1024;
  private static final Comparator<List<KeyValue>> POSITION = (a, b) -> {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  };

  private final DynamoDbStore store;

  ItemOperations(DynamoDbStore store) {
    this.store = store;
  }

  /** GetItem. */
  public ObjectNode getItem(JsonNode body) {
    return store.read(() -> {
      Table t = store.table(body.get("TableName"));
      ObjectNode key = checkedKey(t, body.get("Key"));
      Expr ex = new Expr(body);
      Projection projection = ex.projection(body.get("ProjectionExpression"));
      ex.finish();
      boolean consistent = body.path("ConsistentRead").asBoolean(false);
      ObjectNode item = t.get(key);
      Capacity capacity = Capacity.read();
      capacity.table(t, Capacity.readUnits(AttributeValues.size(item), consistent));
      ObjectNode out = Json.object();
      if (item != null) {
        out.set("Item", Expr.project(projection, item));
      }
      return finish(out, capacity, body);
    });
  }

  /** PutItem. */
  public ObjectNode putItem(JsonNode body) {
    return store.write(() -> {
      Table t = store.table(body.get("TableName"));
      ObjectNode item = checkedItem(t, body.get("Item"));
      Replaced replaced = replaced(t, item, body);
      ObjectNode old = replaced.old();
      t.put(item);
      store.recordChange(t, old, item);
      return writeAnswer(t, old, item, replaced.returnValues(), body);
    });
  }

  /** UpdateItem. */
  public ObjectNode updateItem(JsonNode body) {
    return store.write(() -> {
      Table t = store.table(body.get("TableName"));
      ObjectNode key = checkedKey(t, body.get("Key"));
      Expr ex = new Expr(body);
      Update update = ex.update(body.get("UpdateExpression"));
      Condition condition = ex.condition(body.get("ConditionExpression"));
      ex.finish();
      String returnValues = returnValues(body, "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
      Set<String> updated = update == null ? Set.of() : Expr.updated(update);
      for (String name : updated) {
        if (t.keys.isKey(name)) {
          throw DynamoDbException.validation("One or more parameter values were invalid: Cannot update attribute "
              + name + ". This attribute is part of the key");
        }
      }
      ObjectNode old = t.get(key);
      checkCondition(condition, old, body);
      ObjectNode now = update == null ? (old != null ? old : key) : Expr.apply(update, old != null ? old : key);
      checkIndexKeys(t, now);
      checkSize(now);
      t.put(now);
      store.recordChange(t, old, now);
      Capacity capacity = Capacity.write();
      capacity.itemWrite(t, old, now);
      ObjectNode out = Json.object();
      ObjectNode attributes = switch (returnValues) {
        case "ALL_OLD" -> old;
        case "ALL_NEW" -> now;
        // Only the updated parts, nested ones included, as AWS answers.
        case "UPDATED_OLD" -> old == null || update == null ? null : Expr.project(update.updatedPaths(), old);
        case "UPDATED_NEW" -> update == null ? null : Expr.project(update.updatedPaths(), now);
        default -> null;
      };
      if (attributes != null && !attributes.isEmpty()) {
        out.set("Attributes", attributes);
      }
      return finish(out, capacity, body);
    });
  }

  /** DeleteItem. */
  public ObjectNode deleteItem(JsonNode body) {
    return store.write(() -> {
      Table t = store.table(body.get("TableName"));
      ObjectNode key = checkedKey(t, body.get("Key"));
      Replaced replaced = replaced(t, key, body);
      ObjectNode old = replaced.old();
      if (old != null) {
        t.remove(key);
        store.recordChange(t, old, null);
      }
      return writeAnswer(t, old, null, replaced.returnValues(), body);
    });
  }

  /** The item a PutItem or DeleteItem replaces, and the ReturnValues it asked for. */
  private record Replaced(ObjectNode old, String returnValues) {}

  /**
   * PutItem's and DeleteItem's checks before they write: the ConditionExpression parses, its
   * placeholders are all used, ReturnValues is NONE or ALL_OLD, and the condition holds for the
   * item now stored under {@code key}.
   */
  private Replaced replaced(Table t, ObjectNode key, JsonNode body) {
    Expr ex = new Expr(body);
    Condition condition = ex.condition(body.get("ConditionExpression"));
    ex.finish();
    String returnValues = returnValues(body, "NONE", "ALL_OLD");
    ObjectNode old = t.get(key);
    checkCondition(condition, old, body);
    return new Replaced(old, returnValues);
  }

  /** PutItem's and DeleteItem's answer: the write's capacity and, for ALL_OLD, the item replaced. */
  private ObjectNode writeAnswer(Table t, ObjectNode old, ObjectNode now, String returnValues, JsonNode body) {
    Capacity capacity = Capacity.write();
    capacity.itemWrite(t, old, now);
    ObjectNode out = Json.object();
    if (returnValues.equals("ALL_OLD") && old != null) {
      out.set("Attributes", old);
    }
    return finish(out, capacity, body);
  }

  /** Query: one partition of the table or an index, in sort key order. */
  public ObjectNode query(JsonNode body) {
    return store.read(() -> {
      Table t = store.table(body.get("TableName"));
      IndexDef index = index(t, body);
      KeySchema keys = index == null ? t.keys : index.keys();
      Expr ex = new Expr(body);
      KeyCondition kc = ex.keyCondition(body.get("KeyConditionExpression"));
      if (kc == null) {
        throw DynamoDbException.validation(
            "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
      }
      Condition filter = ex.filter(body.get("FilterExpression"));
      Projection projection = ex.projection(body.get("ProjectionExpression"));
      ex.finish();
      try {
        kc.validate(keys.hash(), keys.range());
      } catch (dev.statelab.service.dynamodb.expression.ExpressionException e) {
        throw DynamoDbException.validation(e.getMessage());
      }
      KeyValue hash = KeyValue.of(keys.hashType(), kc.partitionKeyValue());
      if (hash == null) {
        throw DynamoDbException.validation(
            "One or more parameter values were invalid: Condition parameter type does not match schema type");
      }
      List<ObjectNode> candidates = new ArrayList<>();
      if (index == null) {
        candidates.addAll(t.partition(hash));
      } else {
        for (ObjectNode view : indexView(t, index)) {
          if (hash.equals(keys.hashOf(view))) {
            candidates.add(view);
          }
        }
      }
      if (kc.sortKeyName().isPresent()) {
        String sortKey = kc.sortKeyName().get();
        candidates.removeIf(item -> !kc.matchesSortKey(item.get(sortKey)));
      }
      if (!body.path("ScanIndexForward").asBoolean(true)) {
        Collections.reverse(candidates);
      }
      return page(t, index, candidates, body, filter, projection, body.path("ScanIndexForward").asBoolean(true));
    });
  }

  /** Scan: the whole table or index in key order, or one segment of it. */
  public ObjectNode scan(JsonNode body) {
    return store.read(() -> {
      Table t = store.table(body.get("TableName"));
      IndexDef index = index(t, body);
      Expr ex = new Expr(body);
      Condition filter = ex.filter(body.get("FilterExpression"));
      Projection projection = ex.projection(body.get("ProjectionExpression"));
      ex.finish();
      JsonNode segment = body.get("Segment");
      JsonNode total = body.get("TotalSegments");
      if ((segment == null) != (total == null)) {
        throw DynamoDbException.validation(segment == null
            ? "The Segment parameter is required but was not present in the request when parameter TotalSegments is present"
            : "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
      }
      if (total != null && (total.asInt() < 1 || total.asInt() > 1000000)) {
        throw DynamoDbException.validation("1 validation error detected: Value '" + total.asInt() + "' at"
            + " 'totalSegments' failed to satisfy constraint: Member must have value greater than or equal to 1");
      }
      if (segment != null && (segment.asInt() < 0 || segment.asInt() >= total.asInt())) {
        throw DynamoDbException.validation("The Segment parameter is zero-based and must be less than parameter"
            + " TotalSegments: Segment: " + segment.asInt() + " is not less than TotalSegments: " + total.asInt());
      }
      List<ObjectNode> candidates = index == null ? t.items() : indexView(t, index);
      KeySchema keys = index == null ? t.keys : index.keys();
      if (segment != null) {
        candidates.removeIf(item -> Math.floorMod(keys.hashOf(item).hashCode(), total.asInt()) != segment.asInt());
      }
      return page(t, index, candidates, body, filter, projection, true);
    });
  }

  private ObjectNode page(Table t, IndexDef index, List<ObjectNode> candidates, JsonNode body, Condition filter,
      Projection projection, boolean forward) {
    int limit = limit(body);
    boolean consistent = body.path("ConsistentRead").asBoolean(false);
    if (consistent && index != null && index.global()) {
      throw DynamoDbException.validation("Consistent reads are not supported on global secondary indexes");
    }
    String select = body.path("Select").asText(projection != null ? "SPECIFIC_ATTRIBUTES" : "ALL_ATTRIBUTES");
    if (!List.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT").contains(select)) {
      throw DynamoDbException.validation("1 validation error detected: Value '" + select + "' at 'select' failed to"
          + " satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT,"
          + " ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
    }
    JsonNode startKey = body.get("ExclusiveStartKey");
    List<KeyValue> start = null;
    if (startKey != null && !startKey.isNull()) {
      ObjectNode normalized = AttributeValues.normalize(startKey, "exclusiveStartKey");
      if (!t.keys.covers(normalized) || (index != null && !index.keys().covers(normalized))) {
        throw DynamoDbException.validation(
            "The provided starting key is invalid: The provided key element does not match the schema");
      }
      start = position(t, index, normalized);
    }
    ArrayNode items = Json.array();
    int scanned = 0;
    long bytes = 0;
    ObjectNode last = null;
    boolean stopped = false;
    for (ObjectNode item : candidates) {
      if (start != null) {
        int c = POSITION.compare(position(t, index, item), start);
        if (forward ? c <= 0 : c >= 0) {
          continue;
        }
      }
      if (scanned == limit || bytes >= MAX_PAGE_BYTES) {
        stopped = true;
        break;
      }
      scanned++;
      bytes += AttributeValues.size(item);
      last = item;
      if (Expr.test(filter, item)) {
        items.add(Expr.project(projection, item));
      }
    }
    if (!stopped && scanned == limit && last != null) {
      stopped = true; // DynamoDB does not look ahead: a full page always carries LastEvaluatedKey
    }
    Capacity capacity = Capacity.read();
    double units = Capacity.readUnits(bytes, consistent);
    if (index == null) {
      capacity.table(t, units);
    } else {
      capacity.index(t, index, units);
    }
    ObjectNode out = Json.object();
    if (!select.equals("COUNT")) {
      out.set("Items", items);
    }
    out.put("Count", items.size());
    out.put("ScannedCount", scanned);
    if (stopped && last != null) {
      ObjectNode lek = t.keyOf(last);
      if (index != null) {
        lek.setAll(index.keys().keyOf(last));
      }
      out.set("LastEvaluatedKey", lek);
    }
    return finish(out, capacity, body);
  }

  private static List<KeyValue> position(Table t, IndexDef index, JsonNode item) {
    List<KeyValue> p = new ArrayList<>(4);
    if (index != null) {
      p.add(index.keys().hashOf(item));
      p.add(index.keys().rangeOf(item));
    }
    p.add(t.keys.hashOf(item));
    p.add(t.keys.rangeOf(item));
    return p;
  }

  /** The index's items (projected), in index key order then table key order. */
  private static List<ObjectNode> indexView(Table t, IndexDef index) {
    List<ObjectNode> view = new ArrayList<>();
    for (ObjectNode item : t.items()) {
      if (index.contains(item)) {
        view.add(index.project(item, t.keys));
      }
    }
    view.sort((a, b) -> POSITION.compare(position(t, index, a), position(t, index, b)));
    return view;
  }

  private static IndexDef index(Table t, JsonNode body) {
    JsonNode name = body.get("IndexName");
    if (name == null || name.isNull()) {
      return null;
    }
    IndexDef index = t.index(name.asText());
    if (index == null) {
      throw DynamoDbException.validation("The table does not have the specified index: " + name.asText());
    }
    return index;
  }

  private static int limit(JsonNode body) {
    JsonNode n = body.get("Limit");
    if (n == null || n.isNull()) {
      return Integer.MAX_VALUE;
    }
    if (n.asInt() < 1) {
      throw DynamoDbException.validation("1 validation error detected: Value '" + n.asInt() + "' at 'limit' failed"
          + " to satisfy constraint: Member must have value greater than or equal to 1");
    }
    return n.asInt();
  }

  // ---------------------------------------------------------------- batches

  /** BatchGetItem: every key is answered (UnprocessedKeys is always empty). */
  public ObjectNode batchGetItem(JsonNode body) {
    return store.read(() -> {
      JsonNode request = requestItems(body);
      int keys = 0;
      ObjectNode responses = Json.object();
      List<Capacity> used = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = request.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Table t = store.table(Json.text(e.getKey()));
        JsonNode spec = e.getValue();
        Expr ex = new Expr(spec);
        Projection projection = ex.projection(spec.get("ProjectionExpression"));
        ex.finish();
        boolean consistent = spec.path("ConsistentRead").asBoolean(false);
        ArrayNode found = responses.putArray(t.name);
        Set<ObjectNode> seen = new HashSet<>();
        Capacity capacity = Capacity.read();
        for (JsonNode k : spec.path("Keys")) {
          keys++;
          ObjectNode key = checkedKey(t, k);
          if (!seen.add(key)) {
            throw DynamoDbException.validation("Provided list of item keys contains duplicates");
          }
          ObjectNode item = t.get(key);
          capacity.table(t, Capacity.readUnits(AttributeValues.size(item), consistent));
          if (item != null) {
            found.add(Expr.project(projection, item));
          }
        }
        used.add(capacity);
      }
      if (keys > 100) {
        throw DynamoDbException.validation("Too many items requested for the BatchGetItem call");
      }
      ObjectNode out = Json.object();
      out.set("Responses", responses);
      out.putObject("UnprocessedKeys");
      return finishAll(out, used, body);
    });
  }

  /** BatchWriteItem: Put and Delete requests, at most 25, all processed. */
  public ObjectNode batchWriteItem(JsonNode body) {
    return store.write(() -> {
      JsonNode request = requestItems(body);
      int count = 0;
      for (JsonNode list : request) {
        if (list.size() > 25 || list.isEmpty()) {
          throw DynamoDbException.validation("1 validation error detected: Value at 'requestItems' failed to satisfy"
              + " constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25,"
              + " Member must have length greater than or equal to 1]");
        }
        count += list.size();
      }
      if (count > 25) {
        throw DynamoDbException.validation("Too many items requested for the BatchWriteItem call");
      }
      record Op(Table table, ObjectNode key, ObjectNode item) {}
      List<Op> ops = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = request.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Table t = store.table(Json.text(e.getKey()));
        Set<ObjectNode> seen = new HashSet<>();
        for (JsonNode r : e.getValue()) {
          ObjectNode item = null;
          ObjectNode key;
          if (r.has("PutRequest")) {
            item = checkedItem(t, r.get("PutRequest").get("Item"));
            key = t.keyOf(item);
          } else if (r.has("DeleteRequest")) {
            key = checkedKey(t, r.get("DeleteRequest").get("Key"));
          } else {
            throw DynamoDbException.validation("Supplied AttributeValue has more than one datatypes set, must contain"
                + " exactly one of the supported datatypes");
          }
          if (!seen.add(key)) {
            throw DynamoDbException.validation("Provided list of item keys contains duplicates");
          }
          ops.add(new Op(t, key, item));
        }
      }
      Map<String, Capacity> used = new LinkedHashMap<>();
      for (Op op : ops) {
        ObjectNode old = op.item() != null ? op.table().put(op.item()) : op.table().remove(op.key());
        store.recordChange(op.table(), old, op.item());
        used.computeIfAbsent(op.table().name, n -> Capacity.write()).itemWrite(op.table(), old, op.item());
      }
      ObjectNode out = Json.object();
      out.putObject("UnprocessedItems");
      return finishAll(out, new ArrayList<>(used.values()), body);
    });
  }

  private static JsonNode requestItems(JsonNode body) {
    JsonNode request = body.get("RequestItems");
    if (request == null || !request.isObject() || request.isEmpty()) {
      throw DynamoDbException.validation("1 validation error detected: Value null at 'requestItems' failed to"
          + " satisfy constraint: Member must have length greater than or equal to 1");
    }
    return request;
  }

  // ---------------------------------------------------------------- transactions

  /** TransactWriteItems: every condition holds and all writes apply, or TransactionCanceledException. */
  public ObjectNode transactWriteItems(JsonNode body) {
    return store.write(() -> new Transaction(this, store).write(body));
  }

  /** TransactGetItems. */
  public ObjectNode transactGetItems(JsonNode body) {
    return store.read(() -> new Transaction(this, store).get(body));
  }

  // ---------------------------------------------------------------- shared checks

  /** A request's Key, checked against the table's schema. */
  ObjectNode checkedKey(Table t, JsonNode key) {
    ObjectNode k = AttributeValues.normalize(key, "key");
    t.keys.checkKey(k);
    return k;
  }

  /** A request's Item, checked for key, index key types and size. */
  ObjectNode checkedItem(Table t, JsonNode item) {
    ObjectNode i = AttributeValues.normalize(item, "item");
    t.keys.checkItem(i);
    checkIndexKeys(t, i);
    checkSize(i);
    return i;
  }

  static void checkSize(ObjectNode item) {
    if (AttributeValues.size(item) > AttributeValues.MAX_ITEM_BYTES) {
      throw DynamoDbException.validation("Item size has exceeded the maximum allowed size");
    }
  }

  static void checkIndexKeys(Table t, ObjectNode item) {
    for (IndexDef index : t.indexes()) {
      KeySchema k = index.keys();
      checkIndexKey(index, item, k.hash(), k.hashType());
      if (k.hasRange()) {
        checkIndexKey(index, item, k.range(), k.rangeType());
      }
    }
  }

  private static void checkIndexKey(IndexDef index, ObjectNode item, String name, String type) {
    JsonNode v = item.get(name);
    if (v == null) {
      return;
    }
    KeyValue k = KeyValue.of(type, v);
    if (k == null) {
      throw DynamoDbException.validation("One or more parameter values were invalid: Type mismatch for Index Key "
          + name + " Expected: " + type + " Actual: " + v.fieldNames().next() + " IndexName: " + index.name());
    }
    if (k.isEmpty()) {
      throw DynamoDbException.validation("One or more parameter values are not valid. A value specified for a"
          + " secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty"
          + " string value. IndexName: " + index.name() + ", IndexKey: " + name);
    }
  }

  /** Fails with ConditionalCheckFailedException (and the old item when asked) unless the condition holds. */
  static void checkCondition(Condition condition, ObjectNode old, JsonNode body) {
    if (!Expr.test(condition, old)) {
      boolean withItem = "ALL_OLD".equals(body.path("ReturnValuesOnConditionCheckFailure").asText("NONE"));
      throw DynamoDbException.conditionFailed(withItem ? old : null);
    }
  }

  static String returnValues(JsonNode body, String... allowed) {
    String value = body.path("ReturnValues").asText("NONE");
    if (!List.of(allowed).contains(value)) {
      if (List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW").contains(value)) {
        throw DynamoDbException.validation("ReturnValues can only be ALL_OLD or NONE");
      }
      throw DynamoDbException.validation("1 validation error detected: Value '" + value + "' at 'returnValues'"
          + " failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD,"
          + " NONE, UPDATED_NEW]");
    }
    return value;
  }


  /** Adds ConsumedCapacity (one table) and records on-demand usage. */
  ObjectNode finish(ObjectNode out, Capacity capacity, JsonNode body) {
    JsonNode consumed = capacity.single(body.get("ReturnConsumedCapacity"));
    if (consumed != null) {
      out.set("ConsumedCapacity", consumed);
    }
    capacity.record(store.ledger());
    return out;
  }

  /** Adds ConsumedCapacity (a list) and records on-demand usage. */
  ObjectNode finishAll(ObjectNode out, List<Capacity> capacities, JsonNode body) {
    ArrayNode all = Json.array();
    for (Capacity c : capacities) {
      JsonNode list = c.list(body.get("ReturnConsumedCapacity"));
      if (list != null) {
        all.addAll((ArrayNode) list);
      }
      c.record(store.ledger());
    }
    if (!body.path("ReturnConsumedCapacity").asText("NONE").equals("NONE")) {
      out.set("ConsumedCapacity", all);
    }
    return out;
  }
}
