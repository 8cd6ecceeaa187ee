package dev.statelab.asl.query.intrinsic;

import static dev.statelab.asl.query.intrinsic.Evaluations.eval;
import static dev.statelab.asl.query.intrinsic.Evaluations.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.asl.errors.StatesError;
import dev.statelab.asl.query.UndefinedVariableException;
import org.junit.jupiter.api.Test;

class PathArgumentsTests {

  private static final String INPUT = "{\"other\":1,\"items\":[1,2],\"nul\":null}";

  private static String notFound(String expression, String path, String input) {
    return "The function '"
        + expression
        + "' had the following error: The JsonPath argument for the field '"
        + path
        + "' could not be found in the input '"
        + input
        + "'";
  }

  @Test
  void aMissingFieldFailsWithTheCauseAwsWrites() {
    StatesError error = failure("States.Format('{}', $.nope)", INPUT);
    assertThat(error.error()).isEqualTo("States.Runtime");
    assertThat(error.cause()).isEqualTo(notFound("States.Format('{}', $.nope)", "$.nope", INPUT));
  }

  @Test
  void theCauseNamesTheWholeExpressionAndTheFailingArgument() {
    String expression = "States.Format('{} {}', $.other, States.Array($.a.b))";
    assertThat(failure(expression, INPUT).cause()).isEqualTo(notFound(expression, "$.a.b", INPUT));
  }

  @Test
  void anIndexPastTheEndIsAMiss() {
    assertThat(failure("States.Format('{}', $.items[5])", INPUT).cause())
        .isEqualTo(notFound("States.Format('{}', $.items[5])", "$.items[5]", INPUT));
    assertThat(failure("States.Format('{}', $.items[5].x)", INPUT).cause())
        .isEqualTo(notFound("States.Format('{}', $.items[5].x)", "$.items[5].x", INPUT));
  }

  @Test
  void indexingSomethingThatIsNotAnArrayPassesTheLibraryMessageThrough() {
    assertThat(failure("States.Format('{}', $.other[0])", INPUT).cause())
        .isEqualTo(
            "The function 'States.Format('{}', $.other[0])' had the following error: "
                + "Filter: [0] can only be applied to arrays. Current context is: 1");
  }

  @Test
  void aPresentNullIsAValue() {
    assertThat(eval("States.Format('{}', $.nul)", INPUT).textValue()).isEqualTo("null");
  }

  @Test
  void aWildcardMatchingNothingIsAnEmptyArray() {
    assertThat(eval("States.ArrayLength($.items[*].nope)", INPUT).intValue()).isZero();
  }

  @Test
  void aMissingContextFieldIsNamedRelativeToTheContextAndReportsTheStateInput() {
    TestScope scope = TestScope.of(INPUT).withContext("{\"State\":{\"Name\":\"P\"}}");
    assertThat(failure("States.Format('{}', $$.Nope.Deep)", scope).cause())
        .isEqualTo(notFound("States.Format('{}', $$.Nope.Deep)", "$.Nope.Deep", INPUT));
  }

  @Test
  void aMissingVariableFieldFails() {
    TestScope scope = TestScope.of(INPUT).withVariable("v", "{\"a\":1}");
    assertThat(failure("States.Format('{}', $v.b)", scope).cause())
        .isEqualTo(notFound("States.Format('{}', $v.b)", "$v.b", INPUT));
  }

  @Test
  void anUndefinedVariableIsLeftForTheEngineToReport() throws IntrinsicSyntaxException {
    Intrinsic intrinsic = IntrinsicParser.parse("States.Format('{}', $missing)");
    assertThatThrownBy(() -> intrinsic.evaluate(TestScope.of(INPUT)))
        .isInstanceOf(UndefinedVariableException.class);
  }

  @Test
  void everyFunctionFailsAlikeOnAMissingArgument() {
    for (String expression :
        new String[] {
          "States.ArrayLength($.nope)",
          "States.JsonToString($.nope)",
          "States.StringToJson($.nope)",
          "States.MathAdd($.nope, 1)",
          "States.Hash('x', $.nope)",
          "States.JsonMerge($.nope, $.other, false)"
        }) {
      assertThat(failure(expression, INPUT).cause()).isEqualTo(notFound(expression, "$.nope", INPUT));
    }
  }
}
