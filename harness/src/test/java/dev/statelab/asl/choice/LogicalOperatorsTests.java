package dev.statelab.asl.choice;

import static dev.statelab.asl.choice.ChoiceTesting.condition;
import static dev.statelab.asl.choice.ChoiceTesting.matches;
import static dev.statelab.asl.choice.ChoiceTesting.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.errors.Diagnostic;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogicalOperatorsTests {

  private static final String IN_TWENTIES =
      "{\"And\":[{\"Variable\":\"$.value\",\"NumericGreaterThanEquals\":20},"
          + "{\"Variable\":\"$.value\",\"NumericLessThan\":30}]}";

  @Test
  void andMatchesOnlyWhenEveryRuleMatches() {
    assertThat(matches(IN_TWENTIES, "{\"value\":22}")).isTrue();
    assertThat(matches(IN_TWENTIES, "{\"value\":20}")).isTrue();
    assertThat(matches(IN_TWENTIES, "{\"value\":30}")).isFalse();
    assertThat(matches(IN_TWENTIES, "{\"value\":19.999}")).isFalse();
  }

  @Test
  void andWithOneRuleActsAsThatRule() {
    String single = "{\"And\":[{\"Variable\":\"$.type\",\"StringEquals\":\"Public\"}]}";
    assertThat(matches(single, "{\"type\":\"Public\",\"value\":22}")).isTrue();
    assertThat(matches(single, "{\"type\":\"Private\"}")).isFalse();
  }

  @Test
  void andStopsAtTheFirstRuleThatDoesNotMatch() {
    // The second rule would fail on the missing path, but is never read.
    String guarded = "{\"And\":[{\"Variable\":\"$.v\",\"IsPresent\":true},{\"Variable\":\"$.v\",\"NumericEquals\":3}]}";
    assertThat(matches(guarded, "{}")).isFalse();
    assertThat(matches(guarded, "{\"v\":3}")).isTrue();
  }

  @Test
  void nestedAndGuardsAsAwsBreakConditionsDo() {
    String rule = "{\"And\":[{\"IsPresent\":true,\"Variable\":\"$\"},"
        + "{\"And\":[{\"IsNumeric\":true,\"Variable\":\"$\"},{\"NumericEquals\":3,\"Variable\":\"$\"}]}]}";
    assertThat(matches(rule, "3")).isTrue();
    assertThat(matches(rule, "2")).isFalse();
    assertThat(matches(rule, "\"3\"")).isFalse();
    assertThat(matches(rule, "{}")).isFalse();
  }

  @Test
  void orMatchesWhenAnyRuleMatches() {
    String rule = "{\"Or\":[{\"Variable\":\"$.v\",\"StringEquals\":\"a\"},{\"Variable\":\"$.v\",\"StringEquals\":\"b\"}]}";
    assertThat(matches(rule, "{\"v\":\"a\"}")).isTrue();
    assertThat(matches(rule, "{\"v\":\"b\"}")).isTrue();
    assertThat(matches(rule, "{\"v\":\"c\"}")).isFalse();
  }

  @Test
  void orStopsAtTheFirstRuleThatMatches() {
    String rule = "{\"Or\":[{\"Variable\":\"$.v\",\"IsPresent\":false},{\"Variable\":\"$.v\",\"NumericEquals\":3}]}";
    assertThat(matches(rule, "{}")).isTrue();
    assertThat(matches(rule, "{\"v\":3}")).isTrue();
    assertThat(matches(rule, "{\"v\":4}")).isFalse();
  }

  @Test
  void orPropagatesAFailureOfARuleItReaches() {
    ChoiceRule rule = condition(
        "{\"Or\":[{\"Variable\":\"$.a\",\"BooleanEquals\":true},{\"Variable\":\"$.b\",\"BooleanEquals\":true}]}");
    assertThatThrownBy(() -> rule.matches(scope("{\"a\":false}")))
        .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.cause()).startsWith("Invalid path '$.b'"));
  }

  @Test
  void notInvertsItsRule() {
    String rule = "{\"Not\":{\"Variable\":\"$.type\",\"StringEquals\":\"Private\"}}";
    assertThat(matches(rule, "{\"type\":\"Private\"}")).isFalse();
    assertThat(matches(rule, "{\"type\":\"Public\"}")).isTrue();
    assertThat(matches(rule, "{\"type\":3}")).isTrue();
  }

  @Test
  void notDoesNotTurnAMissingPathIntoAMatch() {
    ChoiceRule rule = condition("{\"Not\":{\"Variable\":\"$.type\",\"StringEquals\":\"Private\"}}");
    assertThatThrownBy(() -> rule.matches(scope("{}"))).isInstanceOf(StatesError.class);
  }

  @Test
  void logicalOperatorsNestToAnyDepth() {
    String rule = "{\"Not\":{\"Or\":[{\"Not\":{\"Variable\":\"$.a\",\"IsNull\":true}},"
        + "{\"And\":[{\"Variable\":\"$.b\",\"NumericGreaterThan\":1},{\"Not\":{\"Variable\":\"$.b\",\"NumericGreaterThan\":5}}]}]}}";
    assertThat(matches(rule, "{\"a\":null,\"b\":0}")).isTrue();
    assertThat(matches(rule, "{\"a\":null,\"b\":3}")).isFalse();
    assertThat(matches(rule, "{\"a\":null,\"b\":6}")).isTrue();
    assertThat(matches(rule, "{\"a\":1,\"b\":0}")).isFalse();
  }

  @Test
  void awsDocumentationScenarioPicksTheFirstMatchingRuleInOrder() {
    JsonNode choices = Json.parse("["
        + "{\"Not\":{\"Variable\":\"$.type\",\"StringEquals\":\"Private\"},\"Next\":\"Public\"},"
        + "{\"Variable\":\"$.value\",\"NumericEquals\":0,\"Next\":\"ValueIsZero\"},"
        + "{\"And\":[{\"Variable\":\"$.value\",\"NumericGreaterThanEquals\":20},"
        + "{\"Variable\":\"$.value\",\"NumericLessThan\":30}],\"Next\":\"ValueInTwenties\"}]");
    assertThat(route(choices, "{\"type\":\"Private\",\"value\":22}")).isEqualTo("ValueInTwenties");
    assertThat(route(choices, "{\"type\":\"Private\",\"value\":0}")).isEqualTo("ValueIsZero");
    assertThat(route(choices, "{\"type\":\"Public\",\"value\":0}")).isEqualTo("Public");
    assertThat(route(choices, "{\"type\":\"Private\",\"value\":50}")).isEqualTo("DefaultState");
  }

  private static String route(JsonNode choices, String input) {
    List<Diagnostic> problems = new ArrayList<>();
    for (int i = 0; i < choices.size(); i++) {
      ChoiceRule rule = ChoiceRuleParser.parse(choices.get(i), "/States/ChoiceStateX/Choices/" + i, true, problems::add);
      assertThat(problems).isEmpty();
      if (rule.matches(scope(input))) {
        return choices.get(i).get("Next").textValue();
      }
    }
    return "DefaultState";
  }
}
