package dev.statelab.asl.query.intrinsic;

import static dev.statelab.asl.query.intrinsic.Evaluations.eval;
import static dev.statelab.asl.query.intrinsic.Evaluations.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntrinsicParserTests {

  private static void assertRejected(String text, String messagePart) {
    assertThatThrownBy(() -> IntrinsicParser.parse(text))
        .isInstanceOf(IntrinsicSyntaxException.class)
        .hasMessageContaining(messagePart);
  }

  @Test
  void recognisesIntrinsicsByTheirPrefix() {
    assertThat(IntrinsicParser.looksLikeIntrinsic("States.UUID()")).isTrue();
    assertThat(IntrinsicParser.looksLikeIntrinsic("$.States")).isFalse();
    assertThat(IntrinsicParser.looksLikeIntrinsic(" States.UUID()")).isFalse();
    assertThat(IntrinsicParser.looksLikeIntrinsic(null)).isFalse();
  }

  @Test
  void keepsTheTextAsWritten() throws IntrinsicSyntaxException {
    String text = "States.Format('{}',$.a )";
    assertThat(IntrinsicParser.parse(text).text()).isEqualTo(text);
  }

  @Test
  void readsEveryKindOfLiteral() {
    assertThat(json("States.Array('a b', 0, -7, 1.50, -0.25, 1e3, 2E-2, true, false, null)", "{}"))
        .isEqualTo("[\"a b\",0,-7,1.50,-0.25,1E+3,0.02,true,false,null]");
  }

  @Test
  void toleratesWhitespaceAroundArguments() {
    assertThat(json("States.Array( $.a ,\t$.b\n)", "{\"a\":1,\"b\":2}")).isEqualTo("[1,2]");
    assertThat(eval("States.UUID( )", "{}").isTextual()).isTrue();
    assertThat(json("States.Array(1) ", "{}")).isEqualTo("[1]");
  }

  @Test
  void readsPathsRootedAtInputContextAndVariables() {
    TestScope scope =
        TestScope.of("{\"a\":{\"b\":[10,20]}}")
            .withContext("{\"Execution\":{\"Name\":\"run-1\"}}")
            .withVariable("total", "{\"items\":[3,4]}");
    assertThat(eval("States.Array($, $.a.b[1], $$.Execution.Name, $total.items[0], $total)", scope).toString())
        .isEqualTo("[{\"a\":{\"b\":[10,20]}},20,\"run-1\",3,{\"items\":[3,4]}]");
  }

  @Test
  void readsPathsWithBracketsQuotesCommasAndFilters() {
    String input = "{\"a b\":1,\"x,y\":2,\"items\":[{\"n\":1},{\"n\":5}]}";
    assertThat(json("States.Array($['a b'], $['x,y'], $.items[?(@.n > 2)].n, $.items[0:1])", input))
        .isEqualTo("[1,2,[5],[{\"n\":1}]]");
  }

  @Test
  void unescapesStringLiterals() {
    assertThat(eval("States.Array('it\\'s', '\\{x\\}', 'back\\\\slash')", "{}").toString())
        .isEqualTo("[\"it's\",\"{x}\",\"back\\\\slash\"]");
  }

  @Test
  void allowsUnescapedBracesAndNewlinesInLiterals() {
    assertThat(json("States.Array('{\"a\": 1}', 'two\nlines')", "{}")).isEqualTo("[\"{\\\"a\\\": 1}\",\"two\\nlines\"]");
  }

  @Test
  void nestsCallsUpToTenLevels() {
    String ten = "States.Array(".repeat(10) + "1" + ")".repeat(10);
    assertThat(json(ten, "{}")).isEqualTo("[".repeat(10) + "1" + "]".repeat(10));
    String eleven = "States.Array(".repeat(11) + "1" + ")".repeat(11);
    assertRejected(eleven, "nested at most 10 levels");
  }

  @Test
  void rejectsUnknownFunctions() {
    assertRejected("States.Compare($.a, $.b)", "Unknown intrinsic function 'States.Compare'");
    assertRejected("States.format('x')", "Unknown intrinsic function 'States.format'");
  }

  @Test
  void rejectsWrongArgumentCounts() {
    assertRejected("States.ArrayLength()", "States.ArrayLength takes 1 argument but was given 0");
    assertRejected("States.ArrayRange(1, 5)", "States.ArrayRange takes 3 arguments but was given 2");
    assertRejected("States.MathRandom(1)", "States.MathRandom takes 2 to 3 arguments but was given 1");
    assertRejected("States.MathRandom(1, 10, 5, 99)", "takes 2 to 3 arguments");
    assertRejected("States.Format()", "States.Format takes at least 1 argument but was given 0");
    assertRejected("States.JsonMerge($.a, $.b)", "States.JsonMerge takes 3 arguments");
    assertRejected("States.Array(States.Hash('x'))", "States.Hash takes 2 arguments");
  }

  @Test
  void rejectsInvalidEscapes() {
    assertRejected("States.StringToJson('{\"text\":\"An \\\"escaped\\\" quote\"}')", "Invalid escape");
    assertRejected("States.Base64Decode('YWJj\\nZA==')", "Invalid escape");
    assertRejected("States.Format('trailing \\", "Invalid escape");
  }

  @Test
  void rejectsMalformedCalls() {
    assertRejected("States.Array(", "Missing argument");
    assertRejected("States.Array($.a", "Missing ')'");
    assertRejected("States.Array($.a) trailing", "Unexpected text after the call");
    assertRejected("States.UUID)", "Expected '('");
    assertRejected("States.UUID (", "Expected '('");
    assertRejected("States.Array(1,)", "Missing argument");
    assertRejected("States.Array(,)", "Missing argument");
    assertRejected("States.Array('open)", "Unterminated string literal");
    assertRejected("States.Array([1,2])", "Expected a string literal");
    assertRejected("States.Array(1.)", "Invalid number");
    assertRejected("States.Array(.5)", "Expected a string literal");
    assertRejected("States.Array(01)", "Invalid number");
    assertRejected("States.Array(truex)", "Expected a string literal");
    assertRejected("States.Array($.a b)", "Invalid path");
    assertRejected("States.Array($)x", "Unexpected text after the call");
    assertRejected("$.a", "must start with 'States.'");
    assertRejected("States.", "Expected a function name");
  }

  @Test
  void reportsWhereTheProblemIs() {
    assertThatThrownBy(() -> IntrinsicParser.parse("States.Array(1, ?)"))
        .isInstanceOfSatisfying(
            IntrinsicSyntaxException.class,
            e -> {
              assertThat(e.position()).isEqualTo(16);
              assertThat(e.text()).isEqualTo("States.Array(1, ?)");
            });
  }

  @Test
  void aParsedCallCanBeEvaluatedRepeatedly() throws IntrinsicSyntaxException {
    Intrinsic intrinsic = IntrinsicParser.parse("States.MathAdd($.n, 1)");
    assertThat(intrinsic.evaluate(TestScope.of("{\"n\":1}")).intValue()).isEqualTo(2);
    assertThat(intrinsic.evaluate(TestScope.of("{\"n\":41}")).intValue()).isEqualTo(42);
  }
}
