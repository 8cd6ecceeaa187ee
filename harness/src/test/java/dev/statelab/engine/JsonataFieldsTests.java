package dev.statelab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.InvalidDefinitionException;
import dev.statelab.asl.StateMachine;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.history.HistoryEvent;
import dev.statelab.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every field that takes a JSONata expression, evaluated through the engine as AWS does. */
class JsonataFieldsTests {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private final World world = World.newInstance(WorldOptions.newBuilder().seed(11).startTime(START).build());

  @AfterEach
  void close() {
    world.close();
  }

  private Execution run(String definition, String input) {
    return world.run(StateMachine.parse(definition), Json.parse(input));
  }

  private static String jsonata(String states) {
    return "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"S\", \"States\": " + states + "}";
  }

  @Test
  void passOutputIsEvaluatedAgainstStatesInput() {
    Execution e = run(jsonata("""
        {"S": {"Type": "Pass", "Output": {"sum": "{% $sum($states.input.values) %}", "literal": "kept"}, "End": true}}"""),
        "{\"values\": [1, 2, 3.5]}");

    assertThat(e.output()).isEqualTo(Json.parse("{\"sum\": 6.5, \"literal\": \"kept\"}"));
  }

  @Test
  void taskArgumentsAreWhatTheFunctionReceivesAndResultFeedsOutput() {
    AtomicReference<JsonNode> received = new AtomicReference<>();
    world.integrations().function("Price", in -> {
      received.set(in);
      return Json.parse("{\"cents\": 1250}");
    });
    Execution e = run(jsonata("""
        {"S": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Arguments": {"FunctionName": "Price", "Payload": {"sku": "{% $states.input.sku %}"}},
          "Output": "{% $states.result.Payload.cents / 100 %}", "End": true}}"""),
        "{\"sku\": \"kettle\"}");

    assertThat(received.get()).isEqualTo(Json.parse("{\"sku\": \"kettle\"}"));
    assertThat(e.output()).isEqualTo(Json.parse("12.5"));
  }

  @Test
  void taskWithoutOutputReturnsTheResult() {
    world.integrations().function("Echo", in -> in);
    Execution e = run(jsonata("""
        {"S": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Echo",
          "Arguments": {"x": 1}, "End": true}}"""), "{}");

    assertThat(e.output()).isEqualTo(Json.parse("{\"x\": 1}"));
  }

  @Test
  void assignmentsReadValuesFromStateEntrySoASwapWorks() {
    Execution e = run(jsonata("""
        {"S": {"Type": "Pass", "Assign": {"x": 1, "y": 2}, "Next": "Swap"},
         "Swap": {"Type": "Pass", "Assign": {"x": "{% $y %}", "y": "{% $x %}"}, "Next": "Show"},
         "Show": {"Type": "Pass", "Output": {"x": "{% $x %}", "y": "{% $y %}"}, "End": true}}"""), "{}");

    assertThat(e.output()).isEqualTo(Json.parse("{\"x\": 2, \"y\": 1}"));
    HistoryEvent swapExit = e.history().stream()
        .filter(h -> h.type().equals("PassStateExited") && "Swap".equals(h.stateName())).findFirst().orElseThrow();
    assertThat(swapExit.toJson(true, true).get("stateExitedEventDetails").get("assignedVariables"))
        .isEqualTo(Json.parse("{\"x\": \"2\", \"y\": \"1\"}"));
  }

  @Test
  void mapItemsAndItemSelectorSeeTheItemInTheContext() {
    Execution e = run(jsonata("""
        {"S": {"Type": "Map", "Items": "{% $states.input.orders %}",
          "ItemSelector": {"n": "{% $states.context.Map.Item.Index %}", "id": "{% $states.context.Map.Item.Value.id %}"},
          "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}"""),
        "{\"orders\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}");

    assertThat(e.output()).isEqualTo(Json.parse("[{\"n\": 0, \"id\": \"a\"}, {\"n\": 1, \"id\": \"b\"}]"));
  }

  @Test
  void mapItemsThatAreNotAnArrayFailWithTheExpressionQuoted() {
    Execution e = run(jsonata("""
        {"S": {"Type": "Map", "Items": "{% $states.input.orders %}",
          "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}"""),
        "{\"orders\": {\"id\": \"a\"}}");

    assertThat(e.error()).isEqualTo("States.QueryEvaluationError");
    assertThat(e.cause()).isEqualTo("An error occurred while executing the state 'S' (entered at the event id #2). "
        + "The JSONata expression '$states.input.orders' specified for the field 'Items' returned an unexpected result type. "
        + "Expected 'array', but was 'object' for value: {\"id\":\"a\"}");
    assertThat(e.history()).extracting(HistoryEvent::type)
        .containsExactly("ExecutionStarted", "MapStateEntered", "EvaluationFailed", "MapStateFailed", "ExecutionFailed");
  }

