package dev.statelab.asl.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** STUB until the jsonata branch lands. */
public final class JsonataTemplate {
  private final JsonNode template;

  private JsonataTemplate(JsonNode template) {
    this.template = template;
  }

  /** True when a string is one expression. */
  public static boolean isExpression(String s) {
    return s != null && s.startsWith("{%") && s.endsWith("%}");
  }

  /** Compiles a template. */
  public static JsonataTemplate compile(JsonNode template, String fieldName) throws JsonataSyntaxException {
    return new JsonataTemplate(template);
  }

  /** Evaluates the template. */
  public JsonNode evaluate(JsonataBindings bindings) {
    return template;
  }

  /** Referenced variables. */
  public Set<String> referencedVariables() {
    return Set.of();
  }
}
