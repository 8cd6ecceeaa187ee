package dev.statelab.engine;

import static dev.statelab.engine.EngineTesting.json;
import static dev.statelab.engine.EngineTesting.run;
import static dev.statelab.engine.EngineTesting.types;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Choice states as the engine runs them: routing, Default, NoChoiceMatched, Choice inside Parallel. */
class ChoiceStateTests {

  private static final String ROUTER = """
      {"StartAt":"Route","States":{
        "Route":{"Type":"Choice","Choices":[
            {"Variable":"$.n","NumericLessThan":10,"Next":"Small"},
            {"Variable":"$.n","NumericLessThan":100,"Next":"Medium"}],
          "Default":"Large"},
        "Small":{"Type":"Pass","Result":"small","End":true},
        "Medium":{"Type":"Pass","Result":"medium","End":true},
        "Large":{"Type":"Pass","Result":"large","End":true}}}""";

  private final World world = EngineTesting.newWorld();

  @AfterEach
  void closeWorld() {
    world.close();
  }

  @Test
  void routesToTheNextOfTheMatchingRule() {
    assertThat(run(world, ROUTER, "{\"n\":50}").output()).isEqualTo(json("\"medium\""));
  }

  @Test
  void theFirstMatchingRuleWinsEvenWhenALaterOneAlsoMatches() {
    assertThat(run(world, ROUTER, "{\"n\":5}").output()).isEqualTo(json("\"small\""));
  }

  @Test
  void defaultIsTakenWhenNoRuleMatches() {
    assertThat(run(world, ROUTER, "{\"n\":500}").output()).isEqualTo(json("\"large\""));
  }

  @Test
  void choiceHistoryShowsEnteredAndExitedThenTheChosenState() {
    Execution e = run(world, ROUTER, "{\"n\":5}");

    assertThat(types(e)).containsExactly(
        "ExecutionStarted", "ChoiceStateEntered", "ChoiceStateExited", "PassStateEntered", "PassStateExited",
        "ExecutionSucceeded");
    assertThat(e.history().get(3).stateName()).isEqualTo("Small");
  }

  @Test
  void noMatchingRuleAndNoDefaultFailsTheExecutionWithNoChoiceMatched() {
    Execution e = run(world, """
        {"StartAt":"Route","States":{
          "Route":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":1,"Next":"One"}]},
          "One":{"Type":"Succeed"}}}""", "{\"n\":2}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("States.NoChoiceMatched");
    assertThat(types(e)).containsExactly("ExecutionStarted", "ChoiceStateEntered", "ExecutionFailed");
  }

  @Test
  void choiceOutputIsItsInputFilteredByInputPathAndOutputPath() {
    Execution e = run(world, """
        {"StartAt":"Route","States":{
          "Route":{"Type":"Choice","InputPath":"$.payload","OutputPath":"$.keep",
            "Choices":[{"Variable":"$.flag","BooleanEquals":true,"Next":"Done"}]},
          "Done":{"Type":"Succeed"}}}""", "{\"payload\":{\"flag\":true,\"keep\":{\"k\":1}},\"other\":2}");

    assertThat(e.output()).isEqualTo(json("{\"k\":1}"));
  }

  @Test
  void rulesSeeTheInputAfterInputPath() {
    Execution e = run(world, """
        {"StartAt":"Route","States":{
          "Route":{"Type":"Choice","InputPath":"$.inner",
            "Choices":[{"Variable":"$.v","StringEquals":"yes","Next":"Yes"}],"Default":"No"},
          "Yes":{"Type":"Pass","Result":"yes","End":true},
          "No":{"Type":"Pass","Result":"no","End":true}}}""", "{\"inner\":{\"v\":\"yes\"},\"v\":\"no\"}");

    assertThat(e.output()).isEqualTo(json("\"yes\""));
  }

  @Test
  void choiceCanLoopBackToAnEarlierState() {
    Execution e = run(world, """
        {"StartAt":"Inc","States":{
          "Inc":{"Type":"Pass","Parameters":{"n.$":"States.MathAdd($.n, 1)"},"Next":"Check"},
          "Check":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericLessThan":5,"Next":"Inc"}],"Default":"Done"},
          "Done":{"Type":"Succeed"}}}""", "{\"n\":0}");

    assertThat(e.output()).isEqualTo(json("{\"n\":5}"));
    assertThat(e.history().stream().filter(h -> h.type().equals("ChoiceStateEntered")).count()).isEqualTo(5);
  }

  @Test
  void choiceInsideAParallelBranchRoutesWithinTheBranch() {
    Execution e = run(world, """
        {"StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"Route","States":{
            "Route":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":0,"Next":"Pos"}],"Default":"Neg"},
            "Pos":{"Type":"Pass","Result":"positive","End":true},
            "Neg":{"Type":"Pass","Result":"negative","End":true}}},
          {"StartAt":"Echo","States":{"Echo":{"Type":"Pass","End":true}}}]}}}""", "{\"n\":3}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(json("[\"positive\",{\"n\":3}]"));
  }

  @Test
  void noChoiceMatchedInsideAParallelIsCaughtByTheParallelsCatch() {
    Execution e = run(world, """
        {"StartAt":"Par","States":{
          "Par":{"Type":"Parallel","Next":"Unreached",
            "Catch":[{"ErrorEquals":["States.NoChoiceMatched"],"ResultPath":"$.error","Next":"Handled"}],
            "Branches":[{"StartAt":"Route","States":{
              "Route":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":1,"Next":"One"}]},
              "One":{"Type":"Succeed"}}}]},
          "Unreached":{"Type":"Fail","Error":"Unreached"},
          "Handled":{"Type":"Pass","End":true}}}""", "{\"n\":2}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output().get("n").asInt()).isEqualTo(2);
    assertThat(e.output().get("error").get("Error").asText()).isEqualTo("States.NoChoiceMatched");
    assertThat(types(e)).contains("ParallelStateFailed", "ParallelStateExited");
  }

  @Test
  void aRuleReadingAMissingPathFailsTheExecutionWithStatesRuntime() {
    Execution e = run(world, """
        {"StartAt":"Route","States":{
          "Route":{"Type":"Choice","Choices":[{"Variable":"$.missing","NumericEquals":1,"Next":"Done"}],"Default":"Done"},
          "Done":{"Type":"Succeed"}}}""", "{\"n\":1}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("States.Runtime");
    assertThat(e.cause()).startsWith("An error occurred while executing the state 'Route' (entered at the event id #2).");
  }

  @Test
  void isPresentGuardsAMissingPathInsteadOfFailing() {
    Execution e = run(world, """
        {"StartAt":"Route","States":{
          "Route":{"Type":"Choice","Choices":[{"And":[
              {"Variable":"$.missing","IsPresent":true},{"Variable":"$.missing","NumericEquals":1}],"Next":"Found"}],
            "Default":"NotFound"},
          "Found":{"Type":"Pass","Result":"found","End":true},
          "NotFound":{"Type":"Pass","Result":"not found","End":true}}}""", "{}");

    assertThat(e.output()).isEqualTo(json("\"not found\""));
  }
}