  @Test
  void mapMaxConcurrencyAndToleratedFailuresTakeExpressions() {
    Execution e = run(jsonata("""
        {"S": {"Type": "Map", "Items": [1, 2, 3, 4], "MaxConcurrency": "{% $states.input.lanes %}",
          "ToleratedFailureCount": "{% 2 %}",
          "ItemProcessor": {"StartAt": "C", "States": {
            "C": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input > 2 %}", "Next": "Bad"}], "Default": "Ok"},
            "Bad": {"Type": "Fail", "Error": "TooBig"},
            "Ok": {"Type": "Pass", "End": true}}}, "End": true}}"""),
        "{\"lanes\": 1}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output().get(0)).isEqualTo(Json.parse("1"));
    assertThat(e.output().get(3).get("Error").asText()).isEqualTo("TooBig");
  }

  @Test
  void choiceConditionPicksTheRuleAndTheRuleOutputAndAssignApply() {
    Execution e = run(jsonata("""
        {"S": {"Type": "Choice", "Choices": [
            {"Condition": "{% $states.input.total > 100 %}", "Next": "Big", "Output": {"size": "big"}, "Assign": {"flag": true}}],
          "Default": "Small"},
         "Big": {"Type": "Pass", "Output": {"seen": "{% $states.input.size %}", "flag": "{% $flag %}"}, "End": true},
         "Small": {"Type": "Pass", "End": true}}"""), "{\"total\": 250}");

    assertThat(e.output()).isEqualTo(Json.parse("{\"seen\": \"big\", \"flag\": true}"));
  }

  @Test
  void choiceConditionThatIsNotABooleanFails() {
    Execution e = run(jsonata("""
        {"S": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.total %}", "Next": "A"}], "Default": "A"},
         "A": {"Type": "Succeed"}}"""), "{\"total\": 3}");

    assertThat(e.error()).isEqualTo("States.QueryEvaluationError");
    assertThat(e.cause()).contains("specified for the field 'Condition'").contains("Expected 'boolean'");
  }

  @Test
  void waitSecondsAndTimestampTakeExpressionsOnTheVirtualClock() {
    Execution seconds = run(jsonata("""
        {"S": {"Type": "Wait", "Seconds": "{% $states.input.hours * 3600 %}", "End": true}}"""), "{\"hours\": 5}");
    List<HistoryEvent> h = seconds.history();
    assertThat(Duration.between(h.get(1).timestamp(), h.get(2).timestamp())).isEqualTo(Duration.ofHours(5));

    Execution timestamp = run(jsonata("""
        {"S": {"Type": "Wait", "Timestamp": "{% $states.input.at %}", "End": true}}"""), "{\"at\": \"2026-03-01T00:00:00Z\"}");
    assertThat(timestamp.stopDate()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
  }

  @Test
  void failErrorAndCauseTakeExpressions() {
    Execution e = run(jsonata("""
        {"S": {"Type": "Fail", "Error": "{% $states.input.code %}", "Cause": "{% 'order ' & $states.input.id & ' rejected' %}"}}"""),
        "{\"code\": \"Order.Rejected\", \"id\": \"7\"}");

    assertThat(e.error()).isEqualTo("Order.Rejected");
    assertThat(e.cause()).isEqualTo("order 7 rejected");
  }

  @Test
  void taskTimeoutSecondsTakesAnExpression() {
    world.integrations().asyncFunction("Slow", request -> new java.util.concurrent.CompletableFuture<>());
    Execution e = world.start(StateMachine.parse(jsonata("""
        {"S": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Slow",
          "TimeoutSeconds": "{% $states.input.limit %}", "End": true}}""")), Json.parse("{\"limit\": 30}"));
    world.advanceBy(Duration.ofSeconds(31));

    assertThat(e.error()).isEqualTo("States.Timeout");
    assertThat(e.history()).extracting(HistoryEvent::type).contains("LambdaFunctionTimedOut");
  }

  @Test
  void catcherOutputAndAssignSeeTheErrorOutput() {
    world.integrations().function("Charge", in -> {
      throw new StatesError("Card.Declined", "expired");
    });
    Execution e = run(jsonata("""
        {"S": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Charge",
          "Catch": [{"ErrorEquals": ["Card.Declined"], "Next": "Declined",
            "Output": {"why": "{% $states.errorOutput.Cause %}"}, "Assign": {"lastError": "{% $states.errorOutput.Error %}"}}],
          "End": true},
         "Declined": {"Type": "Pass", "Output": {"why": "{% $states.input.why %}", "error": "{% $lastError %}"}, "End": true}}"""),
        "{}");

    assertThat(e.output()).isEqualTo(Json.parse("{\"why\": \"expired\", \"error\": \"Card.Declined\"}"));
  }

  @Test
  void undefinedVariableMakesTheFieldReturnNothing() {
    Execution e = run(jsonata("""
        {"S": {"Type": "Pass", "Output": {"x": "{% $missing %}"}, "End": true}}"""), "{}");

    assertThat(e.error()).isEqualTo("States.QueryEvaluationError");
    assertThat(e.cause()).endsWith("The JSONata expression '$missing' specified for the field 'Output/x' returned nothing (undefined).");
  }

  @Test
  void randomAndUuidDrawFromTheWorldSeed() {
    String definition = jsonata("""
        {"S": {"Type": "Pass", "Output": {"r": "{% $random() %}", "id": "{% $uuid() %}"}, "End": true}}""");
    JsonNode first;
    try (World a = World.newInstance(WorldOptions.newBuilder().seed(5).build())) {
      first = a.run(StateMachine.parse(definition), Json.object()).output();
    }
    try (World b = World.newInstance(WorldOptions.newBuilder().seed(5).build())) {
      assertThat(b.run(StateMachine.parse(definition), Json.object()).output()).isEqualTo(first);
    }
    try (World c = World.newInstance(WorldOptions.newBuilder().seed(6).build())) {
      assertThat(c.run(StateMachine.parse(definition), Json.object()).output()).isNotEqualTo(first);
    }
  }

  @Test
  void nowIsTheWorldClock() {
    Execution e = run(jsonata("""
        {"S": {"Type": "Pass", "Output": "{% $now() %}", "End": true}}"""), "{}");

    assertThat(e.output().asText()).startsWith("2026-01-01T00:00:00");
  }

  @Test
  void aJsonPathMachineMayHoldJsonataStatesAndVariablesCrossBetweenThem() {
    Execution e = run("""
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Assign": {"answer.$": "$.value"}, "Next": "B"},
          "B": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% $answer + 1 %}", "End": true}}}""",
        "{\"value\": 41}");

    assertThat(e.output()).isEqualTo(Json.parse("42"));
  }

  @Test
  void aJsonataMachineRejectsAJsonPathState() {
    assertThatThrownBy(() -> StateMachine.parse(jsonata("""
        {"S": {"Type": "Pass", "QueryLanguage": "JSONPath", "End": true}}""")))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("/States/S/QueryLanguage");
  }

  @Test
  void jsonPathFieldsAreRejectedInJsonataStates() {
    assertThatThrownBy(() -> StateMachine.parse(jsonata("""
        {"S": {"Type": "Pass", "InputPath": "$.a", "Parameters": {"b.$": "$.b"}, "End": true}}""")))
        .isInstanceOf(InvalidDefinitionException.class)
        .satisfies(t -> assertThat(((InvalidDefinitionException) t).diagnostics())
            .extracting(d -> d.location()).contains("/States/S/InputPath", "/States/S/Parameters"));
  }

  @Test
  void aNestedScopeMayNotAssignAVariableItsParentAssigns() {
    assertThatThrownBy(() -> StateMachine.parse(jsonata("""
        {"S": {"Type": "Pass", "Assign": {"total": 0}, "Next": "P"},
         "P": {"Type": "Parallel", "End": true, "Branches": [
           {"StartAt": "B", "States": {"B": {"Type": "Pass", "Assign": {"total": 1}, "End": true}}}]}}""")))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("/States/P/Branches/0/States/B/Assign/total");
  }

  @Test
  void aBranchReadsOuterVariablesButItsOwnDisappearWithIt() {
    Execution e = run(jsonata("""
        {"S": {"Type": "Pass", "Assign": {"rate": 3}, "Next": "P"},
         "P": {"Type": "Parallel", "Next": "After", "Branches": [
           {"StartAt": "B", "States": {"B": {"Type": "Pass", "Assign": {"inner": 1},
             "Next": "C"}, "C": {"Type": "Pass", "Output": "{% $rate + $inner %}", "End": true}}}]},
         "After": {"Type": "Pass", "Output": {"branches": "{% $states.input %}", "rate": "{% $rate %}"}, "End": true}}"""), "{}");

    assertThat(e.output()).isEqualTo(Json.parse("{\"branches\": [4], \"rate\": 3}"));
  }
}
