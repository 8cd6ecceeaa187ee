package dev.statelab.asl.choice;

import static dev.statelab.asl.choice.ChoiceTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.errors.Diagnostic;
import dev.statelab.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChoiceRuleValidationTests {

  private static final String AT = "/States/Check/Choices/0";

  private static Diagnostic schema(String message, String location) {
    return Diagnostic.schema(message, location);
  }

  @Test
  void aValidTopLevelRuleHasNoProblemsAndParses() {
    List<Diagnostic> problems = new ArrayList<>();
    ChoiceRule rule = ChoiceRuleParser.parse(
        Json.parse("{\"Variable\":\"$.v\",\"NumericEquals\":1,\"Next\":\"Done\"}"), AT, true, problems::add);
    assertThat(problems).isEmpty();
    assertThat(rule).isInstanceOf(Comparison.class);
    Comparison comparison = (Comparison) rule;
    assertThat(comparison.operator()).isEqualTo(ComparisonOperator.NUMERIC_EQUALS);
    assertThat(comparison.variable().text()).isEqualTo("$.v");
    assertThat(comparison.operand()).isEqualTo(new Operand.Literal(Json.parse("1")));
  }

  @Test
  void topLevelRuleAcceptsCommentAssignAndOutputWithoutLookingAtThem() {
    assertThat(problems("{\"Variable\":\"$.v\",\"IsNull\":true,\"Next\":\"A\",\"Comment\":\"c\","
        + "\"Assign\":{\"x.$\":\"$.v\"},\"Output\":\"anything\"}", true)).isEmpty();
  }

  @Test
  void topLevelRuleRequiresNext() {
    assertThat(problems("{\"Variable\":\"$.v\",\"IsNull\":true}", true))
        .containsExactly(schema("These fields are required: [Next]", AT));
  }

  @Test
  void nextMustBeAString() {
    assertThat(problems("{\"Variable\":\"$.v\",\"IsNull\":true,\"Next\":3}", true))
        .containsExactly(schema("Expected value of type String", AT + "/Next"));
  }

  @Test
  void nestedRuleMustNotHaveNext() {
    assertThat(problems("{\"Not\":{\"Variable\":\"$.v\",\"IsNull\":true,\"Next\":\"A\"},\"Next\":\"A\"}", true))
        .containsExactly(schema("Field 'Next' is not supported", AT + "/Not"));
    assertThat(problems("{\"Variable\":\"$.v\",\"IsNull\":true,\"Next\":\"A\"}", false))
        .containsExactly(schema("Field 'Next' is not supported", AT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Assign", "Output"})
  void nestedRuleMustNotHaveStateLevelFields(String field) {
    assertThat(problems("{\"And\":[{\"Variable\":\"$.v\",\"IsNull\":true,\"" + field + "\":{}}],\"Next\":\"A\"}", true))
        .containsExactly(schema("Field '" + field + "' is not supported", AT + "/And/0"));
  }

  @Test
  void unknownFieldsAreNotSupported() {
    assertThat(problems("{\"Variable\":\"$.v\",\"IsNull\":true,\"Next\":\"A\",\"Extra\":1}", true))
        .containsExactly(schema("Field 'Extra' is not supported", AT));
    // Operator names are case-sensitive.
    assertThat(problems("{\"Variable\":\"$.v\",\"stringEquals\":\"x\",\"StringEquals\":\"x\",\"Next\":\"A\"}", true))
        .containsExactly(schema("Field 'stringEquals' is not supported", AT));
  }

  @Test
  void jsonataConditionIsRejectedInAJsonPathRule() {
    assertThat(problems("{\"Condition\":\"{% true %}\",\"Variable\":\"$.v\",\"IsNull\":true,\"Next\":\"A\"}", true))
        .containsExactly(schema("The QueryLanguage is set to 'JSONPath', but field 'Condition' is only supported"
            + " for the 'JSONata' QueryLanguage", AT));
  }

  @Test
  void ruleWithoutOperatorIsRejected() {
    assertThat(problems("{\"Variable\":\"$.v\",\"Next\":\"A\"}", true))
        .containsExactly(schema("A choice rule must have one comparison operator or one of And, Or, Not", AT));
  }

  @Test
  void ruleWithTwoOperatorsIsRejected() {
    assertThat(problems("{\"Variable\":\"$.v\",\"IsNull\":true,\"IsString\":false,\"Next\":\"A\"}", true))
        .containsExactly(schema("A choice rule must have only one comparison operator or one of And, Or, Not,"
            + " but has [IsNull, IsString]", AT));
    assertThat(problems("{\"And\":[{\"Variable\":\"$.v\",\"IsNull\":true}],\"Not\":{\"Variable\":\"$.v\",\"IsNull\":true},"
        + "\"Next\":\"A\"}", true))
        .containsExactly(schema("A choice rule must have only one comparison operator or one of And, Or, Not,"
            + " but has [And, Not]", AT));
  }

  @Test
  void comparisonRequiresVariable() {
    assertThat(problems("{\"StringEquals\":\"x\",\"Next\":\"A\"}", true))
        .containsExactly(schema("These fields are required: [Variable]", AT));
  }

  @Test
  void logicalRuleMustNotHaveVariable() {
    assertThat(problems("{\"Variable\":\"$.v\",\"Not\":{\"Variable\":\"$.v\",\"IsNull\":true},\"Next\":\"A\"}", true))
        .containsExactly(schema("Field 'Variable' is not supported", AT));
  }

  @Test
  void variableMustStartWithDollar() {
    assertThat(problems("{\"Variable\":\"Test\",\"StringMatches\":\"Test\",\"Next\":\"A\"}", true))
        .containsExactly(schema("Value is not a Reference Path: Reference path didn't start with '$'", AT + "/Variable"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"$.items[*].id", "$..id", "$.items[?(@.id > 1)]", "$.items[0:2]", "$.a.length()"})
  void variableMustBeAReferencePath(String path) {
    List<Diagnostic> found = problems("{\"Variable\":\"" + path + "\",\"IsNull\":true,\"Next\":\"A\"}", true);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).code()).isEqualTo("SCHEMA_VALIDATION_FAILED");
    assertThat(found.get(0).message()).startsWith("Value is not a Reference Path: ");
    assertThat(found.get(0).location()).isEqualTo(AT + "/Variable");
  }

  @ParameterizedTest
  @ValueSource(strings = {"$", "$.a", "$.a.b[0]['c d']", "$.input-value", "$$", "$$.Execution.Input.x", "$var",
      "$var.a[2].b", "$.a[10]"})
  void variableAcceptsInputContextAndVariableReferencePaths(String path) {
    assertThat(problems("{\"Variable\":\"" + path + "\",\"IsNull\":true,\"Next\":\"A\"}", true)).isEmpty();
  }

  @Test
  void variableMustBeAString() {
    assertThat(problems("{\"Variable\":5,\"IsNull\":true,\"Next\":\"A\"}", true))
        .containsExactly(schema("Expected value of type String", AT + "/Variable"));
  }

  @Test
  void pathOperandsMustBeReferencePaths() {
    assertThat(problems("{\"Variable\":\"$.a\",\"NumericEqualsPath\":\"b\",\"Next\":\"A\"}", true))
        .containsExactly(schema("Value is not a Reference Path: Reference path didn't start with '$'",
            AT + "/NumericEqualsPath"));
    assertThat(problems("{\"Variable\":\"$.a\",\"NumericEqualsPath\":5,\"Next\":\"A\"}", true))
        .containsExactly(schema("Expected value of type String", AT + "/NumericEqualsPath"));
    assertThat(problems("{\"Variable\":\"$.a\",\"StringEqualsPath\":\"$answer\",\"Next\":\"A\"}", true)).isEmpty();
  }

  @Test
  void operatorValuesMustHaveTheOperatorsType() {
    assertThat(problems("{\"Variable\":\"$.a\",\"StringEquals\":1,\"Next\":\"A\"}", true))
        .containsExactly(schema("Expected value of type String", AT + "/StringEquals"));
    assertThat(problems("{\"Variable\":\"$.a\",\"StringMatches\":null,\"Next\":\"A\"}", true))
        .containsExactly(schema("Expected value of type String", AT + "/StringMatches"));
    assertThat(problems("{\"Variable\":\"$.a\",\"NumericLessThan\":\"1\",\"Next\":\"A\"}", true))
        .containsExactly(schema("Expected value of type Number", AT + "/NumericLessThan"));
    assertThat(problems("{\"Variable\":\"$.a\",\"BooleanEquals\":\"true\",\"Next\":\"A\"}", true))
        .containsExactly(schema("Expected value of type Boolean", AT + "/BooleanEquals"));
    assertThat(problems("{\"Variable\":\"$.a\",\"TimestampEquals\":0,\"Next\":\"A\"}", true))
        .containsExactly(schema("Expected value of type String", AT + "/TimestampEquals"));
  }

  @ParameterizedTest
  @EnumSource(TypeTestOperator.class)
  void typeTestsTakeABoolean(TypeTestOperator operator) {
    assertThat(problems("{\"Variable\":\"$.a\",\"" + operator.awsName() + "\":true,\"Next\":\"A\"}", true)).isEmpty();
    assertThat(problems("{\"Variable\":\"$.a\",\"" + operator.awsName() + "\":\"true\",\"Next\":\"A\"}", true))
        .containsExactly(schema("Expected value of type Boolean", AT + "/" + operator.awsName()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2016-12-05T25:29:29Z", "2016-12-05 21:29:29Z", "2016-12-05T21:29:29", "2016-12-05", "now"})
  void timestampLiteralsMustBeTimestamps(String literal) {
    assertThat(problems("{\"Variable\":\"$.a\",\"TimestampLessThan\":\"" + literal + "\",\"Next\":\"A\"}", true))
        .containsExactly(schema("String does not match RFC3339 timestamp", AT + "/TimestampLessThan"));
  }

  @ParameterizedTest
  @EnumSource(ComparisonOperator.class)
  void everyComparisonOperatorParses(ComparisonOperator operator) {
    String value;
    if (operator.isPath()) {
      value = "\"$.b\"";
    } else {
      value = switch (operator.type()) {
        case STRING -> "\"x\"";
        case NUMERIC -> "1.5";
        case BOOLEAN -> "true";
        case TIMESTAMP -> "\"2016-03-14T01:59:00Z\"";
      };
    }
    List<Diagnostic> problems = new ArrayList<>();
    ChoiceRule rule = ChoiceRuleParser.parse(
        Json.parse("{\"Variable\":\"$.a\",\"" + operator.awsName() + "\":" + value + ",\"Next\":\"A\"}"),
        AT, true, problems::add);
    assertThat(problems).isEmpty();
    assertThat(rule).isInstanceOfSatisfying(Comparison.class, c -> {
      assertThat(c.operator()).isEqualTo(operator);
      assertThat(c.operand()).isInstanceOf(operator.isPath() ? Operand.Reference.class : Operand.Literal.class);
    });
  }

  @Test
  void thereAreThirtyTwoComparisonOperators() {
    assertThat(ComparisonOperator.values()).hasSize(32);
    assertThat(ComparisonOperator.byName("BooleanLessThan")).isNull();
    assertThat(ComparisonOperator.byName("TimestampGreaterThanEqualsPath"))
        .isEqualTo(ComparisonOperator.TIMESTAMP_GREATER_THAN_EQUALS_PATH);
  }

  @Test
  void andAndOrMustBeNonEmptyArrays() {
    assertThat(problems("{\"And\":[],\"Next\":\"A\"}", true))
        .containsExactly(schema("Value cannot be empty", AT + "/And"));
    assertThat(problems("{\"Or\":[],\"Next\":\"A\"}", true))
        .containsExactly(schema("Value cannot be empty", AT + "/Or"));
    assertThat(problems("{\"Or\":{\"Variable\":\"$.v\",\"IsNull\":true},\"Next\":\"A\"}", true))
        .containsExactly(schema("Expected value of type Array", AT + "/Or"));
  }

  @Test
  void notTakesOneRuleObject() {
    assertThat(problems("{\"Not\":[{\"Variable\":\"$.v\",\"IsNull\":true}],\"Next\":\"A\"}", true))
        .containsExactly(schema("Expected value of type Object", AT + "/Not"));
  }

  @Test
  void ruleMustBeAnObject() {
    assertThat(problems("\"$.v\"", true)).containsExactly(schema("Expected value of type Object", AT));
    assertThat(problems("{\"And\":[3],\"Next\":\"A\"}", true))
        .containsExactly(schema("Expected value of type Object", AT + "/And/0"));
  }

  @Test
  void problemsInNestedRulesPointIntoTheNesting() {
    List<Diagnostic> found = problems("{\"Or\":[{\"Variable\":\"$.a\",\"IsNull\":true},"
        + "{\"And\":[{\"Variable\":\"$.a\",\"IsNull\":true},{\"Variable\":\"a\",\"NumericEquals\":\"1\"}]},"
        + "{\"Not\":{\"StringEquals\":\"x\"}}],\"Next\":\"A\"}", true);
    assertThat(found).containsExactly(
        schema("Value is not a Reference Path: Reference path didn't start with '$'", AT + "/Or/1/And/1/Variable"),
        schema("Expected value of type Number", AT + "/Or/1/And/1/NumericEquals"),
        schema("These fields are required: [Variable]", AT + "/Or/2/Not"));
  }

  @Test
  void nestedLocationsFollowTheBracketedIndexStyleOfTheGivenLocation() {
    List<Diagnostic> problems = new ArrayList<>();
    ChoiceRuleParser.parse(Json.parse("{\"Not\":{\"And\":[{\"Variable\":\"$.a\",\"IsNull\":true},"
        + "{\"Variable\":\"a\",\"IsNull\":true}]},\"Next\":\"A\"}"),
        "/States/Check/Choices[2]", true, problems::add);
    assertThat(problems).containsExactly(schema("Value is not a Reference Path: Reference path didn't start with '$'",
        "/States/Check/Choices[2]/Not/And[1]/Variable"));
  }

  @Test
  void everyProblemOfARuleIsReported() {
    assertThat(problems("{\"Variable\":\"x\",\"TimestampEquals\":\"yesterday\",\"Extra\":true}", true))
        .containsExactly(
            schema("Field 'Extra' is not supported", AT),
            schema("These fields are required: [Next]", AT),
            schema("Value is not a Reference Path: Reference path didn't start with '$'", AT + "/Variable"),
            schema("String does not match RFC3339 timestamp", AT + "/TimestampEquals"));
  }

  @Test
  void parseReturnsNullWhenTheRuleHasAProblem() {
    List<Diagnostic> problems = new ArrayList<>();
    assertThat(ChoiceRuleParser.parse(Json.parse("{\"Variable\":\"$.v\",\"IsNull\":true}"), AT, true, problems::add))
        .isNull();
    assertThat(ChoiceRuleParser.parse(Json.parse("{\"And\":[{\"Variable\":\"$.v\",\"IsNull\":1}],\"Next\":\"A\"}"),
        AT, true, problems::add)).isNull();
    assertThat(problems).hasSize(2).allMatch(Diagnostic::isError);
  }

  @Test
  void parsedLogicalRulesKeepTheirStructure() {
    List<Diagnostic> problems = new ArrayList<>();
    ChoiceRule rule = ChoiceRuleParser.parse(Json.parse("{\"Or\":[{\"Not\":{\"Variable\":\"$.a\",\"IsNull\":true}},"
        + "{\"Variable\":\"$.b\",\"StringMatches\":\"x*\"}],\"Next\":\"A\"}"), AT, true, problems::add);
    assertThat(problems).isEmpty();
    assertThat(rule).isInstanceOfSatisfying(OrRule.class, or -> {
      assertThat(or.rules()).hasSize(2);
      assertThat(or.rules().get(0)).isInstanceOfSatisfying(NotRule.class,
          not -> assertThat(not.rule()).isInstanceOfSatisfying(TypeTest.class, test -> {
            assertThat(test.variable().text()).isEqualTo("$.a");
            assertThat(test.operator()).isEqualTo(TypeTestOperator.IS_NULL);
            assertThat(test.expected()).isTrue();
          }));
      assertThat(or.rules().get(1)).isInstanceOfSatisfying(StringMatch.class,
          m -> assertThat(m.pattern().segments()).containsExactly("x", ""));
    });
  }

  @Test
  void parsedLiteralIsACopyOfTheDefinition() {
    ObjectNode definition = (ObjectNode) Json.parse(
        "{\"Variable\":\"$.v\",\"StringEquals\":\"a\",\"Next\":\"A\"}");
    ChoiceRule rule = ChoiceRuleParser.parse(definition, AT, true, d -> { });
    definition.put("StringEquals", "b");
    assertThat(rule.matches(ChoiceTesting.scope("{\"v\":\"a\"}"))).isTrue();
  }
}
