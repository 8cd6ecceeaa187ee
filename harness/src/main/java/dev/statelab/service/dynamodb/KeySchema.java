package dev.statelab.service.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;

/**
 * A table's or index's key: partition (HASH) attribute and optional sort (RANGE) attribute, with
 * their scalar types (S, N, B).
 *
 * @param hash the partition key attribute
 * @param hashType its type
 * @param range the sort key attribute, or null
 * @param rangeType its type, or null
 */
record KeySchema(String hash, String hashType, String range, String rangeType) {

  /** True when the key has a sort key. */
  boolean hasRange() {
    return range != null;
  }

  /** True when {@code name} is one of the key attributes. */
  boolean isKey(String name) {
    return name.equals(hash) || name.equals(range);
  }

  /** The partition key value of an item that has it with the right type, else null. */
  KeyValue hashOf(JsonNode item) {
    return KeyValue.of(hashType, item.get(hash));
  }

  /** The sort key value ({@link KeyValue#NONE} without a sort key), or null when missing. */
  KeyValue rangeOf(JsonNode item) {
    return range == null ? KeyValue.NONE : KeyValue.of(rangeType, item.get(range));
  }

  /** True when the item carries both key attributes with the right types (it is in the index). */
  boolean covers(JsonNode item) {
    return hashOf(item) != null && rangeOf(item) != null;
  }

  /** The key attributes of an item. */
  ObjectNode keyOf(JsonNode item) {
    ObjectNode key = Json.object();
    key.set(hash, item.get(hash));
    if (range != null) {
      key.set(range, item.get(range));
    }
    return key;
  }

  /**
   * Checks that a new item carries the table key with the right types and non-empty values.
   *
   * @throws DynamoDbException ValidationException in AWS's words
   */
  void checkItem(JsonNode item) {
    checkItemAttribute(item, hash, hashType);
    if (range != null) {
      checkItemAttribute(item, range, rangeType);
    }
  }

  private static void checkItemAttribute(JsonNode item, String name, String type) {
    JsonNode v = item.get(name);
    if (v == null) {
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: Missing the key " + name + " in the item");
    }
    KeyValue k = KeyValue.of(type, v);
    if (k == null) {
      throw DynamoDbException.validation("One or more parameter values were invalid: Type mismatch for key "
          + name + " expected: " + type + " actual: " + v.fieldNames().next());
    }
    if (k.isEmpty()) {
      throw DynamoDbException.validation("One or more parameter values are not valid. The AttributeValue for a key"
          + " attribute cannot contain an empty " + (type.equals("S") ? "string" : "binary") + " value. Key: " + name);
    }
  }

  /**
   * Checks that a key map names exactly the key attributes with the right types.
   *
   * @throws DynamoDbException ValidationException "The provided key element does not match the schema"
   */
  void checkKey(JsonNode key) {
    int expected = range == null ? 1 : 2;
    if (key == null || !key.isObject() || key.size() != expected || !covers(key)) {
      throw DynamoDbException.validation("The provided key element does not match the schema");
    }
    if (hashOf(key).isEmpty() || rangeOf(key).isEmpty()) {
      throw DynamoDbException.validation("One or more parameter values are not valid. The AttributeValue for a key"
          + " attribute cannot contain an empty string value. Key: " + (hashOf(key).isEmpty() ? hash : range));
    }
  }

  /** The KeySchema list as DescribeTable shows it. */
  ArrayNode toJson() {
    ArrayNode out = Json.array();
    out.addObject().put("AttributeName", hash).put("KeyType", "HASH");
    if (range != null) {
      out.addObject().put("AttributeName", range).put("KeyType", "RANGE");
    }
    return out;
  }
}
