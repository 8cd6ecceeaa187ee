package dev.statelab.engine;

import static dev.statelab.engine.EngineTesting.FUNCTION_ARN;
import static dev.statelab.engine.EngineTesting.first;
import static dev.statelab.engine.EngineTesting.json;
import static dev.statelab.engine.EngineTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JSONPath-mode data flow through a Task (the state with every field): InputPath, Parameters,
 * the task, ResultSelector, ResultPath, OutputPath, including their null forms and {@code $$}.
 */
class InputOutputProcessingTests {

  private static final String INPUT = "{\"title\":\"Numbers\",\"numbers\":{\"val1\":3,\"val2\":4},\"flag\":true}";

  private final World world = EngineTesting.newWorld();
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void registerEcho() {
    world.integrations().function("Echo", in -> {
      received.add(in);
      return json("{\"sum\":7,\"meta\":{\"ok\":true}}");
    });
  }

  @AfterEach
  void closeWorld() {
    world.close();
  }

  /** Runs a single Echo task with the given extra fields. */
  private Execution task(String fields, String input) {
    return run(world, """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%sEcho",%s"End":true}}}"""
        .formatted(FUNCTION_ARN, fields), input);
  }

  @Test
  void withoutProcessingFieldsTheTaskGetsTheInputAndItsResultIsTheOutput() {
    Execution e = task("", INPUT);

    assertThat(received).containsExactly(json(INPUT));
    assertThat(e.output()).isEqualTo(json("{\"sum\":7,\"meta\":{\"ok\":true}}"));
  }

  @Test
  void inputPathSelectsWhatTheTaskReceives() {
    task("\"InputPath\":\"$.numbers\",", INPUT);

    assertThat(received).containsExactly(json("{\"val1\":3,\"val2\":4}"));
  }

  @Test
  void inputPathNullGivesTheTaskAnEmptyObject() {
    task("\"InputPath\":null,", INPUT);

    assertThat(received).containsExactly(json("{}"));
  }

  @Test
  void parametersSeeTheInputAfterInputPath() {
    task("\"InputPath\":\"$.numbers\",\"Parameters\":{\"a.$\":\"$.val1\",\"list\":[1,{\"b.$\":\"$.val2\"}]},", INPUT);

    assertThat(received).containsExactly(json("{\"a\":3,\"list\":[1,{\"b\":4}]}"));
  }

  @Test
  void parametersMayReadTheContextObject() {
    task("\"Parameters\":{\"input.$\":\"$$.Execution.Input.title\",\"state.$\":\"$$.State.Name\"},", INPUT);

    assertThat(received).containsExactly(json("{\"input\":\"Numbers\",\"state\":\"T\"}"));
  }

  @Test
  void parametersMayUseJsonPathFilterExpressions() {
    run(world, """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%sEcho",
          "Parameters":{"big.$":"$.items[?(@.n > 1)].n"},"End":true}}}""".formatted(FUNCTION_ARN),
        "{\"items\":[{\"n\":1},{\"n\":2},{\"n\":3}]}");

    assertThat(received).containsExactly(json("{\"big\":[2,3]}"));
  }

  @Test
  void aParametersPathThatSelectsNothingFailsWithStatesRuntime() {
    Execution e = run(world, """
        {"StartAt":"pass","States":{"pass":{"Type":"Pass","Parameters":{"value.$":"$.no_such_jsonpath"},"End":true}}}""",
        "{\"int-literal\":0}");

    assertThat(e.error()).isEqualTo("States.Runtime");
    assertThat(e.cause()).isEqualTo("An error occurred while executing the state 'pass' (entered at the event id #2). "
        + "The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input "
        + "'{\"int-literal\":0}'");
  }

  @Test
  void anInputPathThatSelectsNothingFailsWithStatesRuntime() {
    Execution e = run(world, """
        {"StartAt":"pass","States":{"pass":{"Type":"Pass","InputPath":"$.NoSuchInputPath","End":true}}}""",
        "{\"int-literal\":0}");

    assertThat(e.error()).isEqualTo("States.Runtime");
    assertThat(e.cause()).isEqualTo("An error occurred while executing the state 'pass' (entered at the event id #2). "
        + "Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']");
  }

  @Test
  void anOutputPathThatSelectsNothingFailsWithStatesRuntime() {
    Execution e = run(world, """
        {"StartAt":"pass","States":{"pass":{"Type":"Pass","OutputPath":"$.NoSuchOutputPath","End":true}}}""",
        "{\"int-literal\":0}");

    assertThat(e.error()).isEqualTo("States.Runtime");
    assertThat(e.cause()).isEqualTo("An error occurred while executing the state 'pass' (entered at the event id #2). "
        + "Invalid path '$.NoSuchOutputPath' : No results for path: $['NoSuchOutputPath']");
  }

