package dev.statelab.asl.choice;

import static dev.statelab.asl.choice.ChoiceTesting.condition;
import static dev.statelab.asl.choice.ChoiceTesting.matches;
import static dev.statelab.asl.choice.ChoiceTesting.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.asl.errors.ErrorNames;
import dev.statelab.asl.errors.StatesError;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TypeTestOperatorsTests {

  /** Outcome of each test with value true, for the values AWS was recorded with. */
  @ParameterizedTest(name = "{0}: null={1} string={2} number={3} boolean={4} timestamp={5}")
  @CsvSource(delimiter = '|', value = {
    "null                         | true  | false | false | false | false",
    "\"\"                         | false | true  | false | false | false",
    "\" \"                        | false | true  | false | false | false",
    "\"HelloWorld\"               | false | true  | false | false | false",
    "\"2012-10-09T19:00:55\"      | false | true  | false | false | false",
    "\"2012-10-09T19:00:55Z\"     | false | true  | false | false | true",
    "\"2012-10-09T19:00:55+01:00\" | false | true  | false | false | true",
    "\"2023-02-24\"               | false | true  | false | false | false",
    "0                            | false | false | true  | false | false",
    "0.0                          | false | false | true  | false | false",
    "1                            | false | false | true  | false | false",
    "1.1                          | false | false | true  | false | false",
    "-12e30                       | false | false | true  | false | false",
    "true                         | false | false | false | true  | false",
    "false                        | false | false | false | true  | false",
    "[]                           | false | false | false | false | false",
    "[\"\"]                       | false | false | false | false | false",
    "{}                           | false | false | false | false | false",
    "{\"A\":0}                    | false | false | false | false | false",
  })
  void eachTestRecognisesItsJsonType(
      String value, boolean isNull, boolean isString, boolean isNumeric, boolean isBoolean, boolean isTimestamp) {
    String input = "{\"v\":" + value + "}";
    assertOutcome("IsNull", input, isNull);
    assertOutcome("IsString", input, isString);
    assertOutcome("IsNumeric", input, isNumeric);
    assertOutcome("IsBoolean", input, isBoolean);
    assertOutcome("IsTimestamp", input, isTimestamp);
    assertOutcome("IsPresent", input, true);
  }

  private static void assertOutcome(String operator, String input, boolean outcome) {
    assertThat(matches("{\"Variable\":\"$.v\",\"" + operator + "\":true}", input)).as(operator + " true on " + input)
        .isEqualTo(outcome);
    assertThat(matches("{\"Variable\":\"$.v\",\"" + operator + "\":false}", input)).as(operator + " false on " + input)
        .isEqualTo(!outcome);
  }

  @Test
  void numericStringsAreStringsNotNumbers() {
    assertThat(matches("{\"Variable\":\"$.v\",\"IsNumeric\":true}", "{\"v\":\"42\"}")).isFalse();
    assertThat(matches("{\"Variable\":\"$.v\",\"IsString\":true}", "{\"v\":\"42\"}")).isTrue();
  }

  @Test
  void isPresentIsTrueForAFieldHoldingNull() {
    assertThat(matches("{\"Variable\":\"$.v\",\"IsPresent\":true}", "{\"v\":null}")).isTrue();
    assertThat(matches("{\"Variable\":\"$.v\",\"IsPresent\":false}", "{\"v\":null}")).isFalse();
  }

  @Test
  void isPresentIsFalseForAPathThatSelectsNothing() {
    assertThat(matches("{\"Variable\":\"$.v\",\"IsPresent\":true}", "{}")).isFalse();
    assertThat(matches("{\"Variable\":\"$.v\",\"IsPresent\":false}", "{}")).isTrue();
    assertThat(matches("{\"Variable\":\"$.a.b.c\",\"IsPresent\":false}", "{\"a\":\"text\"}")).isTrue();
    assertThat(matches("{\"Variable\":\"$.a[3]\",\"IsPresent\":false}", "{\"a\":{}}")).isTrue();
  }

  @Test
  void isPresentIsFalseForAnUndefinedVariableAndTrueForADefinedOne() {
    ChoiceRule rule = condition("{\"Variable\":\"$config\",\"IsPresent\":true}");
    assertThat(rule.matches(scope("{}"))).isFalse();
    assertThat(rule.matches(scope("{}").withVariables(Map.of("config", "null")))).isTrue();
  }

  @Test
  void isPresentReadsTheContextObject() {
    ChoiceRule rule = condition("{\"Variable\":\"$$.Map.Item.Index\",\"IsPresent\":true}");
    assertThat(rule.matches(scope("{}").withContext("{\"Map\":{\"Item\":{\"Index\":0}}}"))).isTrue();
    assertThat(rule.matches(scope("{}"))).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = TypeTestOperator.class, names = "IS_PRESENT", mode = EnumSource.Mode.EXCLUDE)
  void otherTestsFailWithStatesRuntimeWhenThePathSelectsNothing(TypeTestOperator operator) {
    for (boolean expected : new boolean[] {true, false}) {
      ChoiceRule rule = condition("{\"Variable\":\"$.v\",\"" + operator.awsName() + "\":" + expected + "}");
      assertThatThrownBy(() -> rule.matches(scope("{}")))
          .isInstanceOfSatisfying(StatesError.class, e -> {
            assertThat(e.error()).isEqualTo(ErrorNames.RUNTIME);
            assertThat(e.cause())
                .isEqualTo("Invalid path '$.v': The choice state's condition path references an invalid value.");
          });
    }
  }

  @Test
  void typeTestsApplyToTheWholeInput() {
    assertThat(matches("{\"Variable\":\"$\",\"IsNumeric\":true}", "3")).isTrue();
    assertThat(matches("{\"Variable\":\"$\",\"IsPresent\":true}", "{}")).isTrue();
    assertThat(matches("{\"Variable\":\"$\",\"IsNull\":true}", "null")).isTrue();
  }
}
