package dev.statelab.asl.jsonata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The functions Step Functions adds to JSONata, and the built-ins it changes. */
class StepFunctionsFunctionsTests {

  private static String causeOf(String expression) {
    try {
      Eval.expr(expression);
    } catch (StatesError e) {
      return e.cause();
    }
    throw new AssertionError("expected " + expression + " to fail");
  }

  @Test
  void partitionCutsAnArrayIntoChunksWithAShorterLastOne() {
    assertThat(Eval.text("$partition([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)"))
        .isEqualTo("[[1,2,3],[4,5,6],[7,8,9]]");
    assertThat(Eval.text("$partition([0, 1, 2, 3], 3)")).isEqualTo("[[0,1,2],[3]]");
    assertThat(Eval.text("$partition([0, 1, 2, 3], 5)")).isEqualTo("[[0,1,2,3]]");
  }

  @Test
  void partitionOfASingleElementKeepsBothArrayLevels() {
    // Recorded by AWS: $partition([0], 1) is [[0]], not collapsed like a JSONata sequence.
    assertThat(Eval.text("$partition([0], 1)")).isEqualTo("[[0]]");
    JsonataBindings recorded =
        TestBindings.input("{\"FunctionInput\": {\"fst\": [0], \"snd\": 2}}");
    assertThat(
            Eval.text(
                "$partition($states.input.FunctionInput.fst, $states.input.FunctionInput.snd)",
                recorded))
        .isEqualTo("[[0]]");
  }

  @Test
  void partitionRejectsAChunkSizeThatIsNotAPositiveInteger() {
    assertThat(causeOf("$partition([1, 2], 0)"))
        .endsWith(
            "threw an error during evaluation. "
                + "Second argument of partition function must be a positive integer");
    assertThat(causeOf("$partition([1, 2], 1.5)")).contains("must be a positive integer");
  }

  @Test
  void rangeCountsFromStartToEndInclusiveByStep() {
    // The four ranges AWS recorded.
    assertThat(Eval.text("$range(0, 9, 3)")).isEqualTo("[0,3,6,9]");
    assertThat(Eval.text("$range(0, 10, 3)")).isEqualTo("[0,3,6,9]");
    assertThat(Eval.text("$range(1, 9, 2)")).isEqualTo("[1,3,5,7,9]");
    assertThat(Eval.text("$range(10, 0, -5)")).isEqualTo("[10,5,0]");
  }

  @Test
  void rangeOfOneNumberIsThatNumberAsAwsRecorded() {
    // AWS returns 1 for $range(1, 9, 9): the result is a JSONata sequence, and a singleton
    // sequence is its only item. An array constructor keeps it an array.
    assertThat(Eval.text("$range(1, 9, 9)")).isEqualTo("1");
    assertThat(Eval.text("[$range(1, 9, 9)]")).isEqualTo("[1]");
  }

  @Test
  void rangeRejectsAZeroStep() {
    assertThat(causeOf("$range(1, 5, 0)"))
        .endsWith("Third argument of range function must not be zero");
  }

  @Test
  void hashWritesTheLowerCaseHexDigestForEachAlgorithm() {
    assertThat(Eval.text("$hash('hello', 'MD5')"))
        .isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
    assertThat(Eval.text("$hash('hello', 'SHA-1')"))
        .isEqualTo("\"aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d\"");
    assertThat(Eval.text("$hash('hello', 'SHA-256')"))
        .isEqualTo("\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\"");
    assertThat(Eval.text("$hash('hello', 'SHA-384')"))
        .isEqualTo(
            "\"59e1748777448c69de6b800d7a33bbfb9ff1b463e44354c3553bcdb9c666fa90125a3c79f90397bdf5f6a13de828684f\"");
    assertThat(Eval.text("$hash('hello', 'SHA-512')"))
        .isEqualTo(
            "\"9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca7"
                + "2323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043\"");
  }

  @Test
  void hashDigestsTheUtf8BytesOfTheString() {
    assertThat(Eval.text("$hash('h\u00e9llo', 'SHA-256')"))
        .isEqualTo("\"3c48591d8d098a4538f5e013dfcf406e948eac4d3277b10bf614e295d6068179\"");
  }

  @Test
  void hashRejectsAnUnknownAlgorithm() {
    assertThat(causeOf("$hash('hello', 'SHA-999')"))
        .endsWith(
            "Second argument of hash function must be one of MD5, SHA-1, SHA-256, SHA-384,"
                + " SHA-512");
  }

