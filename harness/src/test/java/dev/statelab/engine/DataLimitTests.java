package dev.statelab.engine;

import static dev.statelab.engine.EngineTesting.FUNCTION_ARN;
import static dev.statelab.engine.EngineTesting.first;
import static dev.statelab.engine.EngineTesting.json;
import static dev.statelab.engine.EngineTesting.run;
import static dev.statelab.engine.EngineTesting.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The 256 KiB (262,144 bytes of UTF-8) payload quota on state and task outputs. */
class DataLimitTests {

  private static final int QUOTA = 262_144;

  private final World world = EngineTesting.newWorld();

  @AfterEach
  void closeWorld() {
    world.close();
  }

  /** A Pass state named State_1 whose Result is {"Arg1": text}. */
  private static String passWithResult(String text) {
    return """
        {"StartAt":"State_1","States":{"State_1":{"Type":"Pass","Result":{"Arg1":"%s"},"End":true}}}""".formatted(text);
  }

  @Test
  void aPassStateOutputOverTheQuotaFailsTheExecutionWithDataLimitExceeded() {
    Execution e = run(world, passWithResult("a".repeat(QUOTA)), "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("States.DataLimitExceeded");
    assertThat(e.cause()).isEqualTo(
        "The state/task 'State_1' returned a result with a size exceeding the maximum number of bytes service limit.");
    assertThat(types(e)).containsExactly("ExecutionStarted", "PassStateEntered", "ExecutionFailed");
  }

  @Test
  void anOutputJustUnderTheQuotaIsAccepted() {
    String text = "a".repeat(QUOTA - "{\"Arg1\":\"\"}".length());
    Execution e = run(world, passWithResult(text), "{}");

    assertThat(Json.byteSize(e.output())).isEqualTo(QUOTA);
    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void theQuotaCountsUtf8BytesNotCharacters() {
    String underInChars = "\u00e9".repeat(140_000);

    Execution e = run(world, passWithResult(underInChars), "{}");

    assertThat(e.error()).isEqualTo("States.DataLimitExceeded");
  }

  @Test
  void aMapWhoseCollectedOutputIsOverTheQuotaFailsEvenWithACatchAll() {
    Execution e = run(world, """
        {"StartAt":"Collect","States":{
          "Collect":{"Type":"Map","End":true,
            "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],
            "ItemProcessor":{"StartAt":"Half","States":{"Half":{"Type":"Pass","Result":"%s","End":true}}}},
          "Caught":{"Type":"Pass","End":true}}}""".formatted("x".repeat(150_000)), "[1,2]");

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("States.DataLimitExceeded");
    assertThat(e.cause()).isEqualTo(
        "The state/task 'Collect' returned a result with a size exceeding the maximum number of bytes service limit.");
    assertThat(types(e)).doesNotContain("MapStateExited");
  }

  @Test
  void anOversizedTaskResultFailsTheTaskAndCanBeCaught() {
    world.integrations().function("Big", in -> Json.text("\u00e9".repeat(QUOTA / 2)));

    Execution e = run(world, """
        {"StartAt":"InvokeLambda","States":{
          "InvokeLambda":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
            "Parameters":{"FunctionName":"Big","Payload":null},"Next":"ProcessResult",
            "Catch":[{"ErrorEquals":["States.DataLimitExceeded"],"Next":"HandleDataLimitExceeded"},
                     {"ErrorEquals":["States.ALL"],"Next":"HandleGeneralError"}]},
          "ProcessResult":{"Type":"Pass","End":true},
          "HandleDataLimitExceeded":{"Type":"Pass","End":true},
          "HandleGeneralError":{"Type":"Pass","End":true}}}""", "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(json("{\"Error\":\"States.DataLimitExceeded\",\"Cause\":\"The state/task 'lambda' "
        + "returned a result with a size exceeding the maximum number of bytes service limit.\"}"));
    assertThat(types(e)).containsExactly(
        "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed", "TaskStateExited",
        "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
    assertThat(first(e, "TaskFailed").details().get("error").asText()).isEqualTo("States.DataLimitExceeded");
    assertThat(EngineTesting.entered(e, "HandleDataLimitExceeded")).isNotNull();
  }

  @Test
  void statesAllCatchesAnOversizedTaskResult() {
    world.integrations().function("Big", in -> Json.text("c".repeat(QUOTA)));

    Execution e = run(world, """
        {"StartAt":"InvokeLambda","States":{
          "InvokeLambda":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
            "Parameters":{"FunctionName":"Big"},"Next":"ProcessResult",
            "Catch":[{"ErrorEquals":["States.ALL"],"Next":"HandleGeneralError"}]},
          "ProcessResult":{"Type":"Pass","End":true},
          "HandleGeneralError":{"Type":"Pass","End":true}}}""", "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output().get("Error").asText()).isEqualTo("States.DataLimitExceeded");
  }

  @Test
  void anOversizedLambdaFunctionResultNamesTheFunctionArnInTheCause() {
    world.integrations().function("Big", in -> Json.text("d".repeat(QUOTA)));

    Execution e = run(world, """
        {"StartAt":"InvokeLambda","States":{
          "InvokeLambda":{"Type":"Task","Resource":"%sBig","End":true}}}""".formatted(FUNCTION_ARN), "{}");

    assertThat(e.error()).isEqualTo("States.DataLimitExceeded");
    assertThat(e.cause()).isEqualTo("The state/task '" + FUNCTION_ARN + "Big' returned a result with a size exceeding "
        + "the maximum number of bytes service limit.");
    assertThat(types(e)).contains("LambdaFunctionFailed");
  }
}
