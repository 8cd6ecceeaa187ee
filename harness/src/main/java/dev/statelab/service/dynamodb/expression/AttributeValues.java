package dev.statelab.service.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Reading and comparing attribute values in DynamoDB's JSON wire shape ({@code {"S":"x"}}). */
final class AttributeValues {

  /** The ten attribute type names. */
  static final Set<String> TYPES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

  private AttributeValues() {}

  /** The type name of an attribute value ({@code S}, {@code N}, ...). */
  static String type(JsonNode value) {
    Iterator<String> names = value.fieldNames();
    return names.hasNext() ? names.next() : "";
  }

  /** The payload of an attribute value (the part after the type name). */
  static JsonNode payload(JsonNode value) {
    return value.get(type(value));
  }

  /** An attribute value of the given type and payload. */
  static ObjectNode of(String type, JsonNode payload) {
    ObjectNode node = Json.NODES.objectNode();
    node.set(type, payload);
    return node;
  }

  /** A number attribute value. */
  static ObjectNode number(BigDecimal n) {
    return of("N", Json.NODES.textNode(Numbers.format(n)));
  }

  /** The value at the path in the item, or null when the path leads nowhere. */
  static JsonNode get(ObjectNode item, DocumentPath path) {
    JsonNode current = item.get(path.topName());
    for (int i = 1; current != null && i < path.steps().size(); i++) {
      current = child(current, path.steps().get(i));
    }
    return current;
  }

  /** The map entry or list element a step selects from a value, or null. */
  static JsonNode child(JsonNode value, DocumentPath.Step step) {
    if (step instanceof DocumentPath.Key key) {
      JsonNode map = value.get("M");
      return map == null ? null : map.get(key.name());
    }
    JsonNode list = value.get("L");
    int index = ((DocumentPath.Index) step).index();
    return list == null || index >= list.size() ? null : list.get(index);
  }

  /** DynamoDB equality: same type and same value (numbers as decimals, sets ignoring order). */
  static boolean equal(JsonNode a, JsonNode b) {
    String type = type(a);
    if (!type.equals(type(b))) {
      return false;
    }
    JsonNode x = a.get(type);
    JsonNode y = b.get(type);
    return switch (type) {
      case "N" -> Numbers.parse(x.asText()).compareTo(Numbers.parse(y.asText())) == 0;
      case "B" -> Arrays.equals(bytes(x), bytes(y));
      case "SS", "NS", "BS" -> x.size() == y.size() && setContainsAll(type, x, y);
      case "L" -> listEqual((ArrayNode) x, (ArrayNode) y);
      case "M" -> mapEqual(x, y);
      default -> x.equals(y);
    };
  }

  private static boolean setContainsAll(String setType, JsonNode set, JsonNode elements) {
    for (JsonNode element : elements) {
      if (!setContains(setType, set, element)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a set payload of the given set type holds the scalar payload. */
  static boolean setContains(String setType, JsonNode set, JsonNode scalar) {
    String scalarType = setType.substring(0, 1);
    for (JsonNode member : set) {
      if (equal(of(scalarType, member), of(scalarType, scalar))) {
        return true;
      }
    }
    return false;
  }

  private static boolean listEqual(ArrayNode x, ArrayNode y) {
    if (x.size() != y.size()) {
      return false;
    }
    for (int i = 0; i < x.size(); i++) {
      if (!equal(x.get(i), y.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean mapEqual(JsonNode x, JsonNode y) {
    if (x.size() != y.size()) {
      return false;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = x.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode other = y.get(e.getKey());
      if (other == null || !equal(e.getValue(), other)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Orders two scalar values of the same type (S by UTF-8 bytes, N as decimals, B by bytes).
   *
   * @return the comparison, or null when the values are not both S, both N or both B
   */
  static Integer compare(JsonNode a, JsonNode b) {
    String type = type(a);
    if (!type.equals(type(b))) {
      return null;
    }
    return switch (type) {
      case "N" -> Numbers.parse(a.get("N").asText()).compareTo(Numbers.parse(b.get("N").asText()));
      case "S" -> Arrays.compareUnsigned(utf8(a.get("S")), utf8(b.get("S")));
      case "B" -> Arrays.compareUnsigned(bytes(a.get("B")), bytes(b.get("B")));
      default -> null;
    };
  }

  /** The UTF-8 bytes of a string payload. */
  static byte[] utf8(JsonNode text) {
    return text.asText().getBytes(StandardCharsets.UTF_8);
  }

  /** The bytes of a binary payload (base64 text). */
  static byte[] bytes(JsonNode base64) {
    try {
      return Base64.getDecoder().decode(base64.asText());
    } catch (IllegalArgumentException e) {
      return base64.asText().getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Whether the first byte array starts with the second. */
  static boolean startsWith(byte[] value, byte[] prefix) {
    return value.length >= prefix.length
        && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** Whether the second byte array occurs inside the first. */
  static boolean containsBytes(byte[] value, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= value.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (value[i + j] != part[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
