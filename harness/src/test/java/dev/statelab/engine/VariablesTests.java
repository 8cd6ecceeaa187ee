package dev.statelab.engine;

import static dev.statelab.engine.EngineTesting.FUNCTION_ARN;
import static dev.statelab.engine.EngineTesting.at;
import static dev.statelab.engine.EngineTesting.exited;
import static dev.statelab.engine.EngineTesting.json;
import static dev.statelab.engine.EngineTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.history.HistoryEvent;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** JSONPath-mode workflow variables: Assign, {@code $var} references, scopes and history. */
class VariablesTests {

  private final World world = EngineTesting.newWorld();

  @AfterEach
  void closeWorld() {
    world.close();
  }

  @Test
  void assignedVariablesAreReadableInLaterParameters() {
    Execution e = run(world, """
        {"StartAt":"Set","States":{
          "Set":{"Type":"Pass","Assign":{"literal":"L","fromInput.$":"$.v","obj":{"k":[1,2]}},"Next":"Use"},
          "Use":{"Type":"Pass","Parameters":{"a.$":"$literal","b.$":"$fromInput","c.$":"$obj.k[1]"},"End":true}}}""",
        "{\"v\":99}");

    assertThat(e.output()).isEqualTo(json("{\"a\":\"L\",\"b\":99,\"c\":2}"));
  }

  @Test
  void assignDoesNotChangeTheStateOutput() {
    Execution e = run(world, """
        {"StartAt":"Set","States":{"Set":{"Type":"Pass","Assign":{"x":1},"End":true}}}""", "{\"in\":true}");

    assertThat(e.output()).isEqualTo(json("{\"in\":true}"));
  }

  @Test
  void inAPassStateAssignReadsTheResultNotTheInput() {
    Execution e = run(world, """
        {"StartAt":"State0","States":{
          "State0":{"Type":"Pass","Result":{"answer":42},"Assign":{"theAnswer.$":"$.answer"},"Next":"Read"},
          "Read":{"Type":"Pass","Parameters":{"v.$":"$theAnswer"},"End":true}}}""", "{\"answer\":0}");

    assertThat(e.output()).isEqualTo(json("{\"v\":42}"));
  }

  @Test
  void inATaskAssignReadsTheResultAfterResultSelector() {
    world.integrations().function("Fn", in -> json("{\"raw\":{\"n\":5}}"));

    Execution e = run(world, """
        {"StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"%sFn","ResultSelector":{"n.$":"$.raw.n"},"ResultPath":"$.r",
            "Assign":{"n.$":"$.n"},"Next":"Read"},
          "Read":{"Type":"Pass","Parameters":{"n.$":"$n"},"End":true}}}""".formatted(FUNCTION_ARN), "{}");

    assertThat(e.output()).isEqualTo(json("{\"n\":5}"));
  }

  @Test
  void variablesMayBeUsedAsInputPathAndOutputPath() {
    Execution e = run(world, """
        {"StartAt":"State0","States":{
          "State0":{"Type":"Pass","Result":{"theQuestion":"What is the answer?"},
            "Assign":{"question.$":"$.theQuestion","answer":42},"Next":"State1"},
          "State1":{"Type":"Pass","InputPath":"$answer","ResultPath":"$.theAnswer","OutputPath":"$answer",
            "Assign":{"answer":"<omitted>"},"End":true}}}""", "{}");

    assertThat(e.output()).isEqualTo(json("42"));
  }

  @Test
  void allExpressionsOfOneAssignSeeTheValuesFromBeforeTheState() {
    Execution e = run(world, """
        {"StartAt":"Init","States":{
          "Init":{"Type":"Pass","Assign":{"x":"X","y":"Y"},"Next":"Swap"},
          "Swap":{"Type":"Pass","Assign":{"x.$":"$y","y.$":"$x"},"Next":"Read"},
          "Read":{"Type":"Pass","Parameters":{"x.$":"$x","y.$":"$y"},"End":true}}}""", "{}");

    assertThat(e.output()).isEqualTo(json("{\"x\":\"Y\",\"y\":\"X\"}"));
  }

