package dev.statelab.asl.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as the Java objects AWS's interpreter holds them in, and their {@code toString}.
 *
 * <p>The recordings show AWS rendering an object argument of States.Format as {@code {Arg1=1,
 * Arg2=[]}}: a Java map's {@code toString}. So values are modelled as Java's JSON parsers produce
 * them: {@code LinkedHashMap}, {@code ArrayList}, {@code String}, {@code Boolean}, {@code null},
 * {@code Integer}/{@code Long}/{@code BigInteger} for whole numbers and {@code Double} for the
 * others.
 */
final class JavaValues {

  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private JavaValues() {}

  /** The Java object for a JSON value. */
  static Object toJava(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      if (node.isIntegralNumber()) {
        BigInteger value = node.bigIntegerValue();
        if (value.compareTo(INT_MIN) >= 0 && value.compareTo(INT_MAX) <= 0) {
          return value.intValue();
        }
        if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
          return value.longValue();
        }
        return value;
      }
      return node.doubleValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      for (JsonNode element : node) {
        list.add(toJava(element));
      }
      return list;
    }
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        map.put(field.getKey(), toJava(field.getValue()));
      }
      return map;
    }
    return node.asText();
  }

  /**
   * The text AWS puts in place of a value: a string as is, {@code null}, {@code true}, a number
   * ({@code 1}, {@code 1.1}), an array as {@code [a, b]}, an object as {@code {k=v, k2=v2}}.
   */
  static String render(JsonNode node) {
    return String.valueOf(toJava(node));
  }
}
