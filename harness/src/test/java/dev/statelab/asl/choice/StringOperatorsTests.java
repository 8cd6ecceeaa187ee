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
import org.junit.jupiter.params.provider.ValueSource;

class StringOperatorsTests {

  @Test
  void stringEqualsMatchesTheSameString() {
    assertThat(matches("{\"Variable\":\"$.v\",\"StringEquals\":\"Hello\"}", "{\"v\":\"Hello\"}")).isTrue();
    assertThat(matches("{\"Variable\":\"$.v\",\"StringEquals\":\"\"}", "{\"v\":\"\"}")).isTrue();
  }

  @Test
  void stringEqualsIsCaseAndWhitespaceSensitive() {
    assertThat(matches("{\"Variable\":\"$.v\",\"StringEquals\":\"hello\"}", "{\"v\":\"Hello\"}")).isFalse();
    assertThat(matches("{\"Variable\":\"$.v\",\"StringEquals\":\"     \"}", "{\"v\":\" \"}")).isFalse();
    assertThat(matches("{\"Variable\":\"$.v\",\"StringEquals\":\"\\t\\r\\n\"}", "{\"v\":\"\\t\\n\"}")).isFalse();
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource({
    "A, StringLessThan, AB, true",
    "AB, StringLessThan, A, false",
    "'', StringLessThan, '', false",
    "'', StringLessThanEquals, '', true",
    "A, StringLessThanEquals, AB, true",
    "AB, StringLessThanEquals, A, false",
    "AB, StringGreaterThan, ABC, false",
    "ABC, StringGreaterThan, AB, true",
    "A, StringGreaterThan, 'A ', false",
    "A, StringGreaterThanEquals, A, true",
    "B, StringGreaterThanEquals, A, true",
    "A, StringGreaterThanEquals, B, false",
    "Z, StringLessThan, a, true",
    "a, StringLessThan, b, true",
  })
  void orderingOperatorsCompareLexicographically(
      String variable, String operator, String literal, boolean expected) {
    String rule = "{\"Variable\":\"$.v\",\"" + operator + "\":\"" + literal + "\"}";
    assertThat(matches(rule, "{\"v\":\"" + variable + "\"}")).isEqualTo(expected);
  }

  @Test
  void orderingFollowsUtf16CodeUnitsNotCodePoints() {
    // U+1F600 is the surrogate pair D83D DE00, which sorts below U+FFFF in UTF-16 order.
    String rule = "{\"Variable\":\"$.v\",\"StringLessThan\":\"\\uffff\"}";
    assertThat(matches(rule, "{\"v\":\"\\ud83d\\ude00\"}")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "true", "null", "[\"1\"]", "{\"a\":\"1\"}"})
  void stringOperatorsDoNotMatchOtherJsonTypes(String value) {
    assertThat(matches("{\"Variable\":\"$.v\",\"StringEquals\":\"1\"}", "{\"v\":" + value + "}")).isFalse();
    assertThat(matches("{\"Variable\":\"$.v\",\"StringLessThan\":\"z\"}", "{\"v\":" + value + "}")).isFalse();
    assertThat(matches("{\"Variable\":\"$.v\",\"StringGreaterThanEquals\":\"\"}", "{\"v\":" + value + "}")).isFalse();
  }

  @Test
  void pathVariantComparesWithTheValueAtTheSecondPath() {
    String rule = "{\"Variable\":\"$.a\",\"StringEqualsPath\":\"$.b\"}";
    assertThat(matches(rule, "{\"a\":\"Hello\",\"b\":\"Hello\"}")).isTrue();
    assertThat(matches(rule, "{\"a\":\" \",\"b\":\"     \"}")).isFalse();
    assertThat(matches("{\"Variable\":\"$.a\",\"StringLessThanPath\":\"$.b\"}", "{\"a\":\"A\",\"b\":\"AB\"}")).isTrue();
    assertThat(matches("{\"Variable\":\"$.a\",\"StringGreaterThanPath\":\"$.b\"}", "{\"a\":\"A\",\"b\":\"A \"}")).isFalse();
    assertThat(matches("{\"Variable\":\"$.a\",\"StringGreaterThanEqualsPath\":\"$.b\"}", "{\"a\":\"b\",\"b\":\"a\"}")).isTrue();
    assertThat(matches("{\"Variable\":\"$.a\",\"StringLessThanEqualsPath\":\"$.b\"}", "{\"a\":\"b\",\"b\":\"a\"}")).isFalse();
  }

  @Test
  void pathVariantDoesNotMatchWhenTheSecondValueIsNotAString() {
    assertThat(matches("{\"Variable\":\"$.a\",\"StringEqualsPath\":\"$.b\"}", "{\"a\":\"1\",\"b\":1}")).isFalse();
    assertThat(matches("{\"Variable\":\"$.a\",\"StringEqualsPath\":\"$.b\"}", "{\"a\":\"x\",\"b\":null}")).isFalse();
  }

  @Test
  void pathVariantReadsTheContextObjectAndVariables() {
    ChoiceRule fromVariables = condition("{\"Variable\":\"$guess\",\"StringEqualsPath\":\"$answer\"}");
    assertThat(fromVariables.matches(
            scope("{}").withVariables(Map.of("guess", "\"42\"", "answer", "\"42\""))))
        .isTrue();
    ChoiceRule fromContext = condition("{\"Variable\":\"$.name\",\"StringEqualsPath\":\"$$.Execution.Name\"}");
    assertThat(fromContext.matches(
            scope("{\"name\":\"run-1\"}").withContext("{\"Execution\":{\"Name\":\"run-1\"}}")))
        .isTrue();
  }

  @Test
  void pathVariantFailsWithStatesRuntimeWhenTheSecondPathSelectsNothing() {
    ChoiceRule rule = condition("{\"Variable\":\"$.a\",\"StringEqualsPath\":\"$.missing\"}");
    assertThatThrownBy(() -> rule.matches(scope("{\"a\":\"x\"}")))
        .isInstanceOfSatisfying(StatesError.class, e -> {
          assertThat(e.error()).isEqualTo(ErrorNames.RUNTIME);
          assertThat(e.cause())
              .isEqualTo("Invalid path '$.missing': The choice state's condition path references an invalid value.");
        });
  }

  @Test
  void comparisonFailsWithStatesRuntimeWhenTheVariableSelectsNothing() {
    ChoiceRule rule = condition("{\"Variable\":\"$.missing.deeper\",\"StringEquals\":\"x\"}");
    assertThatThrownBy(() -> rule.matches(scope("{\"a\":\"x\"}")))
        .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.cause())
            .isEqualTo("Invalid path '$.missing.deeper': The choice state's condition path references an invalid value."));
  }

  @Test
  void comparisonFailsWhenTheVariableNamesAnUndefinedWorkflowVariable() {
    ChoiceRule rule = condition("{\"Variable\":\"$nope\",\"StringEquals\":\"x\"}");
    assertThatThrownBy(() -> rule.matches(scope("{}")))
        .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.cause()).startsWith("Invalid path '$nope'"));
  }

  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
    "log-*.txt | log-2024.txt | true",
    "log-*.txt | log-.txt | true",
    "log-*.txt | log-2024.txt.bak | false",
    "* | '' | true",
    "* | anything at all | true",
    "'' | '' | true",
    "'' | x | false",
    "*@example.com | ann@example.com | true",
    "a*b*c | abc | true",
    "a*b*c | aXbYc | true",
    "a*b*c | aXcYb | false",
    "a*a | a | false",
    "a*a | aa | true",
    "*.* | file.txt | true",
    "*.* | file | false",
    "Hello | hello | false",
  })
  void stringMatchesTreatsStarAsAnyRun(String pattern, String value, boolean expected) {
    String rule = "{\"Variable\":\"$.v\",\"StringMatches\":\"" + pattern + "\"}";
    assertThat(matches(rule, "{\"v\":\"" + value + "\"}")).isEqualTo(expected);
  }

  @Test
  void stringMatchesStarSpansLineBreaks() {
    assertThat(matches("{\"Variable\":\"$.v\",\"StringMatches\":\"a*b\"}", "{\"v\":\"a\\n\\nb\"}")).isTrue();
  }

  @Test
  void stringMatchesGivesQuestionMarkAndBracketsNoSpecialMeaning() {
    String question = "{\"Variable\":\"$.v\",\"StringMatches\":\"file?.txt\"}";
    assertThat(matches(question, "{\"v\":\"file1.txt\"}")).isFalse();
    assertThat(matches(question, "{\"v\":\"file?.txt\"}")).isTrue();
    String brackets = "{\"Variable\":\"$.v\",\"StringMatches\":\"[ab]*\"}";
    assertThat(matches(brackets, "{\"v\":\"a1\"}")).isFalse();
    assertThat(matches(brackets, "{\"v\":\"[ab]1\"}")).isTrue();
    String regexLike = "{\"Variable\":\"$.v\",\"StringMatches\":\"a.c$^(x)+\"}";
    assertThat(matches(regexLike, "{\"v\":\"abc\"}")).isFalse();
    assertThat(matches(regexLike, "{\"v\":\"a.c$^(x)+\"}")).isTrue();
  }

  @Test
  void stringMatchesEscapedStarIsALiteralStar() {
    // JSON "\\*" is the pattern \* : a literal asterisk.
    String rule = "{\"Variable\":\"$.v\",\"StringMatches\":\"a\\\\*b\"}";
    assertThat(matches(rule, "{\"v\":\"a*b\"}")).isTrue();
    assertThat(matches(rule, "{\"v\":\"aXb\"}")).isFalse();
    String mixed = "{\"Variable\":\"$.v\",\"StringMatches\":\"\\\\**\"}";
    assertThat(matches(mixed, "{\"v\":\"*anything\"}")).isTrue();
    assertThat(matches(mixed, "{\"v\":\"anything\"}")).isFalse();
  }

  @Test
  void stringMatchesEscapedBackslashIsALiteralBackslash() {
    // JSON "\\\\*" is the pattern \\* : a literal backslash followed by a wildcard.
    String rule = "{\"Variable\":\"$.v\",\"StringMatches\":\"C:\\\\\\\\*\"}";
    assertThat(matches(rule, "{\"v\":\"C:\\\\Windows\"}")).isTrue();
    assertThat(matches(rule, "{\"v\":\"C:/Windows\"}")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "true", "null", "[\"a\"]", "{}"})
  void stringMatchesDoesNotMatchNonStrings(String value) {
    assertThat(matches("{\"Variable\":\"$.v\",\"StringMatches\":\"*\"}", "{\"v\":" + value + "}")).isFalse();
  }

  @Test
  void stringMatchesFailsWithStatesRuntimeWhenTheVariableSelectsNothing() {
    ChoiceRule rule = condition("{\"Variable\":\"$.v\",\"StringMatches\":\"*\"}");
    assertThatThrownBy(() -> rule.matches(scope("{}"))).isInstanceOf(StatesError.class);
  }
}
