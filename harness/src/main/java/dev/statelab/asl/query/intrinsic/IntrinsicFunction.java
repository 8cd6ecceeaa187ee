package dev.statelab.asl.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The eighteen intrinsic functions: their names, how many arguments they take, what they do. */
enum IntrinsicFunction {
  FORMAT("States.Format", 1, Integer.MAX_VALUE, FormatFunction::format),
  STRING_TO_JSON("States.StringToJson", 1, 1, JsonFunctions::stringToJson),
  JSON_TO_STRING("States.JsonToString", 1, 1, JsonFunctions::jsonToString),
  JSON_MERGE("States.JsonMerge", 3, 3, JsonFunctions::jsonMerge),
  ARRAY("States.Array", 0, Integer.MAX_VALUE, ArrayFunctions::array),
  ARRAY_PARTITION("States.ArrayPartition", 2, 2, ArrayFunctions::partition),
  ARRAY_CONTAINS("States.ArrayContains", 2, 2, ArrayFunctions::contains),
  ARRAY_RANGE("States.ArrayRange", 3, 3, ArrayFunctions::range),
  ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2, ArrayFunctions::getItem),
  ARRAY_LENGTH("States.ArrayLength", 1, 1, ArrayFunctions::length),
  ARRAY_UNIQUE("States.ArrayUnique", 1, 1, ArrayFunctions::unique),
  BASE64_ENCODE("States.Base64Encode", 1, 1, EncodingFunctions::base64Encode),
  BASE64_DECODE("States.Base64Decode", 1, 1, EncodingFunctions::base64Decode),
  HASH("States.Hash", 2, 2, HashFunctions::hash),
  MATH_RANDOM("States.MathRandom", 2, 3, MathFunctions::random),
  MATH_ADD("States.MathAdd", 2, 2, MathFunctions::add),
  STRING_SPLIT("States.StringSplit", 2, 2, StringFunctions::split),
  // AWS ignores whatever is passed to States.UUID, so any number of arguments is accepted.
  UUID("States.UUID", 0, Integer.MAX_VALUE, UuidFunctions::uuid);

  private static final Map<String, IntrinsicFunction> BY_NAME =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(IntrinsicFunction::functionName, Function.identity()));

  private final String functionName;
  private final int minArguments;
  private final int maxArguments;
  private final Function<Invocation, JsonNode> implementation;

  IntrinsicFunction(
      String functionName,
      int minArguments,
      int maxArguments,
      Function<Invocation, JsonNode> implementation) {
    this.functionName = functionName;
    this.minArguments = minArguments;
    this.maxArguments = maxArguments;
    this.implementation = implementation;
  }

  /** The function named exactly so ({@code States.Format}), if any. */
  static Optional<IntrinsicFunction> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The name as written in a definition, e.g. {@code States.Format}. */
  String functionName() {
    return functionName;
  }

  /** True when the function takes this many arguments. */
  boolean accepts(int argumentCount) {
    return argumentCount >= minArguments && argumentCount <= maxArguments;
  }

  /** The accepted argument counts in words, for error messages. */
  String arityDescription() {
    if (minArguments == maxArguments) {
      return minArguments + (minArguments == 1 ? " argument" : " arguments");
    }
    if (maxArguments == Integer.MAX_VALUE) {
      return "at least " + minArguments + (minArguments == 1 ? " argument" : " arguments");
    }
    return minArguments + " to " + maxArguments + " arguments";
  }

  /** Applies the function to evaluated arguments. */
  JsonNode apply(Invocation invocation) {
    return implementation.apply(invocation);
  }
}
