package dev.statelab.engine;

import static dev.statelab.engine.EngineTesting.exited;
import static dev.statelab.engine.EngineTesting.json;
import static dev.statelab.engine.EngineTesting.run;
import static dev.statelab.engine.EngineTesting.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.history.HistoryEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PassStateTests {

  private final World world = EngineTesting.newWorld();

  @AfterEach
  void closeWorld() {
    world.close();
  }

  @Test
  void passWithoutFieldsCopiesItsInputToItsOutput() {
    Execution e = run(world, """
        {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", "{\"a\":1,\"b\":[true,null]}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(json("{\"a\":1,\"b\":[true,null]}"));
  }

  @Test
  void resultReplacesTheInput() {
    Execution e = run(world, """
        {"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"x":"y"},"End":true}}}""", "{\"a\":1}");

    assertThat(e.output()).isEqualTo(json("{\"x\":\"y\"}"));
  }

  @Test
  void resultMayBeAnyJsonValue() {
    Execution e = run(world, """
        {"StartAt":"P","States":{"P":{"Type":"Pass","Result":[1,"two",null],"End":true}}}""", "{}");

    assertThat(e.output()).isEqualTo(json("[1,\"two\",null]"));
  }

  @Test
  void resultPathPlacesTheResultInsideTheInput() {
    Execution e = run(world, """
        {"StartAt":"P","States":{"P":{"Type":"Pass","Result":"r","ResultPath":"$.x.y","End":true}}}""",
        "{\"a\":1}");

    assertThat(e.output()).isEqualTo(json("{\"a\":1,\"x\":{\"y\":\"r\"}}"));
  }

  @Test
  void resultPathNullDiscardsTheResult() {
    Execution e = run(world, """
        {"StartAt":"P","States":{"P":{"Type":"Pass","Result":"r","ResultPath":null,"End":true}}}""", "{\"a\":1}");

    assertThat(e.output()).isEqualTo(json("{\"a\":1}"));
  }

  @Test
  void parametersBuildANewPayloadFromStaticAndDynamicValues() {
    Execution e = run(world, """
        {"StartAt":"P","States":{"P":{"Type":"Pass",
          "Parameters":{"static":"$.notEvaluated","copied.$":"$.a","nested":{"deep.$":"$.b[1]"}},
          "End":true}}}""", "{\"a\":\"A\",\"b\":[10,20]}");

    assertThat(e.output()).isEqualTo(json("{\"static\":\"$.notEvaluated\",\"copied\":\"A\",\"nested\":{\"deep\":20}}"));
  }

  @Test
  void parametersMayCallIntrinsicFunctions() {
    Execution e = run(world, """
        {"StartAt":"P","States":{"P":{"Type":"Pass",
          "Parameters":{"greeting.$":"States.Format('Hello, {}!', $.name)","n.$":"States.MathAdd($.x, 2)"},
          "End":true}}}""", "{\"name\":\"Ada\",\"x\":40}");

    assertThat(e.output()).isEqualTo(json("{\"greeting\":\"Hello, Ada!\",\"n\":42}"));
  }

  @Test
  void parametersOutputIsPlacedByResultPathIntoTheRawInput() {
    Execution e = run(world, """
        {"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.in",
          "Parameters":{"v.$":"$.v"},"ResultPath":"$.out","End":true}}}""", "{\"in\":{\"v\":5}}");

    assertThat(e.output()).isEqualTo(json("{\"in\":{\"v\":5},\"out\":{\"v\":5}}"));
  }

  @Test
  void outputPathSelectsFromTheCombinedDocument() {
    Execution e = run(world, """
        {"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"k":"v"},"ResultPath":"$.r","OutputPath":"$.r.k",
          "End":true}}}""", "{\"a\":1}");

    assertThat(e.output()).isEqualTo(json("\"v\""));
  }

  @Test
  void passStatesChainThroughNext() {
    Execution e = run(world, """
        {"StartAt":"One","States":{
          "One":{"Type":"Pass","Result":1,"ResultPath":"$.one","Next":"Two"},
          "Two":{"Type":"Pass","Result":2,"ResultPath":"$.two","End":true}}}""", "{}");

    assertThat(e.output()).isEqualTo(json("{\"one\":1,\"two\":2}"));
    assertThat(types(e)).containsExactly(
        "ExecutionStarted", "PassStateEntered", "PassStateExited", "PassStateEntered", "PassStateExited",
        "ExecutionSucceeded");
  }

  @Test
  void historyRecordsTheStateInputAndOutput() {
    Execution e = run(world, """
        {"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"r":true},"End":true}}}""", "{\"a\":1}");

    HistoryEvent entered = e.history().get(1);
    HistoryEvent exit = exited(e, "P");
    assertThat(entered.type()).isEqualTo("PassStateEntered");
    assertThat(entered.details().get("name").asText()).isEqualTo("P");
    assertThat(entered.details().get("input")).isEqualTo(json("{\"a\":1}"));
    assertThat(exit.details().get("output")).isEqualTo(json("{\"r\":true}"));
    assertThat(exit.previousEventId()).isEqualTo(entered.id());
    assertThat(exit.toJson(true, true).get("stateExitedEventDetails").get("output").asText())
        .isEqualTo("{\"r\":true}");
  }

  @Test
  void everyStateEnteredCountsAsATransition() {
    Execution e = run(world, """
        {"StartAt":"One","States":{
          "One":{"Type":"Pass","Next":"Two"},"Two":{"Type":"Pass","Next":"Three"},"Three":{"Type":"Pass","End":true}}}""",
        "{}");

    assertThat(e.transitions()).isEqualTo(3);
  }

  @Test
  void resultWinsOverParametersInAPassState() {
    Execution e = run(world, """
        {"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"p.$":"$.a"},"Result":{"r":1},"End":true}}}""",
        "{\"a\":1}");

    assertThat(e.output()).isEqualTo(json("{\"r\":1}"));
  }
}
