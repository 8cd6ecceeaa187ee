package dev.statelab.asl.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.statelab.asl.query.QueryScope;
import java.util.List;

/**
 * One application of a function: the arguments as written, their values and the scope.
 *
 * @param function the function applied
 * @param arguments the arguments as parsed
 * @param values the arguments' values, in order
 * @param scope the scope the call is evaluated in
 */
record Invocation(
    IntrinsicFunction function, List<Argument> arguments, List<JsonNode> values, QueryScope scope) {

  /** Creates the invocation, copying the lists. */
  Invocation {
    arguments = List.copyOf(arguments);
    values = List.copyOf(values);
  }

  /** The number of arguments. */
  int size() {
    return values.size();
  }

  /** The value of argument {@code index}. */
  JsonNode value(int index) {
    return values.get(index);
  }

  /** The failure AWS reports for arguments the function cannot take. */
  ArgumentFailure invalid() {
    return ArgumentFailure.invalidArguments(function);
  }

  /** Argument {@code index} as a string, or the invalid-arguments failure. */
  String string(int index) {
    JsonNode value = value(index);
    if (!value.isTextual()) {
      throw invalid();
    }
    return value.textValue();
  }

  /** Argument {@code index} as an array, or the invalid-arguments failure. */
  ArrayNode array(int index) {
    JsonNode value = value(index);
    if (!value.isArray()) {
      throw invalid();
    }
    return (ArrayNode) value;
  }

  /** Argument {@code index} as a JSON number, or the invalid-arguments failure. */
  JsonNode number(int index) {
    JsonNode value = value(index);
    if (!value.isNumber()) {
      throw invalid();
    }
    return value;
  }

  /**
   * Argument {@code index} as a whole number, truncated toward zero as AWS does for array indexes,
   * chunk sizes, ranges and random bounds ({@code 2.6} is {@code 2}, {@code -0.6} is {@code 0}).
   */
  long truncated(int index) {
    JsonNode value = number(index);
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    double d = value.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw invalid();
    }
    return (long) d;
  }

  /** Argument {@code index} truncated, which must fit in a 32-bit integer. */
  int truncatedInt(int index) {
    long value = truncated(index);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw invalid();
    }
    return (int) value;
  }
}
