package dev.statelab.asl.query.intrinsic;

import static dev.statelab.asl.query.intrinsic.Evaluations.eval;
import static dev.statelab.asl.query.intrinsic.Evaluations.failure;
import static dev.statelab.asl.query.intrinsic.Evaluations.invalidArgumentsCause;
import static dev.statelab.asl.query.intrinsic.Evaluations.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.errors.StatesError;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ArrayFunctionsTests {

  @Test
  void arrayWithoutArgumentsIsEmpty() {
    assertThat(json("States.Array()", "{}")).isEqualTo("[]");
  }

  @Test
  void arrayKeepsValuesOfEveryKindInOrder() {
    assertThat(json("States.Array('a', 1, -2.50, true, null, $.o, States.Array(3))", "{\"o\":{\"k\":[1]}}"))
        .isEqualTo("[\"a\",1,-2.50,true,null,{\"k\":[1]},[3]]");
  }

  @Test
  void arrayCopiesPathValuesRatherThanSharingThem() {
    TestScope scope = TestScope.of("{\"o\":{\"k\":1}}");
    JsonNode result = eval("States.Array($.o)", scope);
    ((ObjectNode) result.get(0)).put("k", 2);
    assertThat(scope.input().get("o").get("k").intValue()).isEqualTo(1);
  }

  @Test
  void partitionSplitsIntoChunksWithAShorterLastChunk() {
    assertThat(json("States.ArrayPartition($.a, 3)", "{\"a\":[0,1,2,3]}")).isEqualTo("[[0,1,2],[3]]");
    assertThat(json("States.ArrayPartition($.a, 5)", "{\"a\":[0,1]}")).isEqualTo("[[0,1]]");
    assertThat(json("States.ArrayPartition($.a, 1)", "{\"a\":[]}")).isEqualTo("[]");
  }

  @Test
  void partitionTruncatesAFractionalChunkSize() {
    assertThat(json("States.ArrayPartition($.a, 2.6)", "{\"a\":[1,2,3,4,5]}"))
        .isEqualTo("[[1,2],[3,4],[5]]");
  }

  @Test
  void partitionRejectsChunkSizesBelowOne() {
    for (String size : new String[] {"0", "-1", "0.6", "-0.4", "null", "'2'"}) {
      String expression = "States.ArrayPartition($.a, " + size + ")";
      assertThat(failure(expression, "{\"a\":[1]}").cause())
          .isEqualTo(invalidArgumentsCause(expression, "States.ArrayPartition"));
    }
  }

  @Test
  void partitionRejectsANonArray() {
    StatesError error = failure("States.ArrayPartition('x', 2)", "{}");
    assertThat(error.error()).isEqualTo("States.Runtime");
  }

  @Test
  void containsFindsEqualScalarsArraysAndObjects() {
    assertThat(json("States.ArrayContains($.a, $.v)", "{\"a\":[[1,2,3],2],\"v\":[1,2,3]}")).isEqualTo("true");
    assertThat(json("States.ArrayContains($.a, $.v)", "{\"a\":[{\"1\":2,\"2\":[]}],\"v\":{\"1\":2,\"2\":[]}}"))
        .isEqualTo("true");
    assertThat(json("States.ArrayContains($.a, false)", "{\"a\":[true,false]}")).isEqualTo("true");
    assertThat(json("States.ArrayContains($.a, null)", "{\"a\":[1,null]}")).isEqualTo("true");
  }

  @Test
  void containsAnswersFalseWhenNothingMatches() {
    assertThat(json("States.ArrayContains($.a, $.v)", "{\"a\":[],\"v\":[]}")).isEqualTo("false");
    assertThat(json("States.ArrayContains($.a, null)", "{\"a\":[[1,2,3],2]}")).isEqualTo("false");
    assertThat(json("States.ArrayContains($.a, false)", "{\"a\":[0,1,-1]}")).isEqualTo("false");
  }

  @Test
  void containsComparesRenderedValuesAsAwsDoes() {
    // AWS matches a boolean against its text and is sensitive to object key order.
    assertThat(json("States.ArrayContains($.a, true)", "{\"a\":[\"true\"]}")).isEqualTo("true");
    assertThat(json("States.ArrayContains($.a, $.v)", "{\"a\":[{\"a\":1,\"b\":2}],\"v\":{\"b\":2,\"a\":1}}"))
        .isEqualTo("false");
  }

  @Test
  void rangeIncludesTheEndWhenReached() {
    assertThat(json("States.ArrayRange(0, 9, 3)", "{}")).isEqualTo("[0,3,6,9]");
    assertThat(json("States.ArrayRange(0, 10, 3)", "{}")).isEqualTo("[0,3,6,9]");
    assertThat(json("States.ArrayRange(1, 9, 9)", "{}")).isEqualTo("[1]");
    assertThat(json("States.ArrayRange(5, 1, -2)", "{}")).isEqualTo("[5,3,1]");
  }

  @Test
  void rangeIsEmptyWhenTheStepPointsAway() {
    assertThat(json("States.ArrayRange(5, 1, 1)", "{}")).isEqualTo("[]");
    assertThat(json("States.ArrayRange(1, 5, -1)", "{}")).isEqualTo("[]");
  }

  @Test
  void rangeTruncatesFractionalArguments() {
    assertThat(json("States.ArrayRange(1.6, 1.4, 1)", "{}")).isEqualTo("[1]");
    assertThat(json("States.ArrayRange(5.4, -0.6, -2.4)", "{}")).isEqualTo("[5,3,1]");
  }

  @Test
  void rangeAllowsExactlyOneThousandItems() {
    JsonNode up = eval("States.ArrayRange(1, 1000, 1)", "{}");
    assertThat(up.size()).isEqualTo(1000);
    assertThat(up.get(999).intValue()).isEqualTo(1000);
    assertThat(eval("States.ArrayRange(1000, 1, -1)", "{}").size()).isEqualTo(1000);
  }

  @Test
  void rangeRejectsMoreThanOneThousandItemsAZeroStepAndNonNumbers() {
    for (String expression :
        new String[] {
          "States.ArrayRange(1, 1001, 1)",
          "States.ArrayRange(1001, 1, -1)",
          "States.ArrayRange(1, 10, 0)",
          "States.ArrayRange(1, 10, 0.49)",
          "States.ArrayRange('a', 5, 1)"
        }) {
      assertThat(failure(expression, "{}").cause())
          .isEqualTo(invalidArgumentsCause(expression, "States.ArrayRange"));
    }
  }

  @Test
  void rangeProducesIntegersWithoutFractionDigits() {
    assertThat(json("States.ArrayRange($.a, $.b, $.c)", "{\"a\":1.0,\"b\":3.0,\"c\":1.0}"))
        .isEqualTo("[1,2,3]");
  }

  @Test
  void getItemReturnsTheElementAtAZeroBasedIndex() {
    assertThat(json("States.ArrayGetItem($.a, 5)", "{\"a\":[1,2,3,4,5,6,7,8,9]}")).isEqualTo("6");
    assertThat(json("States.ArrayGetItem($.a, $.i)", "{\"a\":[{\"k\":1},{\"k\":2}],\"i\":1}"))
        .isEqualTo("{\"k\":2}");
  }

  @Test
  void getItemTruncatesAFractionalIndex() {
    assertThat(json("States.ArrayGetItem($.a, 1.2)", "{\"a\":[10,20,30]}")).isEqualTo("20");
  }

  @Test
  void getItemRejectsNegativeAndPastTheEndIndexes() {
    assertThat(failure("States.ArrayGetItem($.a, 3)", "{\"a\":[10,20,30]}").cause())
        .isEqualTo(invalidArgumentsCause("States.ArrayGetItem($.a, 3)", "States.ArrayGetItem"));
    assertThat(failure("States.ArrayGetItem($.a, -1)", "{\"a\":[10,20,30]}").error())
        .isEqualTo("States.Runtime");
    assertThat(failure("States.ArrayGetItem($.a, '1')", "{\"a\":[10,20,30]}").error())
        .isEqualTo("States.Runtime");
    assertThat(failure("States.ArrayGetItem('x', 0)", "{}").error()).isEqualTo("States.Runtime");
  }

  @Test
  void getItemOnAnEmptyArrayIsNull() {
    assertThat(json("States.ArrayGetItem($.a, 999)", "{\"a\":[]}")).isEqualTo("null");
  }

  @Test
  void lengthIsAnIntegerCount() {
    assertThat(json("States.ArrayLength($.a)", "{\"a\":[1,2,3,4,5,6,7,8,9]}")).isEqualTo("9");
    assertThat(json("States.ArrayLength(States.Array())", "{}")).isEqualTo("0");
    assertThat(eval("States.ArrayLength($.a)", "{\"a\":[[1],[2]]}").isInt()).isTrue();
  }

  @Test
  void lengthRejectsANonArray() {
    assertThat(failure("States.ArrayLength($.o)", "{\"o\":{\"k\":1}}").cause())
        .isEqualTo(invalidArgumentsCause("States.ArrayLength($.o)", "States.ArrayLength"));
  }

  @Test
  void uniqueDropsDuplicatesKeepingTheFirstOccurrence() {
    assertThat(json("States.ArrayUnique($.a)", "{\"a\":[1,2,3,3,3,3,3,3,4]}")).isEqualTo("[1,2,3,4]");
    assertThat(json("States.ArrayUnique($.a)", "{\"a\":[\"a\",\"b\",\"a\",\"c\",\"b\"]}"))
        .isEqualTo("[\"a\",\"b\",\"c\"]");
    assertThat(json("States.ArrayUnique($.a)", "{\"a\":[null,null,1,null]}")).isEqualTo("[null,1]");
  }

  @Test
  void uniqueTreatsObjectsWithReorderedKeysAsDuplicates() {
    assertThat(json("States.ArrayUnique($.a)", "{\"a\":[{\"a\":1,\"b\":2},{\"b\":2,\"a\":1}]}"))
        .isEqualTo("[{\"a\":1,\"b\":2}]");
  }

  @Test
  void uniqueKeepsNumbersAndLookalikeStringsApart() {
    assertThat(json("States.ArrayUnique($.a)", "{\"a\":[1,\"1\",1,\"01\"]}")).isEqualTo("[1,\"1\",\"01\"]");
  }

  @Test
  void uniqueComesOutInHashSetOrderAsOnAws() {
    assertThat(json("States.ArrayUnique($.a)", "{\"a\":[true,false,true,false]}")).isEqualTo("[false,true]");
    assertThat(json("States.ArrayUnique($.a)", "{\"a\":[[1,2],[1,2],[2,1]]}")).isEqualTo("[[2,1],[1,2]]");
  }

  @Test
  void uniqueHandlesLargeArrays() {
    String values = IntStream.range(0, 3000).mapToObj(i -> String.valueOf(i % 1500)).collect(Collectors.joining(","));
    assertThat(eval("States.ArrayUnique($.a)", "{\"a\":[" + values + "]}").size()).isEqualTo(1500);
  }
}
