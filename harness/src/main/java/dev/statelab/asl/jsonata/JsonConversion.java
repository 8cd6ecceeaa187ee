package dev.statelab.asl.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Utils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Converts between Jackson trees and the plain Java values that com.dashjoin.jsonata works on.
 *
 * <p>JSON {@code null} and JSONata's <em>undefined</em> are different things: {@code null} in Java
 * stands for undefined, and JSON {@code null} is {@link Jsonata#NULL_VALUE}. Object key order is
 * kept both ways. Integers stay integers (beyond the range of a long as well); decimals become
 * doubles, as in JavaScript, unless a double cannot hold them exactly; doubles are written in their
 * shortest form, as JavaScript writes them ({@code 1.50} comes back as {@code 1.5}).
 */
public final class JsonConversion {

  private static final JsonNodeFactory NODES = Json.NODES;
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final double PLAIN_INTEGER_LIMIT = 1e21;

  private JsonConversion() {}

  /** A JSON value as JSONata sees it; a Java null or missing node becomes undefined (null). */
  public static Object toJsonata(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return null;
    }
    switch (node.getNodeType()) {
      case NULL:
        return Jsonata.NULL_VALUE;
      case BOOLEAN:
        return node.booleanValue();
      case STRING:
        return node.textValue();
      case NUMBER:
        return toJsonataNumber(node);
      case ARRAY:
        {
          List<Object> list = new ArrayList<>(node.size());
          for (JsonNode element : node) {
            list.add(toJsonata(element));
          }
          return list;
        }
      case OBJECT:
        {
          Map<String, Object> map = new LinkedHashMap<>(Math.max(4, node.size() * 2));
          for (Map.Entry<String, JsonNode> field : node.properties()) {
            map.put(field.getKey(), toJsonata(field.getValue()));
          }
          return map;
        }
      case BINARY:
      case POJO:
      default:
        return node.asText();
    }
  }

  private static Object toJsonataNumber(JsonNode node) {
    if (node.isInt() || node.isShort()) {
      return node.intValue();
    }
    if (node.isLong()) {
      long value = node.longValue();
      return value == (int) value ? Integer.valueOf((int) value) : Long.valueOf(value);
    }
    if (node.isBigInteger()) {
      BigInteger value = node.bigIntegerValue();
      if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
        long l = value.longValue();
        return l == (int) l ? Integer.valueOf((int) l) : Long.valueOf(l);
      }
      return value;
    }
    if (node.isBigDecimal()) {
      // JSONata numbers are doubles. A decimal that a double holds exactly (1.50, 0.1) becomes
      // that double, so it mixes freely with computed numbers; one that it cannot (more digits
      // than a double keeps) stays exact, so passing it through does not change it.
      BigDecimal exact = node.decimalValue();
      double d = exact.doubleValue();
      if (!Double.isInfinite(d) && BigDecimal.valueOf(d).compareTo(exact) == 0) {
        return d;
      }
      return exact;
    }
    return node.doubleValue();
  }

  /**
   * A JSONata result as JSON; null when the result is undefined.
   *
   * <p>Inside objects, undefined values and functions are left out; inside arrays they become
   * {@code null}, as {@code JSON.stringify} does.
   *
   * @throws IllegalArgumentException when the value itself is a function, or a number that JSON
   *     cannot represent (NaN, infinity)
   */
  public static JsonNode fromJsonata(Object value) {
    if (value == null) {
      return null;
    }
    if (isFunction(value)) {
      throw new IllegalArgumentException("A function is not a JSON value");
    }
    return convert(value);
  }

  /** True for values JSONata treats as functions (lambdas, built-ins, regular expressions). */
  public static boolean isFunction(Object value) {
    return value instanceof Pattern
        || value instanceof Jsonata.JFunction
        || value instanceof Jsonata.JLambda
        || Utils.isFunction(value)
        || value.getClass().getName().equals("com.dashjoin.jsonata.Parser$Symbol");
  }

  private static JsonNode convert(Object value) {
    if (value == Jsonata.NULL_VALUE) {
      return NODES.nullNode();
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Number n) {
      return numberNode(n);
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Object v = entry.getValue();
        if (v == null || isFunction(v)) {
          continue;
        }
        object.set(String.valueOf(entry.getKey()), convert(v));
      }
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode(list.size());
      for (Object element : list) {
        if (element == null || isFunction(element)) {
          array.addNull();
        } else {
          array.add(convert(element));
        }
      }
      return array;
    }
    if (value instanceof Character c) {
      return NODES.textNode(String.valueOf(c));
    }
    return NODES.textNode(String.valueOf(value));
  }

  /** A number node for a JSONata number: integral values as integers, others in shortest form. */
  static JsonNode numberNode(Number n) {
    if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return NODES.numberNode(n.intValue());
    }
    if (n instanceof Long) {
      return NODES.numberNode(n.longValue());
    }
    if (n instanceof BigInteger b) {
      return NODES.numberNode(b);
    }
    if (n instanceof BigDecimal d) {
      return NODES.numberNode(d);
    }
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("Number out of range: " + d);
    }
    if (d == Math.rint(d) && Math.abs(d) < PLAIN_INTEGER_LIMIT) {
      if (Math.abs(d) <= Long.MAX_VALUE / 2.0) {
        long l = (long) d;
        return l == (int) l ? NODES.numberNode((int) l) : NODES.numberNode(l);
      }
      return NODES.numberNode(new BigDecimal(d).toBigIntegerExact());
    }
    if (d == 0.0) {
      return NODES.numberNode(0);
    }
    return NODES.numberNode(BigDecimal.valueOf(d).stripTrailingZeros());
  }
}
