package dev.statelab.engine;

import static dev.statelab.engine.EngineTesting.at;
import static dev.statelab.engine.EngineTesting.entered;
import static dev.statelab.engine.EngineTesting.events;
import static dev.statelab.engine.EngineTesting.exited;
import static dev.statelab.engine.EngineTesting.json;
import static dev.statelab.engine.EngineTesting.run;
import static dev.statelab.engine.EngineTesting.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.history.HistoryEvent;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelStateTests {

  private final World world = EngineTesting.newWorld();

  @AfterEach
  void closeWorld() {
    world.close();
  }

  @Test
  void outputIsAnArrayInBranchOrderWhateverOrderTheyFinishIn() {
    Execution e = run(world, """
        {"StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"Slow","States":{"Slow":{"Type":"Wait","Seconds":30,"Next":"R1"},"R1":{"Type":"Pass","Result":"first","End":true}}},
          {"StartAt":"Fast","States":{"Fast":{"Type":"Pass","Result":"second","End":true}}}]}}}""", "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(json("[\"first\",\"second\"]"));
  }

  @Test
  void branchesRunConcurrently() {
    Execution e = run(world, """
        {"StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"W10","States":{"W10":{"Type":"Wait","Seconds":10,"End":true}}},
          {"StartAt":"W20","States":{"W20":{"Type":"Wait","Seconds":20,"End":true}}},
          {"StartAt":"W15","States":{"W15":{"Type":"Wait","Seconds":15,"End":true}}}]}}}""", "{}");

    assertThat(at(exited(e, "Par"))).isEqualTo(Duration.ofSeconds(20));
    assertThat(at(exited(e, "W10"))).isEqualTo(Duration.ofSeconds(10));
    assertThat(at(exited(e, "W15"))).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void everyBranchReceivesTheEffectiveInput() {
    Execution e = run(world, """
        {"StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,"InputPath":"$.in",
          "Parameters":{"v.$":"$.v","fixed":1},
          "Branches":[
            {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
            {"StartAt":"B","States":{"B":{"Type":"Pass","InputPath":"$.v","End":true}}}]}}}""",
        "{\"in\":{\"v\":\"x\"},\"other\":0}");

    assertThat(e.output()).isEqualTo(json("[{\"v\":\"x\",\"fixed\":1},\"x\"]"));
  }

  @Test
  void resultSelectorResultPathAndOutputPathShapeTheBranchResults() {
    Execution e = run(world, """
        {"StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,
          "ResultSelector":{"a.$":"$[0]","b.$":"$[1].v"},"ResultPath":"$.results","OutputPath":"$.results",
          "Branches":[
            {"StartAt":"A","States":{"A":{"Type":"Pass","Result":1,"End":true}}},
            {"StartAt":"B","States":{"B":{"Type":"Pass","Result":{"v":2},"End":true}}}]}}}""", "{\"in\":0}");

    assertThat(e.output()).isEqualTo(json("{\"a\":1,\"b\":2}"));
  }

  @Test
  void historyWrapsBranchEventsInParallelStartedAndSucceeded() {
    Execution e = run(world, """
        {"StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}]}}}""", "{}");

    assertThat(types(e)).containsExactly(
        "ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted", "PassStateEntered", "PassStateExited",
        "ParallelStateSucceeded", "ParallelStateExited", "ExecutionSucceeded");
  }

  @Test
  void aFailingBranchFailsTheParallelWithTheBranchesOwnError() {
    Execution e = run(world, """
        {"Comment":"PARALLEL_STATE_FAIL","StartAt":"ParallelState","States":{"ParallelState":{"Type":"Parallel",
          "End":true,"Branches":[{"StartAt":"Branch1","States":{"Branch1":{"Type":"Fail","Error":"FailureType"}}}]}}}""",
        "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("FailureType");
    assertThat(e.cause()).isNull();
    assertThat(types(e)).containsExactly(
        "ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted", "FailStateEntered", "ParallelStateFailed",
        "ExecutionFailed");
  }

  @Test
  void aFailingBranchStopsTheOtherBranches() {
    Execution e = run(world, """
        {"StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"Long","States":{"Long":{"Type":"Wait","Seconds":3600,"Next":"Never"},
                                      "Never":{"Type":"Pass","End":true}}},
          {"StartAt":"Short","States":{"Short":{"Type":"Wait","Seconds":5,"Next":"Boom"},
                                       "Boom":{"Type":"Fail","Error":"Boom","Cause":"branch 2"}}}]}}}""", "{}");

    assertThat(e.error()).isEqualTo("Boom");
    assertThat(e.stopDate()).isEqualTo(EngineTesting.START.plusSeconds(5));
    assertThat(e.history().stream().map(HistoryEvent::stateName)).doesNotContain("Never");
    assertThat(events(e, "WaitStateExited")).hasSize(1);
  }

  @Test
  void catchOnTheParallelReceivesTheBranchError() {
    Execution e = run(world, """
        {"StartAt":"ParallelState","States":{
          "ParallelState":{"Type":"Parallel","Branches":[{"StartAt":"Branch1","States":{
              "Branch1":{"Type":"Fail","Error":"FailureType","Cause":"Cause description"}}}],
            "Catch":[{"ErrorEquals":["FailureType"],"Next":"FinalCaught"}],"Next":"Final"},
          "FinalCaught":{"Type":"Pass","End":true},
          "Final":{"Type":"Pass","End":true}}}""", "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(json("{\"Error\":\"FailureType\",\"Cause\":\"Cause description\"}"));
    assertThat(types(e)).containsExactly(
        "ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted", "FailStateEntered", "ParallelStateFailed",
        "ParallelStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
  }

  @Test
  void retryRunsEveryBranchAgain() {
    Execution e = run(world, """
        {"StartAt":"ParallelState","States":{
          "ParallelState":{"Type":"Parallel","Branches":[
              {"StartAt":"Branch1","States":{"Branch1":{"Type":"Fail","Error":"FailureType","Cause":"Cause description"}}},
              {"StartAt":"Branch2","States":{"Branch2":{"Type":"Pass","End":true}}}],
            "Retry":[{"ErrorEquals":["FailureType"],"MaxAttempts":2}],"Next":"Final"},
          "Final":{"Type":"Pass","End":true}}}""", "{}");

    assertThat(e.error()).isEqualTo("FailureType");
    assertThat(e.cause()).isEqualTo("Cause description");
    assertThat(events(e, "ParallelStateStarted")).hasSize(3);
    assertThat(events(e, "FailStateEntered")).hasSize(3);
    assertThat(events(e, "ParallelStateFailed")).hasSize(1);
    assertThat(EngineTesting.gapsBetween(e, "ParallelStateStarted"))
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void nestedParallelsProduceNestedArrays() {
    Execution e = run(world, """
        {"StartAt":"Outer","States":{"Outer":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"Inner","States":{"Inner":{"Type":"Parallel","End":true,"Branches":[
            {"StartAt":"A","States":{"A":{"Type":"Pass","Result":"a","End":true}}},
            {"StartAt":"B","States":{"B":{"Type":"Pass","Result":"b","End":true}}}]}}},
          {"StartAt":"C","States":{"C":{"Type":"Pass","Result":"c","End":true}}}]}}}""", "{}");

    assertThat(e.output()).isEqualTo(json("[[\"a\",\"b\"],\"c\"]"));
  }

  @Test
  void statesRuntimeInABranchIsNotCaughtByTheParallelsCatchAll() {
    Execution e = run(world, """
        {"StartAt":"Par","States":{
          "Par":{"Type":"Parallel","Next":"Done","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],
            "Branches":[{"StartAt":"Bad","States":{"Bad":{"Type":"Pass","InputPath":"$.missing","End":true}}}]},
          "Caught":{"Type":"Pass","End":true},
          "Done":{"Type":"Pass","End":true}}}""", "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("States.Runtime");
    assertThat(e.cause()).contains("Invalid path '$.missing'");
  }

  @Test
  void branchStatesSeeTheParallelsEnteredInputAsTheirInput() {
    Execution e = run(world, """
        {"StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}]}}}""", "{\"k\":\"v\"}");

    assertThat(entered(e, "A").details().get("input")).isEqualTo(json("{\"k\":\"v\"}"));
  }

  @Test
  void retriedParallelReEvaluatesParametersWithTheRetryCount() {
    Execution e = run(world, """
        {"StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,
          "Parameters":{"attempt.$":"$$.State.RetryCount"},
          "Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":2}],
          "Branches":[{"StartAt":"Check","States":{
            "Check":{"Type":"Choice","Choices":[{"Variable":"$.attempt","NumericLessThan":2,"Next":"Boom"}],"Default":"Ok"},
            "Boom":{"Type":"Fail","Error":"NotYet"},
            "Ok":{"Type":"Pass","End":true}}}]}}}""", "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(json("[{\"attempt\":2}]"));
  }
}
