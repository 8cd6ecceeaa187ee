package dev.statelab.engine;

import static dev.statelab.engine.EngineTesting.FUNCTION_ARN;
import static dev.statelab.engine.EngineTesting.first;
import static dev.statelab.engine.EngineTesting.json;
import static dev.statelab.engine.EngineTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.asl.errors.StatesError;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContextObjectTests {

  private static final String COPY_CONTEXT = """
      {"StartAt":"QueryValues","States":{"QueryValues":{"Type":"Pass","Parameters":{"ctx.$":"$$"},"End":true}}}""";

  private final World world = EngineTesting.newWorld();

  @AfterEach
  void closeWorld() {
    world.close();
  }

  private JsonNode context(Execution e) {
    return e.output().get("ctx");
  }

  @Test
  void executionFieldsDescribeTheRunningExecution() {
    Execution e = world.run(StateMachine.parse(COPY_CONTEXT),
        ExecutionRequest.of(json("{\"message\":\"TestMessage\"}")).withName("exec-1").withStateMachineName("Machine"));

    JsonNode execution = context(e).get("Execution");
    assertThat(execution.get("Id").asText()).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:Machine:exec-1");
    assertThat(execution.get("Id").asText()).isEqualTo(e.arn());
    assertThat(execution.get("Name").asText()).isEqualTo("exec-1");
    assertThat(execution.get("Input")).isEqualTo(json("{\"message\":\"TestMessage\"}"));
    assertThat(execution.get("StartTime").asText()).isEqualTo("2024-01-01T00:00:00.000Z");
    assertThat(execution.get("RoleArn").asText()).isEqualTo("arn:aws:iam::123456789012:role/StateLabExecutionRole");
    assertThat(execution.get("RedriveCount").asInt()).isZero();
  }

  @Test
  void stateMachineFieldsNameTheMachine() {
    Execution e = world.run(StateMachine.parse(COPY_CONTEXT),
        ExecutionRequest.of(json("{}")).withStateMachineName("Machine"));

    assertThat(context(e).get("StateMachine")).isEqualTo(
        json("{\"Id\":\"arn:aws:states:us-east-1:123456789012:stateMachine:Machine\",\"Name\":\"Machine\"}"));
    assertThat(e.stateMachineArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:Machine");
  }

  @Test
  void theRoleArnOfTheRequestIsTheExecutionRole() {
    Execution e = world.run(StateMachine.parse(COPY_CONTEXT),
        ExecutionRequest.of(json("{}")).withRoleArn("arn:aws:iam::123456789012:role/Custom"));

    assertThat(context(e).get("Execution").get("RoleArn").asText()).isEqualTo("arn:aws:iam::123456789012:role/Custom");
    assertThat(first(e, "ExecutionStarted").details().get("roleArn").asText())
        .isEqualTo("arn:aws:iam::123456789012:role/Custom");
  }

  @Test
  void stateFieldsNameTheCurrentStateAndWhenItWasEntered() {
    Execution e = run(world, """
        {"StartAt":"First","States":{
          "First":{"Type":"Wait","Seconds":75,"Next":"Second"},
          "Second":{"Type":"Pass","Parameters":{"state.$":"$$.State"},"End":true}}}""", "{}");

    assertThat(e.output().get("state")).isEqualTo(json("{\"Name\":\"Second\",\"EnteredTime\":\"2024-01-01T00:01:15.000Z\"}"));
  }

  @Test
  void aPassStatesContextHasNoRetryCountButATasksHasOne() {
    world.integrations().function("Ctx", in -> in);
    Execution e = run(world, """
        {"StartAt":"P","States":{
          "P":{"Type":"Pass","Parameters":{"pass.$":"$$.State"},"Next":"T"},
          "T":{"Type":"Task","Resource":"%sCtx","Parameters":{"pass.$":"$.pass","task.$":"$$.State"},"End":true}}}"""
        .formatted(FUNCTION_ARN), "{}");

    assertThat(e.output().get("pass").has("RetryCount")).isFalse();
    assertThat(e.output().get("task").get("RetryCount").asInt()).isZero();
  }

  @Test
  void theContextObjectHasExactlyExecutionStateMachineAndState() {
    Execution e = world.run(StateMachine.parse(COPY_CONTEXT), json("{}"));

    assertThat(context(e).fieldNames()).toIterable().containsExactlyInAnyOrder("Execution", "StateMachine", "State");
  }

  @Test
  void aGeneratedExecutionNameIsUsedInTheArn() {
    Execution e = world.run(StateMachine.parse(COPY_CONTEXT), json("{}"));

    assertThat(e.name()).isNotBlank();
    assertThat(context(e).get("Execution").get("Name").asText()).isEqualTo(e.name());
    assertThat(e.arn()).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:StateMachine:" + e.name());
  }

  @Test
  void resultSelectorSeesTheRetryCountOfTheSuccessfulAttempt() {
    AtomicInteger calls = new AtomicInteger();
    world.integrations().function("Flaky", in -> {
      if (calls.incrementAndGet() < 3) {
        throw new StatesError("Flaky", "try again");
      }
      return json("{\"done\":true}");
    });

    Execution e = run(world, """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%sFlaky",
          "Retry":[{"ErrorEquals":["Flaky"],"MaxAttempts":5,"IntervalSeconds":1}],
          "ResultSelector":{"retries.$":"$$.State.RetryCount","done.$":"$.done"},"End":true}}}""".formatted(FUNCTION_ARN),
        "{}");

    assertThat(e.output()).isEqualTo(json("{\"retries\":2,\"done\":true}"));
  }

  @Test
  void theContextInsideAMapIterationDescribesTheIterationsState() {
    Execution e = run(world, """
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"Inner","States":{
          "Inner":{"Type":"Pass","Parameters":{"name.$":"$$.State.Name","input.$":"$$.Execution.Input"},"End":true}}}}}}""",
        "[1]");

    assertThat(e.output()).isEqualTo(json("[{\"name\":\"Inner\",\"input\":[1]}]"));
  }

  @Test
  void parametersOfARetriedTaskSeeTheIncreasingRetryCount() {
    List<Integer> seen = new CopyOnWriteArrayList<>();
    world.integrations().function("Count", in -> {
      seen.add(in.get("retryCount").asInt());
      throw new StatesError("Again", "again");
    });

    run(world, """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%sCount",
          "Parameters":{"retryCount.$":"$$.State.RetryCount"},
          "Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":3}],"End":true}}}""".formatted(FUNCTION_ARN), "{}");

    assertThat(seen).containsExactly(0, 1, 2, 3);
  }
}
