package dev.statelab.asl.query.intrinsic;

import static dev.statelab.asl.query.intrinsic.Evaluations.eval;
import static dev.statelab.asl.query.intrinsic.Evaluations.failure;
import static dev.statelab.asl.query.intrinsic.Evaluations.invalidArgumentsCause;
import static dev.statelab.asl.query.intrinsic.Evaluations.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MathFunctionsTests {

  private static String add(String a, String b) {
    return json("States.MathAdd($.a, $.b)", "{\"a\":" + a + ",\"b\":" + b + "}");
  }

  @Test
  void addGivesAnIntegerSum() {
    assertThat(add("-9", "3")).isEqualTo("-6");
    assertThat(json("States.MathAdd(5, 3)", "{}")).isEqualTo("8");
    assertThat(eval("States.MathAdd(1.0, 2.0)", "{}").isInt()).isTrue();
  }

  @Test
  void addRoundsEachOperandHalfUpAsRecordedOnAws() {
    assertThat(add("1.49", "1.50")).isEqualTo("3");
    assertThat(add("1.50", "1.51")).isEqualTo("4");
    assertThat(add("-1.49", "-1.50")).isEqualTo("-2");
    assertThat(add("-1.50", "-1.51")).isEqualTo("-3");
    assertThat(add("0.5", "0")).isEqualTo("1");
    assertThat(add("2.5", "0")).isEqualTo("3");
    assertThat(add("-0.5", "0.5")).isEqualTo("1");
    assertThat(add("-0.5", "0")).isEqualTo("0");
    assertThat(add("-2.5", "0")).isEqualTo("-2");
    assertThat(add("-3.5", "0")).isEqualTo("-3");
  }

  @Test
  void addStaysWithinThirtyTwoBitIntegers() {
    assertThat(json("States.MathAdd(2147483646, 1)", "{}")).isEqualTo("2147483647");
    assertThat(json("States.MathAdd(-2147483647, -1)", "{}")).isEqualTo("-2147483648");
    for (String expression :
        new String[] {
          "States.MathAdd(2147483647, 1)", "States.MathAdd(-2147483648, -1)", "States.MathAdd(3000000000, 1)"
        }) {
      assertThat(failure(expression, "{}").cause()).isEqualTo(invalidArgumentsCause(expression, "States.MathAdd"));
    }
  }

  @Test
  void addRejectsOperandsThatAreNotNumbers() {
    for (String expression :
        new String[] {"States.MathAdd('1', 2)", "States.MathAdd(null, 1)", "States.MathAdd(true, 1)", "States.MathAdd(1, $.a)"}) {
      assertThat(failure(expression, "{\"a\":[1]}").cause())
          .isEqualTo(invalidArgumentsCause(expression, "States.MathAdd"));
    }
  }

  @Test
  void randomStaysWithinStartInclusiveAndEndExclusive() {
    Set<Integer> seen = new HashSet<>();
    TestScope scope = TestScope.of("{}").withRandom(TestScope.seeded(1));
    for (int i = 0; i < 500; i++) {
      seen.add(eval("States.MathRandom(1, 4)", scope).intValue());
    }
    assertThat(seen).containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void randomDrawsFromTheScopesRandomSource() {
    TestScope middle = TestScope.of("{}").withRandom(TestScope.constant(0.5));
    assertThat(eval("States.MathRandom(10, 20)", middle).intValue()).isEqualTo(15);
    TestScope low = TestScope.of("{}").withRandom(TestScope.constant(0.0));
    TestScope high = TestScope.of("{}").withRandom(TestScope.constant(0.999999));
    assertThat(eval("States.MathRandom(-99999, -9999)", low).intValue()).isEqualTo(-99999);
    assertThat(eval("States.MathRandom(-99999, -9999)", high).intValue()).isEqualTo(-10000);
  }

  @Test
  void randomWithASeedDependsOnTheSeedAlone() {
    TestScope one = TestScope.of("{}").withRandom(TestScope.seeded(1));
    TestScope two = TestScope.of("{}").withRandom(TestScope.seeded(2));
    JsonNode first = eval("States.MathRandom(0, 999, 3)", one);
    assertThat(eval("States.MathRandom(0, 999, 3)", two)).isEqualTo(first);
    assertThat(eval("States.MathRandom(0, 999, $.s)", TestScope.of("{\"s\":3}"))).isEqualTo(first);
    assertThat(first.intValue()).isEqualTo(new Random(3).nextInt(999));
  }

  @Test
  void randomWithSeedFortyTwoOverMinusFiveToFiveGivesMinusFiveAsOnAws() {
    assertThat(json("States.MathRandom(-5, 5, 42)", "{}")).isEqualTo("-5");
  }

  @Test
  void randomTruncatesFractionalBounds() {
    TestScope low = TestScope.of("{}").withRandom(TestScope.constant(0.0));
    assertThat(eval("States.MathRandom(1.6, 5.4)", low).intValue()).isEqualTo(1);
    assertThat(failure("States.MathRandom(1.4, 1.6)", "{}").error()).isEqualTo("States.Runtime");
  }

  @Test
  void randomRejectsEmptyRangesAndNonNumbers() {
    for (String expression :
        new String[] {
          "States.MathRandom(1, 1)",
          "States.MathRandom(10, 5)",
          "States.MathRandom('a', 10)",
          "States.MathRandom(1, 10, 'seed')",
          "States.MathRandom(1, 10, null)"
        }) {
      assertThat(failure(expression, "{}").cause())
          .isEqualTo(invalidArgumentsCause(expression, "States.MathRandom"));
    }
  }
}
