package dev.statelab.asl.jsonata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.statelab.asl.errors.ErrorNames;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The causes of {@code States.QueryEvaluationError}, word for word as AWS writes them. */
class JsonataErrorsTests {

  private static StatesError failure(String templateJson, String field, JsonataBindings bindings) {
    JsonataTemplate template = Eval.compile(templateJson, field);
    StatesError error = catchThrowableOfType(StatesError.class, () -> template.evaluate(bindings));
    assertThat(error).as("expected %s to fail", templateJson).isNotNull();
    assertThat(error.error()).isEqualTo(ErrorNames.QUERY_EVALUATION_ERROR);
    return error;
  }

  private static String cause(String templateJson, String field) {
    return failure(templateJson, field, TestBindings.input("{}")).cause();
  }

  private static String causeOfExpression(String expression) {
    return cause(Json.write(Json.text("{% " + expression + " %}")), "Output");
  }

  @Test
  void aWholeFieldThatReturnsNothingNamesTheField() {
    // Recorded: assign_..._BASE_UNDEFINED_OUTPUT.
    assertThat(cause("\"{% $doesNotExist %}\"", "Output"))
        .isEqualTo(
            "The JSONata expression '$doesNotExist' specified for the field 'Output' returned"
                + " nothing (undefined).");
  }

  @Test
  void aNestedValueThatReturnsNothingNamesItsPathInTheField() {
    // Recorded: ..._BASE_UNDEFINED_OUTPUT_FIELD, ..._BASE_UNDEFINED_ASSIGN,
    // ..._BASE_UNDEFINED_ARGUMENTS_FIELD.
    assertThat(cause("{\"result\": \"{% $doesNotExist %}\"}", "Output"))
        .isEqualTo(
            "The JSONata expression '$doesNotExist' specified for the field 'Output/result'"
                + " returned nothing (undefined).");
    assertThat(cause("{\"result\": \"{% $doesNotExist %}\"}", "Assign"))
        .isEqualTo(
            "The JSONata expression '$doesNotExist' specified for the field 'Assign/result'"
                + " returned nothing (undefined).");
    assertThat(cause("{\"Payload\": {}, \"FunctionName\": \"{% $doesNotExist %}\"}", "Arguments"))
        .isEqualTo(
            "The JSONata expression '$doesNotExist' specified for the field"
                + " 'Arguments/FunctionName' returned nothing (undefined).");
  }

  @Test
  void aDeeperValueJoinsEveryKeyAndArrayIndexWithSlashes() {
    assertThat(cause("{\"a\": {\"b\": [1, \"{% $nope %}\"]}}", "Output"))
        .isEqualTo(
            "The JSONata expression '$nope' specified for the field 'Output/a/b/1' returned nothing"
                + " (undefined).");
  }

  @Test
  void anUndefinedVariableIsJustUndefined() {
    // AWS raises no special error for an unknown variable: the expression returns nothing.
    assertThat(causeOfExpression("$doesNotExist.field"))
        .isEqualTo(
            "The JSONata expression '$doesNotExist.field' specified for the field 'Output' returned"
                + " nothing (undefined).");
  }

  @Test
  void aMissingStatesResultIsUndefined() {
    assertThat(causeOfExpression("$states.result"))
        .isEqualTo(
            "The JSONata expression '$states.result' specified for the field 'Output' returned"
                + " nothing (undefined).");
    assertThat(causeOfExpression("$states.errorOutput.Error"))
        .endsWith("returned nothing (undefined).");
  }

  @Test
  void theExpressionIsQuotedAsWrittenBetweenTheDelimitersTrimmed() {
    assertThat(cause("\"{%   $nope   %}\"", "Output"))
        .isEqualTo(
            "The JSONata expression '$nope' specified for the field 'Output' returned nothing"
                + " (undefined).");
    assertThat(cause("\"{%$a.b%}\"", "Output")).startsWith("The JSONata expression '$a.b' ");
  }

  @Test
  void callingAnUnknownFunctionIsT1006() {
    // Recorded: intrinsic_functions_..._test_math_random_seeded.
    assertThat(
            cause(
                "{\"FunctionResult\": \"{% $randomSeeded($states.input.FunctionInput.fst) %}\"}",
                "Output"))
        .isEqualTo(
            "The JSONata expression '$randomSeeded($states.input.FunctionInput.fst)' specified for"
                + " the field 'Output/FunctionResult' threw an error during evaluation. T1006:"
                + " Attempted to invoke a non-function");
  }

