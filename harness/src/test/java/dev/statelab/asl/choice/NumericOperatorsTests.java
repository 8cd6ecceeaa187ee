package dev.statelab.asl.choice;

import static dev.statelab.asl.choice.ChoiceTesting.condition;
import static dev.statelab.asl.choice.ChoiceTesting.matches;
import static dev.statelab.asl.choice.ChoiceTesting.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.asl.errors.StatesError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumericOperatorsTests {

  private static String rule(String operator, String literal) {
    return "{\"Variable\":\"$.v\",\"" + operator + "\":" + literal + "}";
  }

  private static String input(String value) {
    return "{\"v\":" + value + "}";
  }

  @ParameterizedTest(name = "{0} equals {1}")
  @CsvSource({"1, 1.0", "1.0, 1", "0, 0.0", "0.0, 0", "2.22, 2.22", "1e2, 100", "-0, 0", "0.10, 0.1"})
  void integerAndDecimalSpellingsOfOneNumberAreEqual(String variable, String literal) {
    assertThat(matches(rule("NumericEquals", literal), input(variable))).isTrue();
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource({
    "0, NumericLessThan, 1, true",
    "1, NumericLessThan, 1, false",
    "0.0, NumericLessThan, 0, false",
    "1, NumericLessThan, 0, false",
    "0, NumericLessThanEquals, 0, true",
    "1, NumericLessThanEquals, 0, false",
    "1, NumericGreaterThan, 0, true",
    "1, NumericGreaterThan, 1, false",
    "-1.5, NumericGreaterThan, -2, true",
    "0, NumericGreaterThanEquals, 0, true",
    "0, NumericGreaterThanEquals, 1, false",
    "1.1, NumericEquals, 1, false",
    "0.0, NumericEquals, 1, false",
  })
  void orderingOperatorsCompareNumerically(
      String variable, String operator, String literal, boolean expected) {
    assertThat(matches(rule(operator, literal), input(variable))).isEqualTo(expected);
  }

  @Test
  void comparesExactlyBeyondTwoToTheFiftyThird() {
    assertThat(matches(rule("NumericEquals", "9007199254740993"), input("9007199254740992"))).isFalse();
    assertThat(matches(rule("NumericGreaterThan", "9007199254740992"), input("9007199254740993"))).isTrue();
    assertThat(matches(rule("NumericEquals", "123456789012345678901234567890"), input("123456789012345678901234567890.0")))
        .isTrue();
  }

  @Test
  void comparesDecimalsWithoutBinaryRounding() {
    assertThat(matches(rule("NumericEquals", "0.3"), input("0.30000000000000004"))).isFalse();
    assertThat(matches(rule("NumericLessThan", "0.30000000000000004"), input("0.3"))).isTrue();
    assertThat(matches(rule("NumericGreaterThan", "1e399"), input("1e400"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"0\"", "\"1\"", "\"\"", "\" \"", "true", "false", "null", "[]", "[\"\"]", "{}", "{\"A\":0}"})
  void numericOperatorsNeverCoerceOtherTypes(String value) {
    for (String operator : new String[] {
        "NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals", "NumericGreaterThanEquals"}) {
      assertThat(matches(rule(operator, "0"), input(value))).as(operator + " " + value).isFalse();
      assertThat(matches(rule(operator, "1"), input(value))).as(operator + " " + value).isFalse();
    }
  }

  @Test
  void pathVariantsCompareWithTheValueAtTheSecondPath() {
    assertThat(matches("{\"Variable\":\"$.a\",\"NumericEqualsPath\":\"$.b\"}", "{\"a\":1,\"b\":1.0}")).isTrue();
    assertThat(matches("{\"Variable\":\"$.a\",\"NumericLessThanPath\":\"$.b\"}", "{\"a\":0,\"b\":1}")).isTrue();
    assertThat(matches("{\"Variable\":\"$.a\",\"NumericLessThanEqualsPath\":\"$.b\"}", "{\"a\":1,\"b\":0}")).isFalse();
    assertThat(matches("{\"Variable\":\"$.a\",\"NumericGreaterThanPath\":\"$.b\"}", "{\"a\":1,\"b\":0}")).isTrue();
    assertThat(matches("{\"Variable\":\"$.a\",\"NumericGreaterThanEqualsPath\":\"$.b\"}", "{\"a\":0,\"b\":1}")).isFalse();
    assertThat(matches("{\"Variable\":\"$.p.low\",\"NumericLessThanEqualsPath\":\"$.p.high\"}",
        "{\"p\":{\"low\":-2.25,\"high\":-2.25}}")).isTrue();
  }

  @Test
  void pathVariantDoesNotMatchWhenEitherValueIsNotANumber() {
    assertThat(matches("{\"Variable\":\"$.a\",\"NumericEqualsPath\":\"$.b\"}", "{\"a\":\"8\",\"b\":8}")).isFalse();
    assertThat(matches("{\"Variable\":\"$.a\",\"NumericEqualsPath\":\"$.b\"}", "{\"a\":8,\"b\":{\"value\":8}}")).isFalse();
    assertThat(matches("{\"Variable\":\"$.a\",\"NumericEqualsPath\":\"$.b\"}", "{\"a\":null,\"b\":0}")).isFalse();
  }

  @Test
  void pathVariantFailsWithStatesRuntimeWhenTheSecondPathSelectsNothing() {
    ChoiceRule rule = condition("{\"Variable\":\"$.left\",\"NumericLessThanEqualsPath\":\"$.right\"}");
    assertThatThrownBy(() -> rule.matches(scope("{\"left\":8}")))
        .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.cause())
            .isEqualTo("Invalid path '$.right': The choice state's condition path references an invalid value."));
  }

  @Test
  void variableMayReadTheContextObject() {
    ChoiceRule rule = condition("{\"Variable\":\"$$.Execution.Input.input-value\",\"NumericLessThanEquals\":0}");
    assertThat(rule.matches(scope("{}").withContext("{\"Execution\":{\"Input\":{\"input-value\":0}}}"))).isTrue();
  }

  @Test
  void variableMayBeTheWholeInput() {
    assertThat(matches("{\"Variable\":\"$\",\"NumericEquals\":3}", "3")).isTrue();
    assertThat(matches("{\"Variable\":\"$\",\"NumericEquals\":3}", "{}")).isFalse();
  }

  @Test
  void comparisonWithAMissingVariableFailsEvenWhenTheTypeCouldNeverMatch() {
    ChoiceRule rule = condition("{\"Variable\":\"$.value\",\"NumericEquals\":42}");
    assertThatThrownBy(() -> rule.matches(scope("{}")))
        .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.cause())
            .isEqualTo("Invalid path '$.value': The choice state's condition path references an invalid value."));
  }
}
