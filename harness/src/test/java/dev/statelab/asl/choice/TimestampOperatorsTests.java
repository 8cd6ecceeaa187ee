package dev.statelab.asl.choice;

import static dev.statelab.asl.choice.ChoiceTesting.condition;
import static dev.statelab.asl.choice.ChoiceTesting.matches;
import static dev.statelab.asl.choice.ChoiceTesting.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.asl.errors.StatesError;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampOperatorsTests {

  private static final String T0 = "2012-10-09T19:00:55Z";
  private static final String T1 = "2012-10-09T19:00:56Z";

  private static String rule(String operator, String literal) {
    return "{\"Variable\":\"$.v\",\"" + operator + "\":\"" + literal + "\"}";
  }

  private static String input(String value) {
    return "{\"v\":\"" + value + "\"}";
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource({
    T0 + ", TimestampEquals, " + T0 + ", true",
    T0 + ", TimestampEquals, " + T1 + ", false",
    T1 + ", TimestampEquals, " + T0 + ", false",
    T0 + ", TimestampLessThan, " + T1 + ", true",
    T0 + ", TimestampLessThan, " + T0 + ", false",
    T1 + ", TimestampLessThan, " + T0 + ", false",
    T0 + ", TimestampLessThanEquals, " + T0 + ", true",
    T0 + ", TimestampLessThanEquals, " + T1 + ", true",
    T1 + ", TimestampLessThanEquals, " + T0 + ", false",
    T1 + ", TimestampGreaterThan, " + T0 + ", true",
    T0 + ", TimestampGreaterThan, " + T0 + ", false",
    T0 + ", TimestampGreaterThan, " + T1 + ", false",
    T0 + ", TimestampGreaterThanEquals, " + T0 + ", true",
    T1 + ", TimestampGreaterThanEquals, " + T0 + ", true",
    T0 + ", TimestampGreaterThanEquals, " + T1 + ", false",
  })
  void operatorsCompareTimestampsChronologically(
      String variable, String operator, String literal, boolean expected) {
    assertThat(matches(rule(operator, literal), input(variable))).isEqualTo(expected);
  }

  @Test
  void timestampsWithDifferentOffsetsCompareAsInstants() {
    assertThat(matches(rule("TimestampEquals", "2012-10-09T19:00:55Z"), input("2012-10-09T20:00:55+01:00"))).isTrue();
    assertThat(matches(rule("TimestampLessThan", "2012-10-09T19:00:55Z"), input("2012-10-09T20:00:54+01:00"))).isTrue();
    // Later on the clock but earlier in time.
    assertThat(matches(rule("TimestampLessThan", "2012-10-09T19:00:55Z"), input("2012-10-09T21:00:00+05:00"))).isTrue();
  }

  @Test
  void fractionalSecondsTakePartInTheComparison() {
    assertThat(matches(rule("TimestampGreaterThan", T0), input("2012-10-09T19:00:55.001Z"))).isTrue();
    assertThat(matches(rule("TimestampEquals", T0), input("2012-10-09T19:00:55.000Z"))).isTrue();
    assertThat(matches(rule("TimestampLessThan", "2016-03-05T21:29:29.243167253Z"), input("2016-03-05T21:29:29.243167252Z")))
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "2016-03-14T01:59:00Z",
    "2016-03-14T01:59:00.5Z",
    "2016-03-14T01:59:00.243167252Z",
    "2016-03-14T01:59:00+01:00",
    "2016-03-14T01:59:00-05:30",
    "2016-03-14t01:59:00z",
    "2016-03-14T01:59Z",
    "2016-02-29T00:00:00Z",
  })
  void acceptedTimestampSpellings(String text) {
    assertThat(Timestamps.isTimestamp(text)).isTrue();
    assertThat(matches("{\"Variable\":\"$.v\",\"IsTimestamp\":true}", input(text))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "2012-10-09T19:00:55",
    "2023-02-24",
    "2023-02-24 12:15:56.832957",
    "2016-12-05 21:29:29Z",
    "2016-12-05T25:29:29Z",
    "2016-13-05T21:29:29Z",
    "2015-02-29T00:00:00Z",
    "05-12-2016T21:29:29Z",
    "2016-03-14T01:59:00.1234567891Z",
    "2016-03-14T01:59:00+0100",
    "2016-03-14T01:59:00+01",
    "2016-03-14T01:59:00+01:00:00",
    "2016-02-30T00:00:00Z",
    "1457920740",
    "",
    " ",
    "HelloWorld",
  })
  void rejectedTimestampSpellings(String text) {
    assertThat(Timestamps.isTimestamp(text)).isFalse();
    assertThat(matches("{\"Variable\":\"$.v\",\"IsTimestamp\":false}", input(text))).isTrue();
  }

  @Test
  void aStringThatIsNotATimestampNeverMatches() {
    for (String operator : new String[] {
        "TimestampEquals", "TimestampLessThan", "TimestampGreaterThan", "TimestampLessThanEquals", "TimestampGreaterThanEquals"}) {
      assertThat(matches(rule(operator, T0), input("2012-10-09T19:00:55"))).as(operator).isFalse();
      assertThat(matches(rule(operator, T0), input("2023-02-24 12:15:56.832957"))).as(operator).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "0", "0.0", "1", "1.1", "[]", "[\"\"]", "{}", "{\"A\":0}", "false", "true"})
  void valuesOfOtherJsonTypesNeverMatch(String value) {
    assertThat(matches(rule("TimestampEquals", T0), "{\"v\":" + value + "}")).isFalse();
    assertThat(matches(rule("TimestampLessThan", T0), "{\"v\":" + value + "}")).isFalse();
  }

  @Test
  void pathVariantsCompareWithTheTimestampAtTheSecondPath() {
    String both = "{\"a\":\"" + T0 + "\",\"b\":\"" + T1 + "\"}";
    assertThat(matches("{\"Variable\":\"$.a\",\"TimestampEqualsPath\":\"$.b\"}", both)).isFalse();
    assertThat(matches("{\"Variable\":\"$.a\",\"TimestampLessThanPath\":\"$.b\"}", both)).isTrue();
    assertThat(matches("{\"Variable\":\"$.a\",\"TimestampLessThanEqualsPath\":\"$.b\"}", both)).isTrue();
    assertThat(matches("{\"Variable\":\"$.a\",\"TimestampGreaterThanPath\":\"$.b\"}", both)).isFalse();
    assertThat(matches("{\"Variable\":\"$.a\",\"TimestampGreaterThanEqualsPath\":\"$.b\"}", both)).isFalse();
    assertThat(matches("{\"Variable\":\"$.b\",\"TimestampGreaterThanPath\":\"$.a\"}", both)).isTrue();
  }

  @Test
  void pathVariantDoesNotMatchWhenTheSecondValueIsNotATimestamp() {
    assertThat(matches("{\"Variable\":\"$.a\",\"TimestampEqualsPath\":\"$.b\"}",
        "{\"a\":\"" + T0 + "\",\"b\":\"2012-10-09T19:00:55\"}")).isFalse();
    assertThat(matches("{\"Variable\":\"$.a\",\"TimestampEqualsPath\":\"$.b\"}", "{\"a\":\"" + T0 + "\",\"b\":0}")).isFalse();
  }

  @Test
  void pathVariantReadsTheContextObject() {
    ChoiceRule rule = condition("{\"Variable\":\"$.deadline\",\"TimestampGreaterThanPath\":\"$$.State.EnteredTime\"}");
    assertThat(rule.matches(scope("{\"deadline\":\"2030-01-01T00:00:00Z\"}")
        .withContext("{\"State\":{\"EnteredTime\":\"2024-05-15T10:30:00.123Z\"}}"))).isTrue();
  }

  @Test
  void pathVariantFailsWithStatesRuntimeWhenTheSecondPathSelectsNothing() {
    ChoiceRule rule = condition("{\"Variable\":\"$.a\",\"TimestampLessThanPath\":\"$.b\"}");
    assertThatThrownBy(() -> rule.matches(scope("{\"a\":\"" + T0 + "\"}"))).isInstanceOf(StatesError.class);
  }

  @Test
  void parseGivesTheInstant() {
    assertThat(Timestamps.parse("2012-10-09T20:00:55+01:00")).isEqualTo(Instant.parse(T0));
    assertThat(Timestamps.parse("nope")).isNull();
    assertThat(Timestamps.parse(null)).isNull();
  }
}
