package dev.statelab.engine;

import static dev.statelab.engine.EngineTesting.json;
import static dev.statelab.engine.EngineTesting.last;
import static dev.statelab.engine.EngineTesting.run;
import static dev.statelab.engine.EngineTesting.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.history.HistoryEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SucceedFailStateTests {

  private final World world = EngineTesting.newWorld();

  @AfterEach
  void closeWorld() {
    world.close();
  }

  @Test
  void succeedEndsTheExecutionWithItsInput() {
    Execution e = run(world, """
        {"StartAt":"S","States":{"S":{"Type":"Succeed"}}}""", "{\"a\":1}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(json("{\"a\":1}"));
    assertThat(types(e)).containsExactly("ExecutionStarted", "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded");
  }

  @Test
  void succeedAppliesInputPathThenOutputPath() {
    Execution e = run(world, """
        {"StartAt":"S","States":{"S":{"Type":"Succeed","InputPath":"$.a","OutputPath":"$.b"}}}""",
        "{\"a\":{\"b\":{\"c\":3}}}");

    assertThat(e.output()).isEqualTo(json("{\"c\":3}"));
  }

  @Test
  void succeedInsideAParallelBranchEndsOnlyThatBranch() {
    Execution e = run(world, """
        {"StartAt":"Par","States":{
          "Par":{"Type":"Parallel","Next":"After","Branches":[
            {"StartAt":"S","States":{"S":{"Type":"Succeed"}}},
            {"StartAt":"P","States":{"P":{"Type":"Pass","Result":"b","End":true}}}]},
          "After":{"Type":"Pass","End":true}}}""", "{\"in\":1}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(json("[{\"in\":1},\"b\"]"));
    assertThat(EngineTesting.entered(e, "After").details().get("input")).isEqualTo(json("[{\"in\":1},\"b\"]"));
  }

  @Test
  void failEndsTheExecutionWithItsErrorAndCause() {
    Execution e = run(world, """
        {"StartAt":"FailState","States":{"FailState":{"Type":"Fail","Error":"SomeFailure","Cause":"This state machine raises a failure."}}}""",
        "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("SomeFailure");
    assertThat(e.cause()).isEqualTo("This state machine raises a failure.");
    assertThat(e.output()).isNull();
    assertThat(types(e)).containsExactly("ExecutionStarted", "FailStateEntered", "ExecutionFailed");
    HistoryEvent failed = last(e, "ExecutionFailed");
    assertThat(failed.details().get("error").asText()).isEqualTo("SomeFailure");
    assertThat(failed.details().get("cause").asText()).isEqualTo("This state machine raises a failure.");
    assertThat(failed.previousEventId()).isEqualTo(2);
  }

  @Test
  void failWithoutErrorOrCauseFailsWithNeither() {
    Execution e = run(world, """
        {"StartAt":"FailState","States":{"FailState":{"Type":"Fail"}}}""", "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isNull();
    assertThat(e.cause()).isNull();
    HistoryEvent failed = last(e, "ExecutionFailed");
    assertThat(failed.details().has("error")).isFalse();
    assertThat(failed.details().has("cause")).isFalse();
  }

  @Test
  void errorPathAndCausePathReadTheErrorFromTheInput() {
    Execution e = run(world, """
        {"StartAt":"FailState","States":{"FailState":{"Type":"Fail","ErrorPath":"$.Error","CausePath":"$.Cause"}}}""",
        "{\"Error\":\"error string\",\"Cause\":\"cause string\"}");

    assertThat(e.error()).isEqualTo("error string");
    assertThat(e.cause()).isEqualTo("cause string");
  }

  @Test
  void causePathMayUseAnIntrinsicFunction() {
    Execution e = run(world, """
        {"StartAt":"FailState","States":{"FailState":{"Type":"Fail","Error":"E",
          "CausePath":"States.Format('item {} failed', $.id)"}}}""", "{\"id\":17}");

    assertThat(e.error()).isEqualTo("E");
    assertThat(e.cause()).isEqualTo("item 17 failed");
  }

  @Test
  void errorPathMayReadTheContextObject() {
    Execution e = run(world, """
        {"StartAt":"FailState","States":{"FailState":{"Type":"Fail","ErrorPath":"$$.State.Name"}}}""", "{}");

    assertThat(e.error()).isEqualTo("FailState");
  }

  @Test
  void anErrorPathThatSelectsNothingFailsWithStatesRuntime() {
    Execution e = run(world, """
        {"StartAt":"pass","States":{
          "pass":{"Type":"Pass","Next":"fail","Parameters":{"Error":"error-value"}},
          "fail":{"Type":"Fail","ErrorPath":"$.ErrorX"}}}""", "{\"int-literal\":0}");

    assertThat(e.error()).isEqualTo("States.Runtime");
    assertThat(e.cause()).isEqualTo("An error occurred while executing the state 'fail' (entered at the event id #4). "
        + "The JSONPath '$.ErrorX' specified for the field 'ErrorPath' could not be found in the input "
        + "'{\"Error\":\"error-value\"}'");
  }

  @Test
  void failAfterOtherStatesStillEndsTheExecution() {
    Execution e = run(world, """
        {"StartAt":"P","States":{"P":{"Type":"Pass","Next":"F"},"F":{"Type":"Fail","Error":"Late"}}}""", "{}");

    assertThat(e.error()).isEqualTo("Late");
    assertThat(types(e)).containsExactly(
        "ExecutionStarted", "PassStateEntered", "PassStateExited", "FailStateEntered", "ExecutionFailed");
  }
}
