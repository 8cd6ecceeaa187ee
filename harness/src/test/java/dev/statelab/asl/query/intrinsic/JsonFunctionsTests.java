package dev.statelab.asl.query.intrinsic;

import static dev.statelab.asl.query.intrinsic.Evaluations.eval;
import static dev.statelab.asl.query.intrinsic.Evaluations.failure;
import static dev.statelab.asl.query.intrinsic.Evaluations.invalidArgumentsCause;
import static dev.statelab.asl.query.intrinsic.Evaluations.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import org.junit.jupiter.api.Test;

class JsonFunctionsTests {

  private static JsonNode stringToJson(String text) {
    return eval("States.StringToJson($.s)", Json.write(Json.object().put("s", text)));
  }

  @Test
  void stringToJsonParsesEveryKindOfValue() {
    assertThat(Json.write(stringToJson("{\"Arg1\": 1, \"Arg2\": []}"))).isEqualTo("{\"Arg1\":1,\"Arg2\":[]}");
    assertThat(Json.write(stringToJson("[1, 2, \"HelloWorld\"]"))).isEqualTo("[1,2,\"HelloWorld\"]");
    assertThat(stringToJson("\"HelloWorld\"").textValue()).isEqualTo("HelloWorld");
    assertThat(stringToJson("true").booleanValue()).isTrue();
    assertThat(stringToJson("null").isNull()).isTrue();
    assertThat(Json.write(stringToJson("1.10"))).isEqualTo("1.10");
    assertThat(Json.write(stringToJson("-0"))).isEqualTo("0");
    assertThat(Json.write(stringToJson(" {\"a\":1} "))).isEqualTo("{\"a\":1}");
  }

  @Test
  void stringToJsonOfABlankStringIsNull() {
    assertThat(stringToJson("").isNull()).isTrue();
    assertThat(stringToJson(" ").isNull()).isTrue();
  }

  @Test
  void stringToJsonRejectsTextThatIsNotJson() {
    for (String text : new String[] {"{bad json}", "{\"a\":1", "undefined", "1 2"}) {
      assertThat(failure("States.StringToJson($.s)", Json.write(Json.object().put("s", text))).cause())
          .isEqualTo(invalidArgumentsCause("States.StringToJson($.s)", "States.StringToJson"));
    }
  }

  @Test
  void stringToJsonRejectsValuesThatAreNotStrings() {
    assertThat(failure("States.StringToJson($.s)", "{\"s\":123}").error()).isEqualTo("States.Runtime");
    assertThat(failure("States.StringToJson($.s)", "{\"s\":{\"a\":1}}").error()).isEqualTo("States.Runtime");
  }

  @Test
  void stringToJsonAcceptsUnescapedBracesInALiteral() {
    assertThat(json("States.StringToJson('{\"constant_in_literal\": \"false\"}')", "{}"))
        .isEqualTo("{\"constant_in_literal\":\"false\"}");
  }

  @Test
  void jsonToStringWritesCompactJsonKeepingKeyOrder() {
    assertThat(eval("States.JsonToString($.v)", "{\"v\":{\"b\":1,\"a\":[1, 2, \"x\"]}}").textValue())
        .isEqualTo("{\"b\":1,\"a\":[1,2,\"x\"]}");
    assertThat(eval("States.JsonToString($.v)", "{\"v\":\"HelloWorld\"}").textValue()).isEqualTo("\"HelloWorld\"");
    assertThat(eval("States.JsonToString($.v)", "{\"v\":null}").textValue()).isEqualTo("null");
    assertThat(eval("States.JsonToString($.v)", "{\"v\":1.1}").textValue()).isEqualTo("1.1");
    assertThat(eval("States.JsonToString($)", "{\"other\":1}").textValue()).isEqualTo("{\"other\":1}");
  }

  @Test
  void jsonToStringAndStringToJsonRoundTrip() {
    assertThat(json("States.StringToJson(States.JsonToString($.o))", "{\"o\":{\"a\":1,\"n\":{\"ok\":true}}}"))
        .isEqualTo("{\"a\":1,\"n\":{\"ok\":true}}");
  }

  @Test
  void jsonMergeIsShallowWithTheSecondObjectWinning() {
    assertThat(
            json(
                "States.JsonMerge($.a, $.b, false)",
                "{\"a\":{\"a\":{\"a1\":1,\"a2\":2},\"b\":2,\"d\":3},\"b\":{\"a\":{\"a3\":1,\"a4\":2},\"c\":3,\"d\":4}}"))
        .isEqualTo("{\"a\":{\"a3\":1,\"a4\":2},\"b\":2,\"d\":4,\"c\":3}");
  }

  @Test
  void jsonMergeLeavesItsArgumentsUntouched() {
    TestScope scope = TestScope.of("{\"a\":{\"x\":1},\"b\":{\"x\":2}}");
    eval("States.JsonMerge($.a, $.b, false)", scope);
    assertThat(Json.write(scope.input())).isEqualTo("{\"a\":{\"x\":1},\"b\":{\"x\":2}}");
  }

  @Test
  void jsonMergeRejectsDeepMerge() {
    assertThat(failure("States.JsonMerge($.a, $.b, true)", "{\"a\":{},\"b\":{}}").cause())
        .isEqualTo(invalidArgumentsCause("States.JsonMerge($.a, $.b, true)", "States.JsonMerge"));
  }

  @Test
  void jsonMergeTreatsAThirdValueOtherThanTrueAsShallow() {
    assertThat(json("States.JsonMerge($.a, $.b, $.deep)", "{\"a\":{\"x\":1},\"b\":{\"y\":2},\"deep\":\"false\"}"))
        .isEqualTo("{\"x\":1,\"y\":2}");
  }

  @Test
  void jsonMergeRejectsArgumentsThatAreNotObjects() {
    assertThat(failure("States.JsonMerge($.a, $.b, false)", "{\"a\":null,\"b\":{}}").error()).isEqualTo("States.Runtime");
    assertThat(failure("States.JsonMerge($.a, $.b, false)", "{\"a\":{},\"b\":[]}").error()).isEqualTo("States.Runtime");
  }
}
