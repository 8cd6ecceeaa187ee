package dev.statelab.asl.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;

/** Test shorthand: compile a field from JSON text and evaluate it. */
final class Eval {

  private Eval() {}

  /** Compiles a template written as JSON text. */
  static JsonataTemplate compile(String templateJson, String field) {
    try {
      return JsonataTemplate.compile(Json.parse(templateJson), field);
    } catch (JsonataSyntaxException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** Evaluates one expression (without delimiters) as the whole Output field. */
  static JsonNode expr(String expression, JsonataBindings bindings) {
    return compile(Json.write(Json.text("{% " + expression + " %}")), "Output").evaluate(bindings);
  }

  /** Evaluates one expression against an input given as JSON text. */
  static JsonNode expr(String expression, String inputJson) {
    return expr(expression, TestBindings.input(inputJson));
  }

  /** Evaluates one expression with an empty input. */
  static JsonNode expr(String expression) {
    return expr(expression, "{}");
  }

  /** The compact JSON text of one expression's result. */
  static String text(String expression) {
    return Json.write(expr(expression));
  }

  /** The compact JSON text of one expression's result with the given bindings. */
  static String text(String expression, JsonataBindings bindings) {
    return Json.write(expr(expression, bindings));
  }
}