  @Test
  void itemsOfTheWrongTypeNameTheTypeAndTheValue() {
    // Recorded: scenarios_..._test_map_state_items_eval_jsonata_fail_*.
    assertThat(typeCause("\"{% 1 %}\""))
        .isEqualTo(
            "The JSONata expression '1' specified for the field 'Items' returned an unexpected"
                + " result type. Expected 'array', but was 'number' for value: 1");
    assertThat(typeCause("\"{% null %}\""))
        .isEqualTo(
            "The JSONata expression 'null' specified for the field 'Items' returned an unexpected"
                + " result type. Expected 'array', but was 'null' for value: null");
    assertThat(typeCause("\"{% {'foo': 'bar'} %}\""))
        .isEqualTo(
            "The JSONata expression '{'foo': 'bar'}' specified for the field 'Items' returned an"
                + " unexpected result type. Expected 'array', but was 'object' for value:"
                + " {\"foo\":\"bar\"}");
    assertThat(typeCause("\"{% 'string' %}\""))
        .isEqualTo(
            "The JSONata expression ''string'' specified for the field 'Items' returned an"
                + " unexpected result type. Expected 'array', but was 'string' for value:"
                + " \"string\"");
  }

  @Test
  void itemsFromAVariableOfTheWrongTypeQuoteTheVariableReference() {
    // Recorded: scenarios_..._test_map_state_items_eval_jsonata_variable_sampling_fail_* and
    // _variable_sampling_boolean.
    JsonataBindings bindings = TestBindings.with("{}", Map.of("ItemsVar", "true"));
    JsonataTemplate items = Eval.compile("\"{% $ItemsVar %}\"", "Items");
    StatesError error =
        catchThrowableOfType(StatesError.class, () -> items.evaluate(bindings, ExpectedType.ARRAY));
    assertThat(error.cause())
        .isEqualTo(
            "The JSONata expression '$ItemsVar' specified for the field 'Items' returned an"
                + " unexpected result type. Expected 'array', but was 'boolean' for value: true");
  }

  @Test
  void requireArrayChecksAValueTheEngineAlreadyHas() {
    assertThatThrownBy(
            () -> JsonataErrors.requireArray(Json.parse("{\"foo\":\"bar\"}"), "$x", "Items"))
        .isInstanceOf(StatesError.class)
        .hasMessageContaining("Expected 'array', but was 'object' for value: {\"foo\":\"bar\"}");
    assertThat(JsonataErrors.requireArray(Json.parse("[1]"), "$x", "Items"))
        .isEqualTo(Json.parse("[1]"));
  }

  private static String typeCause(String templateJson) {
    JsonataTemplate items = Eval.compile(templateJson, "Items");
    StatesError error =
        catchThrowableOfType(
            StatesError.class, () -> items.evaluate(TestBindings.input("{}"), ExpectedType.ARRAY));
    assertThat(error).isNotNull();
    return error.cause();
  }

  @Test
  void aFunctionValueIsAnUnsupportedResultType() {
    assertThat(causeOfExpression("$sum"))
        .isEqualTo(
            "The JSONata expression '$sum' specified for the field 'Output' returned an unsupported"
                + " result type.");
    assertThat(causeOfExpression("function($x) { $x }"))
        .endsWith("returned an unsupported result type.");
  }

  @Test
  void signatureMismatchesNameTheArgumentAndTheFunctionAsJsonataJsDoes() {
    assertThat(causeOfExpression("$uppercase(1)"))
        .endsWith(
            "threw an error during evaluation. T0410: Argument 1 of function \"uppercase\" does not"
                + " match function signature");
    assertThat(causeOfExpression("$lookup(1)"))
        .endsWith("T0410: Argument 2 of function \"lookup\" does not match function signature");
    assertThat(causeOfExpression("$uppercase(null)"))
        .endsWith("T0410: Argument 1 of function \"uppercase\" does not match function signature");
  }

  @Test
  void arrayElementTypeMismatchesNameTheFunctionAndThePluralType() {
    assertThat(causeOfExpression("$sum(['a'])"))
        .endsWith("T0412: Argument 1 of function \"sum\" must be an array of \"numbers\"");
  }

  @Test
  void operatorErrorsQuoteTheOperatorAndRenderValuesAsJson() {
    assertThat(causeOfExpression("1 + {}"))
        .endsWith("T2002: The right side of the \"+\" operator must evaluate to a number");
    assertThat(causeOfExpression("{} - 1"))
        .endsWith("T2001: The left side of the \"-\" operator must evaluate to a number");
    assertThat(causeOfExpression("1 < 'a'"))
        .endsWith(
            "T2009: The values 1 and \"a\" either side of operator \"<\" must be of the same data"
                + " type");
    assertThat(causeOfExpression("-'a'"))
        .endsWith("D1002: Cannot negate a non-numeric value: \"a\"");
    assertThat(causeOfExpression("('a' ~> $uppercase()) >= 1"))
        .endsWith(
            "T2009: The values \"A\" and 1 either side of operator \">=\" must be of the same data"
                + " type");
  }

