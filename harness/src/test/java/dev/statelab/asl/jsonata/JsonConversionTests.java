package dev.statelab.asl.jsonata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON in, JSON out: numbers, nulls, key order. */
class JsonConversionTests {

  private static String passThrough(String json) {
    return Json.write(Eval.expr("$states.input", json));
  }

  @Test
  void integersStayIntegers() {
    assertThat(passThrough("7")).isEqualTo("7");
    assertThat(passThrough("[0, -1, 2147483648, -9223372036854775808]"))
        .isEqualTo("[0,-1,2147483648,-9223372036854775808]");
    assertThat(Eval.text("$sum([1, 2, 3]) + 1")).isEqualTo("7");
    assertThat(Eval.text("1.5 + 1.5")).isEqualTo("3");
    assertThat(Eval.text("10 / 5")).isEqualTo("2");
  }

  @Test
  void integersBeyondLongPassThroughExactly() {
    assertThat(passThrough("123456789012345678901234567890"))
        .isEqualTo("123456789012345678901234567890");
    assertThat(passThrough("9007199254740993")).isEqualTo("9007199254740993");
  }

  @Test
  void inputDecimalsAreReadAsJavaScriptReadsThem() {
    assertThat(passThrough("{\"price\": 1.50, \"tiny\": 0.000001, \"tenth\": 0.1}"))
        .isEqualTo("{\"price\":1.5,\"tiny\":0.000001,\"tenth\":0.1}");
  }

  @Test
  void inputDecimalsThatADoubleCannotHoldPassThroughExactly() {
    assertThat(
            Eval.text(
                "$states.input.price", TestBindings.input("{\"price\": 12345678901234567890.125}")))
        .isEqualTo("12345678901234567890.125");
  }

  @Test
  void computedDecimalsAreWrittenInShortestForm() {
    assertThat(Eval.text("0.1 + 0.2")).isEqualTo("0.30000000000000004");
    assertThat(Eval.text("10 / 4")).isEqualTo("2.5");
    assertThat(Eval.text("$states.input.price * 2", TestBindings.input("{\"price\": 1.25}")))
        .isEqualTo("2.5");
    assertThat(Eval.text("0.1")).isEqualTo("0.1");
  }

  @Test
  void largeComputedIntegersAreWrittenWithoutExponent() {
    assertThat(Eval.text("2e20")).isEqualTo("200000000000000000000");
    assertThat(Eval.text("1e3")).isEqualTo("1000");
  }

  @Test
  void jsonNullIsNotUndefined() {
    assertThat(JsonConversion.toJsonata(Json.parse("null"))).isSameAs(Jsonata.NULL_VALUE);
    assertThat(JsonConversion.toJsonata(null)).isNull();
    assertThat(JsonConversion.fromJsonata(Jsonata.NULL_VALUE).isNull()).isTrue();
    assertThat(JsonConversion.fromJsonata(null)).isNull();
    assertThat(Eval.text("$states.input.n", TestBindings.input("{\"n\": null}"))).isEqualTo("null");
    assertThat(Eval.text("$exists($states.input.n)", TestBindings.input("{\"n\": null}")))
        .isEqualTo("true");
    assertThat(Eval.text("$exists($states.input.m)", TestBindings.input("{\"n\": null}")))
        .isEqualTo("false");
  }

  @Test
  void nullsInsideObjectsAndArraysAreKept() {
    assertThat(passThrough("{\"a\": null, \"b\": [null, 1]}"))
        .isEqualTo("{\"a\":null,\"b\":[null,1]}");
  }

  @Test
  void objectKeyOrderIsKept() {
    assertThat(passThrough("{\"z\": 1, \"a\": 2, \"m\": {\"y\": 1, \"b\": 2}}"))
        .isEqualTo("{\"z\":1,\"a\":2,\"m\":{\"y\":1,\"b\":2}}");
    assertThat(Eval.text("{'b': 1, 'a': 2}")).isEqualTo("{\"b\":1,\"a\":2}");
  }

