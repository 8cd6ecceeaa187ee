package dev.statelab.asl.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.statelab.json.Json;
import java.util.HashMap;
import java.util.Map;

/**
 * States.Array, States.ArrayPartition, States.ArrayContains, States.ArrayRange,
 * States.ArrayGetItem, States.ArrayLength and States.ArrayUnique.
 */
final class ArrayFunctions {

  /** The most items States.ArrayRange may produce. */
  static final int MAX_RANGE_ITEMS = 1000;

  private ArrayFunctions() {}

  /** {@code States.Array(values...)}: the values as an array, in order. */
  static JsonNode array(Invocation invocation) {
    ArrayNode result = Json.array();
    invocation.values().forEach(result::add);
    return result;
  }

  /**
   * {@code States.ArrayPartition(array, size)}: consecutive chunks of {@code size} items, the last
   * one possibly shorter. The size is truncated to a whole number and must be positive.
   */
  static JsonNode partition(Invocation invocation) {
    ArrayNode array = invocation.array(0);
    long size = invocation.truncated(1);
    if (size <= 0) {
      throw invocation.invalid();
    }
    ArrayNode result = Json.array();
    ArrayNode chunk = null;
    for (JsonNode element : array) {
      if (chunk == null || chunk.size() == size) {
        chunk = result.addArray();
      }
      chunk.add(element);
    }
    return result;
  }

  /**
   * {@code States.ArrayContains(array, value)}: whether an element renders like the value.
   *
   * <p>AWS compares the values' Java text, not their JSON: {@code {"a":1,"b":2}} does not contain
   * {@code {"b":2,"a":1}}, while {@code ["true"]} contains {@code true}.
   */
  static JsonNode contains(Invocation invocation) {
    ArrayNode array = invocation.array(0);
    String wanted = JavaValues.render(invocation.value(1));
    for (JsonNode element : array) {
      if (JavaValues.render(element).equals(wanted)) {
        return Json.NODES.booleanNode(true);
      }
    }
    return Json.NODES.booleanNode(false);
  }

  /**
   * {@code States.ArrayRange(first, last, step)}: {@code first}, {@code first + step}, ... up to
   * and including {@code last} when reached. Arguments are truncated to whole numbers; the step
   * must not be zero and the result may hold at most {@value #MAX_RANGE_ITEMS} items.
   */
  static JsonNode range(Invocation invocation) {
    long first = invocation.truncatedInt(0);
    long last = invocation.truncatedInt(1);
    long step = invocation.truncatedInt(2);
    if (step == 0) {
      throw invocation.invalid();
    }
    long count = (step > 0 ? first > last : first < last) ? 0 : (last - first) / step + 1;
    if (count > MAX_RANGE_ITEMS) {
      throw invocation.invalid();
    }
    ArrayNode result = Json.array();
    for (long i = 0, value = first; i < count; i++, value += step) {
      result.add((int) value);
    }
    return result;
  }

  /**
   * {@code States.ArrayGetItem(array, index)}: the element at a 0-based index, truncated to a whole
   * number. A negative index or one past the end is invalid; AWS answers {@code null} for any index
   * into an empty array.
   */
  static JsonNode getItem(Invocation invocation) {
    ArrayNode array = invocation.array(0);
    long index = invocation.truncated(1);
    if (index < 0) {
      throw invocation.invalid();
    }
    if (array.isEmpty()) {
      return Json.NODES.nullNode();
    }
    if (index >= array.size()) {
      throw invocation.invalid();
    }
    return array.get((int) index);
  }

  /** {@code States.ArrayLength(array)}: the number of elements, as an integer. */
  static JsonNode length(Invocation invocation) {
    return Json.NODES.numberNode(invocation.array(0).size());
  }

  /**
   * {@code States.ArrayUnique(array)}: the distinct elements.
   *
   * <p>AWS de-duplicates through a Java {@code HashSet} built from the array, so duplicates are
   * judged by Java equality (objects regardless of key order) and the result comes out in the
   * set's iteration order, not the array's: {@code [true, false, true]} gives {@code [false,
   * true]}. This builds the same hash table (same initial capacity, same insertion order) to get
   * the same order; each survivor is the first occurrence.
   */
  static JsonNode unique(Invocation invocation) {
    ArrayNode array = invocation.array(0);
    Map<Object, JsonNode> distinct =
        new HashMap<>(Math.max((int) (array.size() / .75f) + 1, 16));
    for (JsonNode element : array) {
      distinct.putIfAbsent(JavaValues.toJava(element), element);
    }
    ArrayNode result = Json.array();
    distinct.values().forEach(result::add);
    return result;
  }
}
