package dev.statelab.reports.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Tolerant reads from JSON written by other tools: first present name wins, absent gives a default. */
final class Fields {

  private Fields() {}

  /** The first of the named members that is present and not null, or a missing node. */
  static JsonNode first(JsonNode node, String... names) {
    if (node == null || !node.isObject()) {
      return MissingNode.getInstance();
    }
    for (String name : names) {
      JsonNode value = node.get(name);
      if (value != null && !value.isNull()) {
        return value;
      }
    }
    return MissingNode.getInstance();
  }

  /** A number from the first present member (numbers, numeric strings and {@code {"amount":..}}), else NaN. */
  static double number(JsonNode node, String... names) {
    return asNumber(first(node, names));
  }

  /** A number from a value that may be a number, a numeric string or an object with an amount. */
  static double asNumber(JsonNode value) {
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isTextual()) {
      try {
        return Double.parseDouble(value.asText().trim());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    if (value.isObject()) {
      return number(value, "amount", "totalCost", "cost", "value", "usd");
    }
    return Double.NaN;
  }

  /** Text from the first present member (numbers and booleans as text), else the fallback. */
  static String text(JsonNode node, String fallback, String... names) {
    JsonNode value = first(node, names);
    return value.isValueNode() ? value.asText() : fallback;
  }

  /** The elements of an array (or the array under one of the names when the node is an object). */
  static List<JsonNode> elements(JsonNode node, String... names) {
    JsonNode array = node != null && node.isArray() ? node : first(node, names);
    List<JsonNode> out = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(out::add);
    }
    return out;
  }

  /** Maps the elements of an array with a reader. */
  static <T> List<T> list(JsonNode node, Function<JsonNode, T> reader, String... names) {
    return elements(node, names).stream().map(reader).toList();
  }
}
