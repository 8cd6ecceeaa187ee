package dev.statelab.service.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import dev.statelab.service.dynamodb.expression.ExpressionException;
import dev.statelab.service.dynamodb.expression.Numbers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB attribute values in wire shape ({@code {"S":"a"}}, {@code {"N":"1"}}, ...): shape
 * checks with AWS's messages, number normalisation and AWS's item size rules.
 */
final class AttributeValues {

  /** The largest item DynamoDB stores. */
  static final int MAX_ITEM_BYTES = 400 * 1024;

  private AttributeValues() {}

  /** Parses a DynamoDB number. */
  static BigDecimal number(String text) {
    try {
      BigDecimal n = new BigDecimal(text.strip());
      if (n.signum() != 0 && (n.precision() > 38 || n.precision() - n.scale() > 126
          || n.precision() - n.scale() < -129)) {
        throw DynamoDbException.validation(
            "Number overflow. Attempting to store a number with magnitude larger than supported range");
      }
      return n;
    } catch (NumberFormatException e) {
      throw DynamoDbException.validation("A value provided cannot be converted into a number");
    }
  }

  /** A number as DynamoDB gives it back: no trailing zeros, no exponent. */
  static String canonical(BigDecimal n) {
    return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
  }

  /** A request number as DynamoDB stores it, with AWS's texts for bad numbers. */
  private static String canonicalNumber(String text) {
    try {
      return Numbers.canonical(text);
    } catch (ExpressionException e) {
      throw DynamoDbException.validation(e.getMessage());
    }
  }

  /**
   * A checked copy of an item (or key map) with numbers in canonical form.
   *
   * @throws DynamoDbException ValidationException for a malformed attribute value
   */
  static ObjectNode normalize(JsonNode item, String member) {
    if (item == null || !item.isObject()) {
      throw DynamoDbException.validation("1 validation error detected: Value null at '" + member
          + "' failed to satisfy constraint: Member must not be null");
    }
    ObjectNode out = Json.object();
    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.set(e.getKey(), value(e.getValue()));
    }
    return out;
  }

  /** A checked, normalised attribute value. */
  static JsonNode value(JsonNode v) {
    if (v == null || !v.isObject() || v.size() != 1) {
      throw DynamoDbException.validation(
          "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }
    Map.Entry<String, JsonNode> only = v.fields().next();
    String type = only.getKey();
    JsonNode x = only.getValue();
    ObjectNode out = Json.object();
    switch (type) {
      case "S":
        out.put("S", text(x));
        return out;
      case "N":
        out.put("N", canonicalNumber(text(x)));
        return out;
      case "B":
        out.put("B", binary(x));
        return out;
      case "BOOL":
        if (!x.isBoolean()) {
          throw DynamoDbException.validation("Invalid BOOL value: " + x);
        }
        out.put("BOOL", x.asBoolean());
        return out;
      case "NULL":
        if (!x.isBoolean() || !x.asBoolean()) {
          throw DynamoDbException.validation(
              "One or more parameter values were invalid: Null attribute value types must have the value of true");
        }
        out.put("NULL", true);
        return out;
      case "SS":
      case "NS":
      case "BS":
        out.set(type, set(type, x));
        return out;
      case "L": {
        if (!x.isArray()) {
          throw DynamoDbException.validation("Invalid L value: " + x);
        }
        ArrayNode list = out.putArray("L");
        x.forEach(e -> list.add(value(e)));
        return out;
      }
      case "M":
        out.set("M", normalize(x, "M"));
        return out;
      default:
        throw DynamoDbException.validation(
            "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }
  }

  private static String text(JsonNode x) {
    if (x == null || !(x.isTextual() || x.isNumber())) {
      throw DynamoDbException.validation(
          "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }
    return x.asText();
  }

  private static String binary(JsonNode x) {
    String s = text(x);
    try {
      Base64.getDecoder().decode(s);
      return s;
    } catch (IllegalArgumentException e) {
      throw DynamoDbException.validation("Invalid Base64 in binary attribute value");
    }
  }

  private static ArrayNode set(String type, JsonNode x) {
    if (!x.isArray()) {
      throw DynamoDbException.validation("Invalid " + type + " value: " + x);
    }
    if (x.isEmpty()) {
      String kind = switch (type) {
        case "SS" -> "string";
        case "NS" -> "number";
        default -> "binary";
      };
      throw DynamoDbException.validation(
          "One or more parameter values were invalid: An " + kind + " set  may not be empty");
    }
    ArrayNode out = Json.array();
    Set<String> seen = new HashSet<>();
    for (JsonNode e : x) {
      String s = switch (type) {
        case "NS" -> canonicalNumber(text(e));
        case "BS" -> binary(e);
        default -> text(e);
      };
      if (!seen.add(s)) {
        throw DynamoDbException.validation("Input collection " + x + " contains duplicates.");
      }
      out.add(s);
    }
    return out;
  }

  /** The item's size as DynamoDB bills it: names plus values. */
  static int size(JsonNode item) {
    if (item == null) {
      return 0;
    }
    int total = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      total += utf8(e.getKey()) + valueSize(e.getValue());
    }
    return total;
  }

  private static int valueSize(JsonNode v) {
    Map.Entry<String, JsonNode> only = v.fields().next();
    JsonNode x = only.getValue();
    switch (only.getKey()) {
      case "S":
        return utf8(x.asText());
      case "N":
        return numberSize(x.asText());
      case "B":
        return Base64.getDecoder().decode(x.asText()).length;
      case "BOOL":
      case "NULL":
        return 1;
      case "SS": {
        int n = 0;
        for (JsonNode e : x) {
          n += utf8(e.asText());
        }
        return n;
      }
      case "NS": {
        int n = 0;
        for (JsonNode e : x) {
          n += numberSize(e.asText());
        }
        return n;
      }
      case "BS": {
        int n = 0;
        for (JsonNode e : x) {
          n += Base64.getDecoder().decode(e.asText()).length;
        }
        return n;
      }
      case "L": {
        int n = 3;
        for (JsonNode e : x) {
          n += 1 + valueSize(e);
        }
        return n;
      }
      case "M":
        return 3 + x.size() + size(x);
      default:
        return 0;
    }
  }

  /** About one byte per two significant digits, plus one (AWS's rule for numbers). */
  private static int numberSize(String text) {
    int first = -1;
    int last = -1;
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 'e' || c == 'E') {
        break;
      }
      if (c >= '0' && c <= '9') {
        if (c != '0') {
          if (first < 0) {
            first = count;
          }
          last = count;
        }
        count++;
      }
    }
    int significant = first < 0 ? 0 : last - first + 1;
    return Math.max(1, (significant + 1) / 2) + 1;
  }

  private static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
