package dev.statelab.asl.choice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.errors.Diagnostic;
import dev.statelab.asl.query.QueryScope;
import dev.statelab.asl.query.Randomness;
import dev.statelab.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Shared helpers: parsing rules from JSON text and a plain scope. */
final class ChoiceTesting {

  private ChoiceTesting() {}

  /** Parses a nested-style rule (no Next), failing the test on any problem. */
  static ChoiceRule condition(String json) {
    List<Diagnostic> problems = new ArrayList<>();
    ChoiceRule rule = ChoiceRuleParser.parse(Json.parse(json), "/States/Check/Choices/0", false, problems::add);
    assertThat(problems).as("problems parsing %s", json).isEmpty();
    assertThat(rule).isNotNull();
    return rule;
  }

  /** The problems reported for a rule. */
  static List<Diagnostic> problems(String json, boolean topLevel) {
    List<Diagnostic> problems = new ArrayList<>();
    ChoiceRuleParser.parse(Json.parse(json), "/States/Check/Choices/0", topLevel, problems::add);
    return problems;
  }

  /** Whether the rule matches the input, with an empty context and no variables. */
  static boolean matches(String ruleJson, String inputJson) {
    return condition(ruleJson).matches(scope(inputJson));
  }

  /** A scope over an input, with an empty context and no variables. */
  static TestScope scope(String inputJson) {
    return new TestScope(Json.parse(inputJson), Json.object(), Map.of());
  }

  /**
   * A scope with fixed documents.
   *
   * @param input what {@code $} selects
   * @param context what {@code $$} selects
   * @param variables visible workflow variables
   */
  record TestScope(JsonNode input, JsonNode context, Map<String, JsonNode> variables)
      implements QueryScope {

    /** The same scope with variables given as JSON texts. */
    TestScope withVariables(Map<String, String> texts) {
      Map<String, JsonNode> parsed = new HashMap<>();
      texts.forEach((name, text) -> parsed.put(name, Json.parse(text)));
      return new TestScope(input, context, Map.copyOf(parsed));
    }

    /** The same scope with another context object. */
    TestScope withContext(String contextJson) {
      return new TestScope(input, Json.parse(contextJson), variables);
    }

    @Override
    public JsonNode variable(String name) {
      return variables.get(name);
    }

    @Override
    public Randomness random() {
      throw new UnsupportedOperationException("Choice rules draw no random values");
    }
  }
}