  @Test
  void resultSelectorReshapesTheRawResult() {
    Execution e = task("\"ResultSelector\":{\"total.$\":\"$.sum\",\"ok.$\":\"$.meta.ok\",\"fixed\":\"x\"},", INPUT);

    assertThat(e.output()).isEqualTo(json("{\"total\":7,\"ok\":true,\"fixed\":\"x\"}"));
  }

  @Test
  void resultPathPlacesTheResultIntoTheRawInputNotTheFilteredInput() {
    Execution e = task("\"InputPath\":\"$.numbers\",\"ResultPath\":\"$.result\",", INPUT);

    assertThat(received).containsExactly(json("{\"val1\":3,\"val2\":4}"));
    assertThat(e.output()).isEqualTo(json(
        "{\"title\":\"Numbers\",\"numbers\":{\"val1\":3,\"val2\":4},\"flag\":true,\"result\":{\"sum\":7,\"meta\":{\"ok\":true}}}"));
  }

  @Test
  void resultPathOverwritesAnExistingField() {
    Execution e = task("\"ResultSelector\":{\"s.$\":\"$.sum\"},\"ResultPath\":\"$.numbers\",", INPUT);

    assertThat(e.output()).isEqualTo(json("{\"title\":\"Numbers\",\"numbers\":{\"s\":7},\"flag\":true}"));
  }

  @Test
  void resultPathCreatesMissingIntermediateObjects() {
    Execution e = task("\"ResultSelector\":{\"s.$\":\"$.sum\"},\"ResultPath\":\"$.a.b.c\",", "{\"x\":1}");

    assertThat(e.output()).isEqualTo(json("{\"x\":1,\"a\":{\"b\":{\"c\":{\"s\":7}}}}"));
  }

  @Test
  void resultPathNullKeepsTheRawInput() {
    Execution e = task("\"InputPath\":\"$.numbers\",\"ResultPath\":null,", INPUT);

    assertThat(e.output()).isEqualTo(json(INPUT));
  }

  @Test
  void outputPathSelectsFromTheCombinedDocument() {
    Execution e = task("\"ResultPath\":\"$.result\",\"OutputPath\":\"$.result.meta\",", INPUT);

    assertThat(e.output()).isEqualTo(json("{\"ok\":true}"));
  }

  @Test
  void outputPathNullGivesAnEmptyObject() {
    Execution e = task("\"OutputPath\":null,", INPUT);

    assertThat(e.output()).isEqualTo(json("{}"));
  }

  @Test
  void everyFieldAppliesInOrder() {
    Execution e = task("""
        "InputPath":"$.numbers","Parameters":{"x.$":"$.val1"},"ResultSelector":{"s.$":"$.sum"},
        "ResultPath":"$.out","OutputPath":"$.out.s",""", INPUT);

    assertThat(received).containsExactly(json("{\"x\":3}"));
    assertThat(e.output()).isEqualTo(json("7"));
  }

  @Test
  void historyRecordsTheRawStateInputAndTheFinalOutput() {
    Execution e = task("\"InputPath\":\"$.numbers\",\"ResultPath\":\"$.r\",\"OutputPath\":\"$.r.sum\",", INPUT);

    assertThat(EngineTesting.entered(e, "T").details().get("input")).isEqualTo(json(INPUT));
    assertThat(first(e, "LambdaFunctionScheduled").details().get("input")).isEqualTo(json("{\"val1\":3,\"val2\":4}"));
    assertThat(first(e, "LambdaFunctionSucceeded").details().get("output")).isEqualTo(json("{\"sum\":7,\"meta\":{\"ok\":true}}"));
    assertThat(EngineTesting.exited(e, "T").details().get("output")).isEqualTo(json("7"));
  }

  @Test
  void pathsMaySelectArraySlices() {
    Execution e = run(world, """
        {"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.items[1:3]","End":true}}}""",
        "{\"items\":[0,1,2,3]}");

    assertThat(e.output()).isEqualTo(json("[1,2]"));
  }

  @Test
  void theWholeContextObjectCanBeCopied() {
    Execution e = run(world, """
        {"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"ctx.$":"$$"},"OutputPath":"$.ctx","End":true}}}""",
        "{}");

    assertThat(e.output().fieldNames()).toIterable().containsExactly("Execution", "StateMachine", "State");
  }
}