  @Test
  void theStateExitedEventListsAssignedVariablesAsJsonText() {
    Execution e = run(world, """
        {"StartAt":"State0","States":{"State0":{"Type":"Pass",
          "Result":{"theQuestion":"What is the answer to life the universe and everything?"},
          "Assign":{"question.$":"$.theQuestion","answer":42},"End":true}}}""", "{}");

    HistoryEvent exit = exited(e, "State0");
    JsonNode rendered = exit.toJson(true, true).get("stateExitedEventDetails");
    assertThat(rendered.get("assignedVariables")).isEqualTo(json(
        "{\"question\":\"\\\"What is the answer to life the universe and everything?\\\"\",\"answer\":\"42\"}"));
    assertThat(rendered.get("assignedVariablesDetails")).isEqualTo(json("{\"truncated\":false}"));
    assertThat(exit.details().get("assignedVariables").get("answer")).isEqualTo(json("42"));
  }

  @Test
  void aStateWithoutAssignListsNoAssignedVariables() {
    Execution e = run(world, """
        {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", "{}");

    assertThat(exited(e, "P").details().has("assignedVariables")).isFalse();
  }

  @Test
  void assignMayCallIntrinsicFunctionsOverVariables() {
    Execution e = run(world, """
        {"StartAt":"A","States":{
          "A":{"Type":"Pass","Assign":{"n":40},"Next":"B"},
          "B":{"Type":"Pass","Assign":{"m.$":"States.MathAdd($n, 2)"},"Next":"C"},
          "C":{"Type":"Pass","Parameters":{"m.$":"$m"},"End":true}}}""", "{}");

    assertThat(e.output()).isEqualTo(json("{\"m\":42}"));
  }

  @Test
  void choiceRulesMayCompareVariables() {
    Execution e = run(world, """
        {"StartAt":"Setup","States":{
          "Setup":{"Type":"Pass","Assign":{"guess":"the_guess","answer":"the_answer"},"Next":"CheckAnswer"},
          "CheckAnswer":{"Type":"Choice","Choices":[{"Variable":"$guess","StringEqualsPath":"$answer","Next":"CorrectAnswer"}],
            "Default":"WrongAnswer"},
          "CorrectAnswer":{"Type":"Pass","Result":{"state":"CORRECT"},"End":true},
          "WrongAnswer":{"Type":"Pass","Assign":{"guess.$":"$answer"},"Result":{"state":"WRONG"},"Next":"CheckAnswer"}}}""",
        "{}");

    assertThat(e.output()).isEqualTo(json("{\"state\":\"CORRECT\"}"));
    assertThat(e.history().stream().filter(h -> "WrongAnswer".equals(h.stateName())).count()).isEqualTo(2);
  }

  @Test
  void aChoiceRulesAssignAppliesWhenThatRuleMatches() {
    Execution e = run(world, """
        {"StartAt":"C","States":{
          "C":{"Type":"Choice","Assign":{"route":"default"},
            "Choices":[{"Variable":"$.n","NumericEquals":1,"Assign":{"route":"one"},"Next":"Read"}],"Default":"Read"},
          "Read":{"Type":"Pass","Parameters":{"route.$":"$route"},"End":true}}}""", "{\"n\":1}");

    assertThat(e.output()).isEqualTo(json("{\"route\":\"one\"}"));
  }

  @Test
  void aChoiceStatesAssignAppliesWhenDefaultIsTaken() {
    Execution e = run(world, """
        {"StartAt":"C","States":{
          "C":{"Type":"Choice","Assign":{"route":"default"},
            "Choices":[{"Variable":"$.n","NumericEquals":1,"Assign":{"route":"one"},"Next":"Read"}],"Default":"Read"},
          "Read":{"Type":"Pass","Parameters":{"route.$":"$route"},"End":true}}}""", "{\"n\":2}");

    assertThat(e.output()).isEqualTo(json("{\"route\":\"default\"}"));
  }

  @Test
  void waitMayReadItsDelayFromAVariable() {
    Execution e = run(world, """
        {"StartAt":"Start","States":{
          "Start":{"Type":"Pass","Assign":{"waitTime":30,"until":"2024-01-01T00:05:00Z"},"Next":"WaitSeconds"},
          "WaitSeconds":{"Type":"Wait","SecondsPath":"$waitTime","Next":"WaitUntil"},
          "WaitUntil":{"Type":"Wait","TimestampPath":"$until","End":true}}}""", "{}");

    assertThat(at(exited(e, "WaitSeconds"))).isEqualTo(Duration.ofSeconds(30));
    assertThat(at(exited(e, "WaitUntil"))).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void mapIterationsReadOuterVariables() {
    Execution e = run(world, """
        {"StartAt":"State0","States":{
          "State0":{"Type":"Pass","Assign":{"x":42,"items":[1,2,3]},"Next":"State1"},
          "State1":{"Type":"Map","ItemsPath":"$items","MaxConcurrency":1,"Next":"State2",
            "ItemProcessor":{"StartAt":"Inner","States":{
              "Inner":{"Type":"Pass","Parameters":{"item.$":"$","x.$":"$x"},"End":true}}}},
          "State2":{"Type":"Pass","End":true}}}""", "{}");

    assertThat(e.output()).isEqualTo(json("[{\"item\":1,\"x\":42},{\"item\":2,\"x\":42},{\"item\":3,\"x\":42}]"));
  }

  @Test
  void concurrentMapIterationsKeepTheirOwnVariables() {
    Execution e = run(world, """
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"Keep","States":{
          "Keep":{"Type":"Pass","Assign":{"mine.$":"$"},"Next":"Pause"},
          "Pause":{"Type":"Wait","Seconds":1,"Next":"Read"},
          "Read":{"Type":"Pass","Parameters":{"mine.$":"$mine"},"End":true}}}}}}""", "[\"a\",\"b\",\"c\"]");

    assertThat(e.output()).isEqualTo(json("[{\"mine\":\"a\"},{\"mine\":\"b\"},{\"mine\":\"c\"}]"));
  }

  @Test
  void nestedIterationsReadEveryEnclosingScope() {
    Execution e = run(world, """
        {"StartAt":"Input","States":{
          "Input":{"Type":"Pass","Result":[[9,44,6],[82,25,76]],"Assign":{"bias":4},"Next":"Levels"},
          "Levels":{"Type":"Map","MaxConcurrency":1,"End":true,"ItemProcessor":{"StartAt":"Vector","States":{
            "Vector":{"Type":"Pass","Assign":{"x.$":"$[0]","y.$":"$[1]","z.$":"$[2]"},"Next":"Calc"},
            "Calc":{"Type":"Map","MaxConcurrency":1,"End":true,"ItemProcessor":{"StartAt":"Sum","States":{
              "Sum":{"Type":"Pass","Parameters":{"sum.$":"States.MathAdd(States.MathAdd(States.MathAdd($y, $x), $z), $bias)"},
                "End":true}}}}}}}}}""", "{}");

    assertThat(e.output()).isEqualTo(json(
        "[[{\"sum\":63},{\"sum\":63},{\"sum\":63}],[{\"sum\":187},{\"sum\":187},{\"sum\":187}]]"));
  }

  @Test
  void mapItemsPathMayBeAVariable() {
    Execution e = run(world, """
        {"StartAt":"Set","States":{
          "Set":{"Type":"Pass","Assign":{"list":["p","q"]},"Next":"M"},
          "M":{"Type":"Map","ItemsPath":"$list","End":true,"ItemProcessor":{"StartAt":"P","States":{
            "P":{"Type":"Pass","End":true}}}}}}""", "{}");

    assertThat(e.output()).isEqualTo(json("[\"p\",\"q\"]"));
  }

  @Test
  void aCatchersAssignReadsTheErrorOutput() {
    world.integrations().function("Boom", in -> {
      throw new StatesError("Oops", "it broke");
    });

    Execution e = run(world, """
        {"StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"%sBoom","Assign":{"result":"SUCCESS"},
            "Catch":[{"ErrorEquals":["States.ALL"],"Assign":{"result.$":"$.Error","why.$":"$.Cause"},"Next":"Read"}],
            "End":true},
          "Read":{"Type":"Pass","Parameters":{"result.$":"$result","why.$":"$why"},"End":true}}}""".formatted(FUNCTION_ARN),
        "{}");

    assertThat(e.output()).isEqualTo(json("{\"result\":\"Oops\",\"why\":\"it broke\"}"));
  }

  @Test
  void aVariableAssignedInALoopKeepsItsLatestValue() {
    Execution e = run(world, """
        {"StartAt":"Init","States":{
          "Init":{"Type":"Pass","Assign":{"i":0},"Next":"Inc"},
          "Inc":{"Type":"Pass","Assign":{"i.$":"States.MathAdd($i, 1)"},"Next":"Check"},
          "Check":{"Type":"Choice","Choices":[{"Variable":"$i","NumericLessThan":3,"Next":"Inc"}],"Default":"Done"},
          "Done":{"Type":"Pass","Parameters":{"i.$":"$i"},"End":true}}}""", "{}");

    assertThat(e.output()).isEqualTo(json("{\"i\":3}"));
  }
}