  @Test
  void functionErrorsUseJsonataJsWordingWithFunctionNotObject() {
    assertThat(causeOfExpression("$sqrt(-1)"))
        .endsWith("D3060: The sqrt function cannot be applied to a negative number: -1");
    assertThat(causeOfExpression("$split('a', 'b', -1)"))
        .endsWith("D3020: Third argument of split function must evaluate to a positive number");
    assertThat(causeOfExpression("$replace('a', '', 'b')"))
        .endsWith("D3010: Second argument of replace function cannot be an empty string");
    assertThat(causeOfExpression("$reduce([1, 2], function($a) { $a })"))
        .endsWith(
            "D3050: The second argument of reduce function must be a function with at least two"
                + " arguments");
  }

  @Test
  void errorAndAssertCarryTheUsersMessage() {
    assertThat(causeOfExpression("$error('boom')"))
        .endsWith("threw an error during evaluation. D3137: boom");
    assertThat(causeOfExpression("$assert(false, 'nope')"))
        .endsWith("threw an error during evaluation. D3141: nope");
  }

  @Test
  void aNumberJsonCannotHoldIsD1001() {
    assertThat(causeOfExpression("1 / 0"))
        .endsWith("threw an error during evaluation. D1001: Number out of range: null");
  }

  @Test
  void sortingAMixedArrayWithoutAFunctionIsD3070() {
    assertThat(causeOfExpression("$sort([1, 'a'])"))
        .endsWith(
            "D3070: The single argument form of the sort function can only be applied to an array"
                + " of strings or an array of numbers.  Use the second argument to specify a"
                + " comparison function");
  }

  @Test
  void runawayRecursionFailsTheExpressionInsteadOfTheEngine() {
    assertThat(
            causeOfExpression("($f := function($x) { $x <= 0 ? 0 : 1 + $f($x - 1) }; $f(1000000))"))
        .contains("threw an error during evaluation. ");
  }

  @Test
  void theLocationOfAnErrorIsTheFieldPath() {
    StatesError error =
        failure("{\"error\": \"{% $stateError %}\"}", "Output", TestBindings.input("{}"));
    assertThat(JsonataErrors.location(error)).contains("Output/error");
    StatesError thrown = failure("\"{% $f() %}\"", "Arguments", TestBindings.input("{}"));
    assertThat(JsonataErrors.location(thrown)).contains("Arguments");
    assertThat(JsonataErrors.location(StatesError.runtime("something else"))).isEmpty();
  }

  @Test
  void theOtherJsonataStateFailuresUseAwsWording() {
    // Recorded: scenarios_..._test_map_state_items_input_types_* and
    // _test_wait_timestamp_jsonata_*.
    assertThat(JsonataErrors.mapInputNotArray(Json.parse("{\"foo\": \"bar\"}")).cause())
        .isEqualTo("Map state input must be an array but was: {\"foo\":\"bar\"}");
    assertThat(JsonataErrors.mapInputNotArray(Json.parse("true")).cause())
        .isEqualTo("Map state input must be an array but was: true");
    assertThat(JsonataErrors.mapInputNotArray(Json.parse("null")).error())
        .isEqualTo(ErrorNames.QUERY_EVALUATION_ERROR);
    assertThat(JsonataErrors.invalidTimestamp("2016-13-05T21:29:29Z").cause())
        .isEqualTo(
            "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format"
                + " string: 2016-13-05T21:29:29Z");
  }

  @Test
  void theEngineAddsTheStatePrefix() {
    StatesError error =
        failure("{\"result\": \"{% $doesNotExist %}\"}", "Output", TestBindings.input("{}"));
    assertThat(error.inState("State2", 6).cause())
        .isEqualTo(
            "An error occurred while executing the state 'State2' (entered at the event id #6). The"
                + " JSONata expression '$doesNotExist' specified for the field 'Output/result'"
                + " returned nothing (undefined).");
  }

  @Test
  void aBadExpressionIsRejectedWhenCompiled() {
    assertThatThrownBy(
            () -> JsonataTemplate.compile(Json.parse("{\"a\": \"{% 1 + %}\"}"), "Output"))
        .isInstanceOf(JsonataSyntaxException.class)
        .satisfies(
            e -> {
              JsonataSyntaxException s = (JsonataSyntaxException) e;
              assertThat(s.field()).isEqualTo("Output/a");
              assertThat(s.expression()).isEqualTo("1 +");
              assertThat(s.jsonataError()).isEqualTo("S0207: Unexpected end of expression");
            });
    assertThatThrownBy(() -> JsonataTemplate.compile(Json.text("{%  %}"), "Output"))
        .isInstanceOf(JsonataSyntaxException.class);
  }
}
