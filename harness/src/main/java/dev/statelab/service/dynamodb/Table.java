package dev.statelab.service.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One table's definition and items, kept by partition key and, within a partition, sorted by sort
 * key. Mutated only under the {@link DynamoDbStore}'s lock.
 */
final class Table {

  final String name;
  final String arn;
  final String id;
  final Instant created;
  final KeySchema keys;
  final Map<String, String> attributeTypes = new LinkedHashMap<>();
  final Map<String, IndexDef> localIndexes = new LinkedHashMap<>();
  final Map<String, IndexDef> globalIndexes = new LinkedHashMap<>();
  String billingMode;
  long read;
  long write;
  Instant billingModeChanged;
  TableStream stream;
  private final NavigableMap<KeyValue, NavigableMap<KeyValue, ObjectNode>> partitions = new TreeMap<>();
  private long itemCount;
  private long sizeBytes;

  Table(String name, String arn, String id, Instant created, KeySchema keys) {
    this.name = name;
    this.arn = arn;
    this.id = id;
    this.created = created;
    this.keys = keys;
  }

  /** The item with this key (already checked against the schema), or null. */
  ObjectNode get(JsonNode key) {
    NavigableMap<KeyValue, ObjectNode> p = partitions.get(keys.hashOf(key));
    return p == null ? null : p.get(keys.rangeOf(key));
  }

  /** Stores an item (key already checked) and returns the one it replaced, or null. */
  ObjectNode put(ObjectNode item) {
    ObjectNode old = partitions.computeIfAbsent(keys.hashOf(item), k -> new TreeMap<>())
        .put(keys.rangeOf(item), item);
    account(old, -1);
    account(item, 1);
    return old;
  }

  /** Removes the item with this key and returns it, or null. */
  ObjectNode remove(JsonNode key) {
    KeyValue hash = keys.hashOf(key);
    NavigableMap<KeyValue, ObjectNode> p = partitions.get(hash);
    if (p == null) {
      return null;
    }
    ObjectNode old = p.remove(keys.rangeOf(key));
    if (p.isEmpty()) {
      partitions.remove(hash);
    }
    account(old, -1);
    return old;
  }

  private void account(ObjectNode item, int sign) {
    if (item != null) {
      itemCount += sign;
      sizeBytes += sign * (long) AttributeValues.size(item);
    }
  }

  /** One partition's items in sort key order (empty when none). */
  Collection<ObjectNode> partition(KeyValue hash) {
    NavigableMap<KeyValue, ObjectNode> p = partitions.get(hash);
    return p == null ? List.of() : p.values();
  }

  /** Every item, partitions in key order. */
  List<ObjectNode> items() {
    List<ObjectNode> out = new ArrayList<>();
    partitions.values().forEach(p -> out.addAll(p.values()));
    return out;
  }

  /** The number of items. */
  long itemCount() {
    return itemCount;
  }

  /** The summed item sizes. */
  long sizeBytes() {
    return sizeBytes;
  }

  /** The index of that name (local or global), or null. */
  IndexDef index(String indexName) {
    IndexDef lsi = localIndexes.get(indexName);
    return lsi != null ? lsi : globalIndexes.get(indexName);
  }

  /** Local and global indexes. */
  List<IndexDef> indexes() {
    List<IndexDef> all = new ArrayList<>(localIndexes.values());
    all.addAll(globalIndexes.values());
    return all;
  }

  /** The AttributeDefinitions list. */
  ArrayNode attributeDefinitions(ArrayNode out) {
    attributeTypes.forEach((n, t) -> out.addObject().put("AttributeName", n).put("AttributeType", t));
    return out;
  }

  /** The key attributes in an item. */
  ObjectNode keyOf(JsonNode item) {
    return keys.keyOf(item);
  }
}