  @Test
  void randomWithoutSeedDrawsFromTheWorldsRandomSource() {
    double first = Eval.expr("$random()", TestBindings.input("{}")).doubleValue();
    double again = Eval.expr("$random()", TestBindings.input("{}")).doubleValue();
    assertThat(first).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
    // Both bindings use a random source seeded with 42, so the draws repeat.
    assertThat(again).isEqualTo(first);
    assertThat(first).isEqualTo(TestBindings.seeded(42).nextDouble());
  }

  @Test
  void randomWithSeedIsTheSameForTheSameSeed() {
    JsonNode a = Eval.expr("$random(7)");
    JsonNode b = Eval.expr("$random($states.input.seed)", "{\"seed\": 7}");
    JsonNode c = Eval.expr("$random(8)");
    assertThat(a.doubleValue()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
    assertThat(b).isEqualTo(a);
    assertThat(c).isNotEqualTo(a);
  }

  @Test
  void uuidIsAVersion4UuidFromTheWorldsRandomSource() {
    String uuid = Eval.expr("$uuid()").textValue();
    assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(uuid).isEqualTo(TestBindings.seeded(42).uuid());
  }

  @Test
  void twoUuidsInOneEvaluationDiffer() {
    JsonNode pair = Eval.expr("[$uuid(), $uuid()]");
    assertThat(pair.get(0)).isNotEqualTo(pair.get(1));
  }

  @Test
  void parseReadsTheJsonAStringHolds() {
    // The seven inputs AWS recorded.
    assertThat(Eval.text("$parse('-0')")).isEqualTo("0");
    assertThat(Eval.text("$parse('1')")).isEqualTo("1");
    assertThat(Eval.text("$parse('1.1')")).isEqualTo("1.1");
    assertThat(Eval.text("$parse('true')")).isEqualTo("true");
    assertThat(Eval.text("$parse('\"HelloWorld\"')")).isEqualTo("\"HelloWorld\"");
    assertThat(Eval.text("$parse('[1, 2, \"HelloWorld\"]')")).isEqualTo("[1,2,\"HelloWorld\"]");
    assertThat(Eval.text("$parse('{\"Arg1\": 1, \"Arg2\": []}')"))
        .isEqualTo("{\"Arg1\":1,\"Arg2\":[]}");
  }

  @Test
  void parseOfJsonNullIsNull() {
    assertThat(Eval.expr("$parse('null')").isNull()).isTrue();
  }

  @Test
  void parseRejectsTextThatIsNotJson() {
    assertThat(causeOf("$parse('{oops')"))
        .contains("threw an error during evaluation. Unable to parse");
  }

  @Test
  void parseOfNullDoesNotMatchItsSignature() {
    assertThat(causeOf("$parse(null)"))
        .endsWith("T0410: Argument 1 of function \"parse\" does not match function signature");
  }

  @Test
  void evalIsNotAvailable() {
    assertThat(causeOf("$eval('1 + 1')")).endsWith("T1006: Attempted to invoke a non-function");
  }

  @Test
  void nowAndMillisReadTheBindingsClockOncePerEvaluation() {
    assertThat(Eval.text("$now()")).isEqualTo("\"2024-05-06T07:08:09.123Z\"");
    assertThat(Eval.text("$millis()")).isEqualTo(String.valueOf(TestBindings.NOW.toEpochMilli()));
    assertThat(Eval.text("$now('[Y0001]-[M01]-[D01]')")).isEqualTo("\"2024-05-06\"");
    JsonNode two =
        Eval.compile("{\"a\": \"{% $millis() %}\", \"b\": \"{% $millis() %}\"}", "Output")
            .evaluate(TestBindings.input("{}"));
    assertThat(two.get("a")).isEqualTo(two.get("b"));
  }

  @Test
  void numberReportsAStringThatIsNotANumberAsD3030() {
    assertThat(causeOf("$number('abc')"))
        .endsWith("D3030: Unable to cast value to a number: \"abc\"");
    assertThat(Eval.text("$number('12')")).isEqualTo("12");
  }

  @Test
  void toMillisReportsATimestampItCannotReadAsD3110() {
    assertThat(causeOf("$toMillis('nope')"))
        .endsWith(
            "D3110: The argument of the toMillis function must be an ISO 8601 formatted timestamp."
                + " Given \"nope\"");
    assertThat(Eval.text("$toMillis('2024-01-01T00:00:00Z')")).isEqualTo("1704067200000");
  }

  @Test
  void functionsWorkOnWorkflowVariables() {
    JsonNode result =
        Eval.expr(
            "$partition($items, $size)",
            TestBindings.with("{}", Map.of("items", "[1,2,3]", "size", "2")));
    assertThat(Json.write(result)).isEqualTo("[[1,2],[3]]");
  }
}
