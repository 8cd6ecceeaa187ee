package dev.statelab.engine;

import static dev.statelab.engine.EngineTesting.at;
import static dev.statelab.engine.EngineTesting.events;
import static dev.statelab.engine.EngineTesting.exited;
import static dev.statelab.engine.EngineTesting.first;
import static dev.statelab.engine.EngineTesting.json;
import static dev.statelab.engine.EngineTesting.run;
import static dev.statelab.engine.EngineTesting.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.history.HistoryEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MapStateTests {

  /** A Map whose iterations wait 10 s each; MaxConcurrency is substituted. */
  private static final String TEN_SECOND_ITEMS = """
      {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":%d,"End":true,
        "ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"End":true}}}}}}""";

  private final World world = EngineTesting.newWorld();

  @AfterEach
  void closeWorld() {
    world.close();
  }

  @Test
  void outputIsTheIterationOutputsInItemOrder() {
    Execution e = run(world, """
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"Double","States":{
          "Double":{"Type":"Pass","Parameters":{"v.$":"States.MathAdd($, $)"},"End":true}}}}}}""", "[1,2,3]");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(json("[{\"v\":2},{\"v\":4},{\"v\":6}]"));
  }

  @Test
  void itemsPathSelectsTheArrayToIterate() {
    Execution e = run(world, """
        {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.data.items","End":true,
          "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""",
        "{\"data\":{\"items\":[\"a\",\"b\"]},\"other\":1}");

    assertThat(e.output()).isEqualTo(json("[\"a\",\"b\"]"));
  }

  @Test
  void itemSelectorBuildsEachIterationInputWithTheItemIndexAndValue() {
    Execution e = run(world, """
        {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","End":true,
          "ItemSelector":{"index.$":"$$.Map.Item.Index","value.$":"$$.Map.Item.Value","shared.$":"$.shared"},
          "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""",
        "{\"items\":[\"x\",{\"y\":1}],\"shared\":true}");

    assertThat(e.output()).isEqualTo(json(
        "[{\"index\":0,\"value\":\"x\",\"shared\":true},{\"index\":1,\"value\":{\"y\":1},\"shared\":true}]"));
  }

  @Test
  void legacyIteratorAndParametersWorkLikeItemProcessorAndItemSelector() {
    Execution e = run(world, """
        {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","End":true,
          "Parameters":{"i.$":"$$.Map.Item.Index","v.$":"$$.Map.Item.Value"},
          "Iterator":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""", "{\"items\":[10,20]}");

    assertThat(e.output()).isEqualTo(json("[{\"i\":0,\"v\":10},{\"i\":1,\"v\":20}]"));
  }

  @Test
  void anEmptyArrayGivesAnEmptyOutput() {
    Execution e = run(world, """
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,
          "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""", "[]");

    assertThat(e.output()).isEqualTo(json("[]"));
    assertThat(first(e, "MapStateStarted").details().get("length").asInt()).isZero();
    assertThat(events(e, "MapIterationStarted")).isEmpty();
  }

  @Test
  void historyRecordsEachIterationWithItsIndex() {
    Execution e = run(world, """
        {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"End":true,
          "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""", "[\"a\",\"b\"]");

    assertThat(types(e)).containsExactly(
        "ExecutionStarted", "MapStateEntered", "MapStateStarted",
        "MapIterationStarted", "PassStateEntered", "PassStateExited", "MapIterationSucceeded",
        "MapIterationStarted", "PassStateEntered", "PassStateExited", "MapIterationSucceeded",
        "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded");
    assertThat(first(e, "MapStateStarted").details().get("length").asInt()).isEqualTo(2);
    List<HistoryEvent> started = events(e, "MapIterationStarted");
    assertThat(started.get(0).details()).isEqualTo(json("{\"index\":0,\"name\":\"M\"}"));
    assertThat(started.get(1).details()).isEqualTo(json("{\"index\":1,\"name\":\"M\"}"));
  }

  @Test
  void maxConcurrencyOneRunsIterationsOneAfterAnother() {
    Execution e = run(world, TEN_SECOND_ITEMS.formatted(1), "[1,2,3]");

    assertThat(at(exited(e, "M"))).isEqualTo(Duration.ofSeconds(30));
    assertThat(events(e, "MapIterationStarted").stream().map(EngineTesting::at))
        .containsExactly(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(20));
  }

  @Test
  void maxConcurrencyTwoRunsTwoIterationsAtATime() {
    Execution e = run(world, TEN_SECOND_ITEMS.formatted(2), "[1,2,3,4,5]");

    assertThat(at(exited(e, "M"))).isEqualTo(Duration.ofSeconds(30));
    assertThat(e.output()).isEqualTo(json("[1,2,3,4,5]"));
  }

  @Test
  void maxConcurrencyZeroRunsAllIterationsTogether() {
    Execution e = run(world, TEN_SECOND_ITEMS.formatted(0), "[1,2,3,4,5,6,7,8,9,10]");

    assertThat(at(exited(e, "M"))).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void maxConcurrencyPathReadsTheLimitFromTheInput() {
    Execution e = run(world, """
        {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrencyPath":"$.limit","End":true,
          "ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"End":true}}}}}}""",
        "{\"items\":[1,2,3,4],\"limit\":1}");

    assertThat(at(exited(e, "M"))).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void itemsPathThatIsNotAnArrayFailsWithStatesRuntime() {
    Execution e = run(world, """
        {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","End":true,
          "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""", "{\"items\":{\"a\":1}}");

    assertThat(e.error()).isEqualTo("States.Runtime");
    assertThat(e.cause()).isEqualTo("An error occurred while executing the state 'M' (entered at the event id #2). "
        + "Reference path \"$.items\" must point to array.");
  }

  @Test
  void aFailingIterationFailsTheMapWithTheIterationsError() {
    Execution e = run(world, """
        {"StartAt":"MapState","States":{"MapState":{"Type":"Map","MaxConcurrency":1,"End":true,
          "ItemProcessor":{"StartAt":"Check","States":{
            "Check":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":2,"Next":"HandleItemFail"}],"Default":"Ok"},
            "Ok":{"Type":"Pass","End":true},
            "HandleItemFail":{"Type":"Fail","Error":"HandleItemFailError","Cause":"HandleItemFailCause"}}}}}}""",
        "[1,2,3]");

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("HandleItemFailError");
    assertThat(e.cause()).isEqualTo("HandleItemFailCause");
    assertThat(events(e, "MapIterationSucceeded")).hasSize(1);
    assertThat(events(e, "MapIterationFailed")).hasSize(1);
    assertThat(events(e, "MapIterationStarted")).hasSize(2);
    assertThat(types(e).subList(types(e).size() - 3, types(e).size()))
        .containsExactly("MapIterationFailed", "MapStateFailed", "ExecutionFailed");
  }

  @Test
  void aFailingIterationAbortsTheIterationsStillRunning() {
    Execution e = run(world, """
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,
          "ItemProcessor":{"StartAt":"Check","States":{
            "Check":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":0,"Next":"Boom"}],"Default":"Slow"},
            "Slow":{"Type":"Wait","Seconds":60,"End":true},
            "Boom":{"Type":"Fail","Error":"Boom"}}}}}}""", "[0,1]");

    assertThat(e.error()).isEqualTo("Boom");
    assertThat(e.stopDate()).isEqualTo(EngineTesting.START);
    assertThat(events(e, "MapIterationAborted")).hasSize(1);
    assertThat(events(e, "WaitStateExited")).isEmpty();
  }

  @Test
  void catchOnTheMapReceivesTheIterationsError() {
    Execution e = run(world, """
        {"StartAt":"StartState","States":{
          "StartState":{"Type":"Pass","Result":[1],"ResultPath":"$.arr","Next":"MapState"},
          "MapState":{"Type":"Map","ResultPath":null,"InputPath":"$.arr","MaxConcurrency":1,
            "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"HandleItemFail","States":{
              "HandleItemFail":{"Type":"Fail","Error":"HandleItemFailError","Cause":"HandleItemFailCause"}}},
            "Catch":[{"ErrorEquals":["HandleItemFailError"],"Next":"FinalCaught"}],"Next":"Final"},
          "FinalCaught":{"Type":"Pass","End":true},
          "Final":{"Type":"Pass","End":true}}}""", "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(json("{\"Error\":\"HandleItemFailError\",\"Cause\":\"HandleItemFailCause\"}"));
    assertThat(types(e)).containsSubsequence("MapIterationFailed", "MapStateFailed", "MapStateExited", "PassStateEntered");
  }

  @Test
  void resultSelectorAndResultPathShapeTheMapResult() {
    Execution e = run(world, """
        {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","End":true,
          "ResultSelector":{"count.$":"States.ArrayLength($)","all.$":"$"},"ResultPath":"$.summary",
          "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""", "{\"items\":[5,6]}");

    assertThat(e.output()).isEqualTo(json("{\"items\":[5,6],\"summary\":{\"count\":2,\"all\":[5,6]}}"));
  }

  @Test
  void iterationsFailingWithinToleratedFailureCountLetTheMapSucceed() {
    Execution e = run(world, """
        {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"ToleratedFailureCount":1,"End":true,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Check","States":{
            "Check":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":2,"Next":"Boom"}],"Default":"Ok"},
            "Ok":{"Type":"Pass","End":true},
            "Boom":{"Type":"Fail","Error":"Boom"}}}}}}""", "[1,2,3]");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).hasSize(3);
    assertThat(e.output().get(0)).isEqualTo(json("1"));
    assertThat(e.output().get(2)).isEqualTo(json("3"));
    assertThat(types(e)).containsSubsequence("MapRunStarted", "MapRunSucceeded", "MapStateSucceeded");
  }

  @Test
  void exceedingToleratedFailuresFailsWithExceedToleratedFailureThreshold() {
    Execution e = run(world, """
        {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"ToleratedFailurePercentage":40,"End":true,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Check","States":{
            "Check":{"Type":"Choice","Choices":[{"Variable":"$","NumericGreaterThan":2,"Next":"Boom"}],"Default":"Ok"},
            "Ok":{"Type":"Pass","End":true},
            "Boom":{"Type":"Fail","Error":"Boom"}}}}}}""", "[1,2,3,4,5]");

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    assertThat(e.cause()).isEqualTo("The specified tolerated failure threshold was exceeded");
    assertThat(types(e)).containsSubsequence("MapRunStarted", "MapRunFailed", "MapStateFailed", "ExecutionFailed");
  }

  @Test
  void nestedMapsIterateArraysOfArrays() {
    Execution e = run(world, """
        {"StartAt":"Outer","States":{"Outer":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"Inner","States":{
          "Inner":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"Wrap","States":{
            "Wrap":{"Type":"Pass","Parameters":{"v.$":"$"},"End":true}}}}}}}}}""", "[[1,2],[3]]");

    assertThat(e.output()).isEqualTo(json("[[{\"v\":1},{\"v\":2}],[{\"v\":3}]]"));
  }

  @Test
  void retryOnTheMapRunsAllIterationsAgain() {
    Execution e = run(world, """
        {"StartAt":"MapState","States":{"MapState":{"Type":"Map","MaxConcurrency":1,"End":true,
          "ItemProcessor":{"StartAt":"HandleItemFail","States":{
            "HandleItemFail":{"Type":"Fail","Error":"HandleItemFailError","Cause":"HandleItemFailCause"}}},
          "Retry":[{"ErrorEquals":["NoSuchError"],"MaxAttempts":1},{"ErrorEquals":["HandleItemFailError"],"MaxAttempts":3}]}}}""",
        "[1]");

    assertThat(e.error()).isEqualTo("HandleItemFailError");
    assertThat(events(e, "MapStateStarted")).hasSize(4);
    assertThat(events(e, "MapIterationFailed")).hasSize(4);
    assertThat(events(e, "MapStateFailed")).hasSize(1);
  }

  @Test
  void anItemSelectorPathMissingForAnItemFailsTheExecutionWithStatesRuntime() {
    Execution e = run(world, """
        {"StartAt":"M","States":{"M":{"Type":"Map","ItemSelector":{"v.$":"$$.Map.Item.Value.x"},"End":true,
          "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""", "[{\"x\":1},{\"y\":2}]");

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("States.Runtime");
    assertThat(e.cause()).startsWith("An error occurred while executing the state 'M' (entered at the event id #2). "
        + "The JSONPath '$$.Map.Item.Value.x' specified for the field 'v.$' could not be found in the input");
  }

  @Test
  void anItemSelectorFailingForALaterSequentialItemFailsTheExecutionInsteadOfThrowing() {
    Execution e = run(world, """
        {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":1,"ItemSelector":{"v.$":"$$.Map.Item.Value.x"},
          "End":true,"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""",
        "[{\"x\":1},{\"y\":2}]");

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("States.Runtime");
    assertThat(e.cause()).startsWith("An error occurred while executing the state 'M'");
  }
}
