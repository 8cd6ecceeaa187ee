package dev.statelab.service.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * One key attribute's value (S, N or B) ordered as DynamoDB orders sort keys: numbers by value,
 * strings and binary by their unsigned bytes.
 */
final class KeyValue implements Comparable<KeyValue> {

  /** The sort key of a table without one. */
  static final KeyValue NONE = new KeyValue("", "", BigDecimal.ZERO, new byte[0]);

  private final String type;
  private final String text;
  private final BigDecimal number;
  private final byte[] bytes;

  private KeyValue(String type, String text, BigDecimal number, byte[] bytes) {
    this.type = type;
    this.text = text;
    this.number = number;
    this.bytes = bytes;
  }

  /** The value of an attribute in wire shape, or null when it is not of {@code type}. */
  static KeyValue of(String type, JsonNode attribute) {
    if (attribute == null || !attribute.isObject() || attribute.size() != 1) {
      return null;
    }
    JsonNode v = attribute.get(type);
    if (v == null || !v.isTextual()) {
      return null;
    }
    String s = v.asText();
    switch (type) {
      case "S":
        return new KeyValue(type, s, null, s.getBytes(StandardCharsets.UTF_8));
      case "N": {
        BigDecimal n = AttributeValues.number(s);
        return new KeyValue(type, AttributeValues.canonical(n), n, null);
      }
      case "B":
        return new KeyValue(type, s, null, Base64.getDecoder().decode(s));
      default:
        return null;
    }
  }

  /** True when the value is empty (an empty string or binary, not allowed in keys). */
  boolean isEmpty() {
    return this != NONE && !type.equals("N") && bytes.length == 0;
  }

  @Override
  public int compareTo(KeyValue o) {
    if (number != null && o.number != null) {
      return number.compareTo(o.number);
    }
    if (bytes != null && o.bytes != null) {
      return Arrays.compareUnsigned(bytes, o.bytes);
    }
    return type.compareTo(o.type);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyValue k && k.type.equals(type) && k.text.equals(text);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + text.hashCode();
  }

  @Override
  public String toString() {
    return type + ":" + text;
  }
}