  @Test
  void undefinedValuesInsideAnObjectAreLeftOut() {
    assertThat(Eval.text("{'a': $nothing, 'b': 1}")).isEqualTo("{\"b\":1}");
    assertThat(Eval.text("[1, $nothing, 2]")).isEqualTo("[1,2]");
  }

  @Test
  void functionsInsideValuesAreDroppedFromObjectsAndNulledInArrays() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("f", new Jsonata.JFunction((in, args) -> null, "<:n>"));
    map.put("u", null);
    map.put("v", 1);
    List<Object> list = new ArrayList<>(Arrays.asList(1, map.get("f")));
    assertThat(Json.write(JsonConversion.fromJsonata(map))).isEqualTo("{\"v\":1}");
    assertThat(Json.write(JsonConversion.fromJsonata(list))).isEqualTo("[1,null]");
  }

  @Test
  void aFunctionOrANonFiniteNumberIsNotJson() {
    assertThatThrownBy(
            () -> JsonConversion.fromJsonata(new Jsonata.JFunction((in, args) -> null, "<:n>")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonConversion.fromJsonata(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void numbersMapToTheNarrowestJavaType() {
    assertThat(JsonConversion.toJsonata(Json.parse("7"))).isEqualTo(7);
    assertThat(JsonConversion.toJsonata(Json.parse("4294967296"))).isEqualTo(4294967296L);
    assertThat(JsonConversion.toJsonata(Json.parse("123456789012345678901234567890")))
        .isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(JsonConversion.toJsonata(Json.parse("1.50"))).isEqualTo(1.5d);
    assertThat(JsonConversion.toJsonata(Json.parse("0.10000000000000000000001")))
        .isEqualTo(new BigDecimal("0.10000000000000000000001"));
  }

  @Test
  void roundTripKeepsEveryKindOfValue() {
    String json =
        "{\"s\":\"text\",\"t\":true,\"f\":false,\"n\":null,\"i\":-3,\"d\":2.75,"
            + "\"a\":[1,[2,[3]],{\"k\":\"v\"}],\"o\":{},\"e\":[]}";
    JsonNode node = Json.parse(json);
    assertThat(JsonConversion.fromJsonata(JsonConversion.toJsonata(node))).isEqualTo(node);
    assertThat(passThrough(json)).isEqualTo(json);
  }

  @Test
  void mixedIntegerAndDecimalInputsCompareAndSort() {
    JsonataBindings bindings = TestBindings.input("{\"a\": [3, 1.5, 2, 4294967296, 0.25]}");
    assertThat(Json.write(Eval.expr("$sort($states.input.a)", bindings)))
        .isEqualTo("[0.25,1.5,2,3,4294967296]");
    assertThat(Json.write(Eval.expr("$max($states.input.a)", bindings))).isEqualTo("4294967296");
    assertThat(Json.write(Eval.expr("$states.input.a[$ > 1.75]", bindings)))
        .isEqualTo("[3,2,4294967296]");
    assertThat(Json.write(Eval.expr("$states.input.a^($)", bindings)))
        .isEqualTo("[0.25,1.5,2,3,4294967296]");
  }

  @Test
  void sortingWithoutAFunctionNeedsAllNumbersOrAllStrings() {
    assertThat(Eval.text("$sort([3, 1.5, 2])")).isEqualTo("[1.5,2,3]");
    assertThat(Eval.text("$sort(['b', 'a', 'c'])")).isEqualTo("[\"a\",\"b\",\"c\"]");
    assertThat(Eval.text("$sort([3, 1, 2], function($l, $r) { $l < $r })")).isEqualTo("[3,2,1]");
    assertThat(
            Eval.text(
                "$sort($states.input.big)",
                TestBindings.input(
                    "{\"big\": [123456789012345678901234567890, 1.5, 0.10000000000000000000001]}")))
        .isEqualTo("[0.10000000000000000000001,1.5,123456789012345678901234567890]");
  }

  @Test
  void stringsKeepUnicodeAndEscapes() {
    assertThat(passThrough("{\"q\": \"\\\"\\\\ \\u00e9 \\ud83d\\ude00\"}"))
        .isEqualTo("{\"q\":\"\\\"\\\\ \u00e9 \ud83d\ude00\"}");
  }
}
