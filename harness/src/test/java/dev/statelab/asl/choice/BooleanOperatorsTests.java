package dev.statelab.asl.choice;

import static dev.statelab.asl.choice.ChoiceTesting.condition;
import static dev.statelab.asl.choice.ChoiceTesting.matches;
import static dev.statelab.asl.choice.ChoiceTesting.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.asl.errors.StatesError;
import org.junit.jupiter.api.Test;

class BooleanOperatorsTests {

  @Test
  void booleanEqualsMatchesOnlyTheSameBoolean() {
    assertThat(matches("{\"Variable\":\"$.v\",\"BooleanEquals\":true}", "{\"v\":true}")).isTrue();
    assertThat(matches("{\"Variable\":\"$.v\",\"BooleanEquals\":true}", "{\"v\":false}")).isFalse();
    assertThat(matches("{\"Variable\":\"$.v\",\"BooleanEquals\":false}", "{\"v\":false}")).isTrue();
    for (String other : new String[] {"0", "1", "0.0", "\"true\"", "\"\"", "null", "[]", "{}"}) {
      assertThat(matches("{\"Variable\":\"$.v\",\"BooleanEquals\":false}", "{\"v\":" + other + "}")).as(other).isFalse();
      assertThat(matches("{\"Variable\":\"$.v\",\"BooleanEquals\":true}", "{\"v\":" + other + "}")).as(other).isFalse();
    }
  }

  @Test
  void booleanEqualsPathComparesWithTheBooleanAtTheSecondPath() {
    String rule = "{\"Variable\":\"$.a\",\"BooleanEqualsPath\":\"$.b\"}";
    assertThat(matches(rule, "{\"a\":true,\"b\":true}")).isTrue();
    assertThat(matches(rule, "{\"a\":false,\"b\":false}")).isTrue();
    assertThat(matches(rule, "{\"a\":false,\"b\":true}")).isFalse();
    assertThat(matches(rule, "{\"a\":0,\"b\":false}")).isFalse();
    assertThat(matches(rule, "{\"a\":true,\"b\":\"true\"}")).isFalse();
  }

  @Test
  void booleanEqualsPathFailsWithStatesRuntimeWhenTheSecondPathSelectsNothing() {
    ChoiceRule rule = condition("{\"Variable\":\"$.a\",\"BooleanEqualsPath\":\"$.b\"}");
    assertThatThrownBy(() -> rule.matches(scope("{\"a\":true}")))
        .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.cause()).startsWith("Invalid path '$.b'"));
  }
}
