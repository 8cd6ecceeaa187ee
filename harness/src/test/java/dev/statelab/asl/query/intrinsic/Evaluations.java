package dev.statelab.asl.query.intrinsic;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.asl.query.QueryScope;
import dev.statelab.json.Json;

/** Shorthands for the function tests: parse, evaluate, capture failures. */
final class Evaluations {

  private Evaluations() {}

  /** Parses and evaluates an expression against an input given as JSON text. */
  static JsonNode eval(String expression, String inputJson) {
    return eval(expression, TestScope.of(inputJson));
  }

  /** Parses and evaluates an expression in a scope. */
  static JsonNode eval(String expression, QueryScope scope) {
    try {
      return IntrinsicParser.parse(expression).evaluate(scope);
    } catch (IntrinsicSyntaxException e) {
      throw new AssertionError("Expected '" + expression + "' to parse: " + e.getMessage(), e);
    }
  }

  /** Evaluates an expression that returns a value and gives its compact JSON text. */
  static String json(String expression, String inputJson) {
    return Json.write(eval(expression, inputJson));
  }

  /** Evaluates an expression that must fail at runtime and gives the error. */
  static StatesError failure(String expression, String inputJson) {
    return failure(expression, TestScope.of(inputJson));
  }

  /** Evaluates an expression that must fail at runtime in a scope and gives the error. */
  static StatesError failure(String expression, QueryScope scope) {
    Intrinsic intrinsic;
    try {
      intrinsic = IntrinsicParser.parse(expression);
    } catch (IntrinsicSyntaxException e) {
      throw new AssertionError("Expected '" + expression + "' to parse: " + e.getMessage(), e);
    }
    StatesError[] caught = new StatesError[1];
    assertThatThrownBy(() -> intrinsic.evaluate(scope))
        .isInstanceOfSatisfying(StatesError.class, e -> caught[0] = e);
    return caught[0];
  }

  /** The cause AWS writes for arguments a function cannot take. */
  static String invalidArgumentsCause(String expression, String functionName) {
    return "The function '"
        + expression
        + "' had the following error: Invalid arguments in "
        + functionName;
  }
}
