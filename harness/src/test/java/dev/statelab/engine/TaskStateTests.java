package dev.statelab.engine;

import static dev.statelab.engine.EngineTesting.FUNCTION_ARN;
import static dev.statelab.engine.EngineTesting.START;
import static dev.statelab.engine.EngineTesting.at;
import static dev.statelab.engine.EngineTesting.first;
import static dev.statelab.engine.EngineTesting.json;
import static dev.statelab.engine.EngineTesting.run;
import static dev.statelab.engine.EngineTesting.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.history.HistoryEvent;
import dev.statelab.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskStateTests {

  /** A callback task: the Notify function receives the token and the workflow waits for it. */
  private static final String CALLBACK = """
      {"StartAt":"Ask","States":{
        "Ask":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",%s
          "Parameters":{"FunctionName":"Notify","Payload":{"token.$":"$$.Task.Token","question.$":"$.q"}},
          "Next":"Done"},
        "Done":{"Type":"Pass","End":true}}}""";

  private final World world = EngineTesting.newWorld();
  private final List<String> tokens = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeWorld() {
    world.close();
  }

  private void registerNotify() {
    world.integrations().function("Notify", in -> {
      tokens.add(in.get("token").asText());
      return Json.object();
    });
  }

  private Execution startCallback(String extraFields) {
    registerNotify();
    Execution e = world.start(StateMachine.parse(CALLBACK.formatted(extraFields)), json("{\"q\":\"ok?\"}"));
    world.advanceBy(Duration.ofSeconds(1));
    return e;
  }

  @Test
  void aSynchronousFunctionsResultBecomesTheStateOutput() {
    world.integrations().function("Double", in -> Json.NODES.numberNode(in.get("n").asInt() * 2));

    Execution e = run(world, """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%sDouble","End":true}}}""".formatted(FUNCTION_ARN),
        "{\"n\":21}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(json("42"));
    assertThat(types(e)).containsExactly(
        "ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted",
        "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionSucceeded");
    HistoryEvent scheduled = first(e, "LambdaFunctionScheduled");
    assertThat(scheduled.details().get("resource").asText()).isEqualTo(FUNCTION_ARN + "Double");
    assertThat(scheduled.details().get("input")).isEqualTo(json("{\"n\":21}"));
    assertThat(first(e, "LambdaFunctionSucceeded").details().get("output")).isEqualTo(json("42"));
  }

  @Test
  void theFunctionReceivesTheEffectiveInput() {
    List<JsonNode> seen = new CopyOnWriteArrayList<>();
    world.integrations().function("Record", in -> {
      seen.add(in);
      return in;
    });

    run(world, """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%sRecord","InputPath":"$.body",
          "Parameters":{"id.$":"$.id","kind":"static"},"End":true}}}""".formatted(FUNCTION_ARN),
        "{\"body\":{\"id\":7},\"noise\":true}");

    assertThat(seen).containsExactly(json("{\"id\":7,\"kind\":\"static\"}"));
  }

  @Test
  void lambdaInvokeIntegrationWrapsTheFunctionResultInLambdasResponse() {
    world.integrations().function("Echo", in -> in);

    Execution e = run(world, """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
          "Parameters":{"FunctionName":"Echo","Payload":{"v.$":"$.v"}},"End":true}}}""", "{\"v\":1}");

    assertThat(e.output().get("Payload")).isEqualTo(json("{\"v\":1}"));
    assertThat(e.output().get("StatusCode").asInt()).isEqualTo(200);
    assertThat(e.output().get("ExecutedVersion").asText()).isEqualTo("$LATEST");
    assertThat(types(e)).containsExactly(
        "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited",
        "ExecutionSucceeded");
    HistoryEvent scheduled = first(e, "TaskScheduled");
    assertThat(scheduled.details().get("resourceType").asText()).isEqualTo("lambda");
    assertThat(scheduled.details().get("resource").asText()).isEqualTo("invoke");
    assertThat(scheduled.details().get("region").asText()).isEqualTo("us-east-1");
    assertThat(scheduled.details().get("parameters")).isEqualTo(json("{\"FunctionName\":\"Echo\",\"Payload\":{\"v\":1}}"));
  }

  @Test
  void anAsyncFunctionCompletedLaterFromAnotherThreadCompletesTheTask() {
    List<String> threads = new CopyOnWriteArrayList<>();
    world.integrations().asyncFunction("Later", request -> CompletableFuture.supplyAsync(() -> {
      threads.add(Thread.currentThread().getName());
      return json("{\"late\":" + request.parameters().get("n") + "}");
    }, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS)));

    Execution e = run(world, """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%sLater","Next":"After"},
          "After":{"Type":"Pass","End":true}}}""".formatted(FUNCTION_ARN), "{\"n\":3}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(json("{\"late\":3}"));
    assertThat(threads).hasSize(1).noneMatch(name -> name.equals(Thread.currentThread().getName()));
    assertThat(e.stopDate()).isEqualTo(START);
  }

  @Test
  void anAsyncFunctionFailingLaterFailsTheTask() {
    world.integrations().asyncFunction("LaterBoom", request -> CompletableFuture.supplyAsync(() -> {
      throw new StatesError("Late.Error", "late cause");
    }, CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS)));

    Execution e = run(world, """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%sLaterBoom","End":true}}}""".formatted(FUNCTION_ARN),
        "{}");

    assertThat(e.error()).isEqualTo("Late.Error");
    assertThat(e.cause()).isEqualTo("late cause");
  }

  @Test
  void anErrorThrownByTheFunctionFailsTheExecutionWithItsNameAndCause() {
    world.integrations().function("Boom", in -> {
      throw new StatesError("MyError", "my cause");
    });

    Execution e = run(world, """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%sBoom","End":true}}}""".formatted(FUNCTION_ARN), "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("MyError");
    assertThat(e.cause()).isEqualTo("my cause");
    assertThat(types(e)).containsExactly(
        "ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted",
        "LambdaFunctionFailed", "ExecutionFailed");
    assertThat(first(e, "LambdaFunctionFailed").details()).isEqualTo(json("{\"error\":\"MyError\",\"cause\":\"my cause\"}"));
  }

  @Test
  void anUncheckedExceptionFailsTheTaskWithTheExceptionClassAsTheError() {
    world.integrations().function("Crash", in -> {
      throw new IllegalStateException("bad state");
    });

    Execution e = run(world, """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%sCrash","End":true}}}""".formatted(FUNCTION_ARN), "{}");

    assertThat(e.error()).isEqualTo("java.lang.IllegalStateException");
    assertThat(json(e.cause())).isEqualTo(
        json("{\"errorMessage\":\"bad state\",\"errorType\":\"java.lang.IllegalStateException\"}"));
  }

  @Test
  void anUnknownFunctionFailsWithLambdaResourceNotFound() {
    Execution e = run(world, """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%sMissing","End":true}}}""".formatted(FUNCTION_ARN), "{}");

    assertThat(e.error()).isEqualTo("Lambda.ResourceNotFoundException");
    assertThat(e.cause()).startsWith("Function not found: " + FUNCTION_ARN + "Missing");
  }

  @Test
  void resultSelectorAndResultPathShapeTheTaskResult() {
    world.integrations().function("Echo", in -> in);

    Execution e = run(world, """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
          "Parameters":{"FunctionName":"Echo","Payload":{"v":42}},
          "ResultSelector":{"value.$":"$.Payload.v","status.$":"$.StatusCode"},"ResultPath":"$.result","End":true}}}""",
        "{\"keep\":true}");

    assertThat(e.output()).isEqualTo(json("{\"keep\":true,\"result\":{\"value\":42,\"status\":200}}"));
  }

  @Test
  void aRegisteredIntegrationAnswersItsExactResourceArn() {
    world.integrations().register("arn:aws:states:::sqs:sendMessage",
        request -> CompletableFuture.completedFuture(json("{\"MessageId\":\"m-1\",\"sent\":" + request.parameters() + "}")));

    Execution e = run(world, """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage",
          "Parameters":{"MessageBody":"hi"},"End":true}}}""", "{}");

    assertThat(e.output()).isEqualTo(json("{\"MessageId\":\"m-1\",\"sent\":{\"MessageBody\":\"hi\"}}"));
    assertThat(first(e, "TaskScheduled").details().get("resourceType").asText()).isEqualTo("sqs");
    assertThat(first(e, "TaskScheduled").details().get("resource").asText()).isEqualTo("sendMessage");
  }

  @Test
  void waitForTaskTokenWaitsUntilSendTaskSuccess() {
    Execution e = startCallback("");

    assertThat(e.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(tokens).hasSize(1);
    world.advanceBy(Duration.ofMinutes(10));
    world.sendTaskSuccess(tokens.get(0), json("{\"answer\":\"yes\"}"));
    world.runUntilIdle();

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(json("{\"answer\":\"yes\"}"));
    assertThat(types(e)).containsExactly(
        "ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded",
        "TaskStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
    assertThat(at(first(e, "TaskSucceeded"))).isEqualTo(Duration.ofSeconds(601));
    assertThat(first(e, "TaskScheduled").details().get("resource").asText()).isEqualTo("invoke.waitForTaskToken");
  }

  @Test
  void theTaskTokenIsInTheContextObjectAndTheIntegrationRequest() {
    List<String> requestTokens = new CopyOnWriteArrayList<>();
    world.integrations().asyncFunction("Notify", request -> {
      requestTokens.add(request.taskToken());
      tokens.add(request.parameters().get("token").asText());
      return CompletableFuture.completedFuture(Json.object());
    });
    world.start(StateMachine.parse(CALLBACK.formatted("")), json("{\"q\":\"?\"}"));
    world.advanceBy(Duration.ofSeconds(1));

    assertThat(tokens).hasSize(1);
    assertThat(tokens.get(0)).isNotBlank();
    assertThat(requestTokens).containsExactlyElementsOf(tokens);
  }

  @Test
  void callbackTasksInMapIterationsCompleteIndependently() {
    world.integrations().function("Notify", in -> {
      tokens.add(in.get("item").asText() + "|" + in.get("token").asText());
      return Json.object();
    });
    Execution e = world.start(StateMachine.parse("""
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"Ask","States":{
          "Ask":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
            "Parameters":{"FunctionName":"Notify","Payload":{"token.$":"$$.Task.Token","item.$":"$"}},"End":true}}}}}}"""),
        json("[\"a\",\"b\"]"));
    world.advanceBy(Duration.ofSeconds(1));
    assertThat(tokens).hasSize(2);

    for (String entry : List.of(tokens.get(1), tokens.get(0))) {
      String[] parts = entry.split("\\|", 2);
      world.sendTaskSuccess(parts[1], json("{\"answered\":\"" + parts[0] + "\"}"));
      world.advanceBy(Duration.ofSeconds(5));
    }

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(json("[{\"answered\":\"a\"},{\"answered\":\"b\"}]"));
    assertThat(e.stopDate()).isEqualTo(START.plusSeconds(6));
  }

  @Test
  void aFailingBranchAbandonsAnAsyncCallStillInFlightInAnotherBranch() {
    world.integrations().asyncFunction("Slow", request -> CompletableFuture.supplyAsync(
        () -> json("{\"late\":true}"), CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)));

    Execution e = run(world, """
        {"StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"%sSlow","End":true}}},
          {"StartAt":"Boom","States":{"Boom":{"Type":"Fail","Error":"Boom"}}}]}}}""".formatted(FUNCTION_ARN), "{}");

    assertThat(e.error()).isEqualTo("Boom");
    world.runUntilIdle();
    assertThat(types(e)).doesNotContain("LambdaFunctionSucceeded");
    assertThat(types(e).get(types(e).size() - 1)).isEqualTo("ExecutionFailed");
  }

  @Test
  void sendTaskFailureFailsTheTaskWithTheGivenErrorAndCause() {
    Execution e = startCallback("");

    world.sendTaskFailure(tokens.get(0), "Rejected", "the reviewer said no");
    world.runUntilIdle();

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("Rejected");
    assertThat(e.cause()).isEqualTo("the reviewer said no");
    HistoryEvent failed = first(e, "TaskFailed");
    assertThat(failed.details().get("error").asText()).isEqualTo("Rejected");
    assertThat(failed.details().get("resourceType").asText()).isEqualTo("lambda");
  }

  @Test
  void aWellFormedButUnknownTokenIsRejectedWithTaskDoesNotExist() {
    startCallback("");
    String real = tokens.get(0);
    String unknown = real.substring(0, real.length() - 1) + (real.endsWith("0") ? "1" : "0");

    assertThatThrownBy(() -> world.sendTaskSuccess(unknown, json("{}")))
        .isInstanceOf(TaskTokenException.class)
        .satisfies(t -> assertThat(((TaskTokenException) t).code()).isEqualTo("TaskDoesNotExist"));
  }

  @Test
  void timeoutSecondsFailsACallbackTaskWithStatesTimeoutAtThatTime() {
    Execution e = startCallback("\"TimeoutSeconds\":30,");

    world.runUntilIdle();

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("States.Timeout");
    HistoryEvent timedOut = first(e, "TaskTimedOut");
    assertThat(at(timedOut)).isEqualTo(Duration.ofSeconds(30));
    assertThat(timedOut.details()).isEqualTo(
        json("{\"resourceType\":\"lambda\",\"resource\":\"invoke.waitForTaskToken\",\"error\":\"States.Timeout\"}"));
    assertThat(first(e, "TaskScheduled").details().get("timeoutInSeconds").asLong()).isEqualTo(30);
    assertThat(types(e).subList(types(e).size() - 2, types(e).size())).containsExactly("TaskTimedOut", "ExecutionFailed");
  }

  @Test
  void aTokenOfATimedOutTaskIsRejectedWithTaskTimedOut() {
    startCallback("\"TimeoutSeconds\":30,");
    world.runUntilIdle();

    assertThatThrownBy(() -> world.sendTaskSuccess(tokens.get(0), json("{}")))
        .isInstanceOf(TaskTokenException.class)
        .satisfies(t -> assertThat(((TaskTokenException) t).code()).isEqualTo("TaskTimedOut"));
  }

  @Test
  void timeoutSecondsPathReadsTheTimeoutFromTheInput() {
    registerNotify();
    Execution e = world.run(StateMachine.parse("""
        {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
          "TimeoutSecondsPath":"$.limit","Parameters":{"FunctionName":"Notify","Payload":{"token.$":"$$.Task.Token"}},
          "End":true}}}"""), json("{\"limit\":7}"));

    assertThat(e.error()).isEqualTo("States.Timeout");
    assertThat(at(first(e, "TaskTimedOut"))).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void aMissedHeartbeatTimesTheTaskOut() {
    Execution e = startCallback("\"HeartbeatSeconds\":10,\"TimeoutSeconds\":100,");

    world.runUntilIdle();

    assertThat(e.error()).isEqualTo("States.Timeout");
    assertThat(at(first(e, "TaskTimedOut"))).isEqualTo(Duration.ofSeconds(10));
    assertThat(first(e, "TaskScheduled").details().get("heartbeatInSeconds").asLong()).isEqualTo(10);
  }

  @Test
  void heartbeatsKeepTheTaskAliveUntilTheyStop() {
    Execution e = startCallback("\"HeartbeatSeconds\":10,\"TimeoutSeconds\":100,");

    world.advanceBy(Duration.ofSeconds(7));
    world.sendTaskHeartbeat(tokens.get(0));
    world.advanceBy(Duration.ofSeconds(8));
    assertThat(e.status()).isEqualTo(ExecutionStatus.RUNNING);
    world.advanceBy(Duration.ofSeconds(5));

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("States.Timeout");
    assertThat(at(first(e, "TaskTimedOut"))).isEqualTo(Duration.ofSeconds(18));
  }

  @Test
  void timeoutSecondsOnALambdaFunctionGivesLambdaFunctionTimedOut() {
    World real = World.newInstance(WorldOptions.newBuilder()
        .clockMode(ClockMode.REAL).timeScale(0.01).startTime(START).build());
    try {
      real.integrations().asyncFunction("Sleepy", request -> CompletableFuture.supplyAsync(
          () -> (JsonNode) Json.object(), CompletableFuture.delayedExecutor(600, TimeUnit.MILLISECONDS)));

      Execution e = real.run(StateMachine.parse("""
          {"StartAt":"Start","States":{"Start":{"Type":"Task","TimeoutSeconds":5,"Resource":"%sSleepy","End":true}}}"""
          .formatted(FUNCTION_ARN)), json("{}"));

      assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(e.error()).isEqualTo("States.Timeout");
      assertThat(types(e)).containsExactly(
          "ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted",
          "LambdaFunctionTimedOut", "ExecutionFailed");
      assertThat(first(e, "LambdaFunctionTimedOut").details()).isEqualTo(json("{\"error\":\"States.Timeout\"}"));
      assertThat(first(e, "LambdaFunctionScheduled").details().get("timeoutInSeconds").asLong()).isEqualTo(5);
      assertThat(at(first(e, "LambdaFunctionTimedOut"))).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(60));
    } finally {
      real.close();
    }
  }

  @Test
  void aCatcherHandlesATaskTimeout() {
    registerNotify();
    Execution e = world.run(StateMachine.parse("""
        {"StartAt":"Ask","States":{
          "Ask":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","TimeoutSeconds":5,
            "Parameters":{"FunctionName":"Notify","Payload":{"token.$":"$$.Task.Token"}},
            "Catch":[{"ErrorEquals":["States.Timeout"],"ResultPath":"$.err","Next":"Late"}],"End":true},
          "Late":{"Type":"Pass","End":true}}}"""), json("{\"in\":1}"));

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    // AWS records a task timeout with an empty cause (test_task_service_lambda::test_invoke_timeout).
    assertThat(e.output()).isEqualTo(json("{\"in\":1,\"err\":{\"Error\":\"States.Timeout\",\"Cause\":\"\"}}"));
  }

  @Test
  void aCatcherOnHeartbeatTimeoutHandlesAMissedHeartbeat() {
    registerNotify();
    Execution e = world.run(StateMachine.parse("""
        {"StartAt":"Ask","States":{
          "Ask":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
            "HeartbeatSeconds":5,"TimeoutSeconds":60,
            "Parameters":{"FunctionName":"Notify","Payload":{"token.$":"$$.Task.Token"}},
            "Catch":[{"ErrorEquals":["States.HeartbeatTimeout"],"Next":"NoHeartbeat"}],"End":true},
          "NoHeartbeat":{"Type":"Pass","End":true}}}"""), json("{}"));

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void aRetriedCallbackTaskSendsTheNewTokenToTheCallee() {
    Execution e = startCallback("\"TimeoutSeconds\":5,\"Retry\":[{\"ErrorEquals\":[\"States.Timeout\"],\"MaxAttempts\":1}],");
    // attempt 1 times out at 5 s, attempt 2 starts at 6 s and would time out at 11 s
    world.advanceBy(Duration.ofSeconds(8));

    assertThat(tokens).hasSize(2);
    assertThat(tokens.get(1)).isNotEqualTo(tokens.get(0));
    world.sendTaskSuccess(tokens.get(1), json("{\"second\":true}"));
    world.runUntilIdle();
    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(json("{\"second\":true}"));
  }

  @Test
  void aTimedOutCallThatNeverReturnsDoesNotHangTheWorld() {
    World real = World.newInstance(WorldOptions.newBuilder()
        .clockMode(ClockMode.REAL).timeScale(0.01).startTime(START).build());
    try {
      real.integrations().asyncFunction("Never", request -> new CompletableFuture<>());
      StateMachine machine = StateMachine.parse("""
          {"StartAt":"T","States":{"T":{"Type":"Task","TimeoutSeconds":1,"Resource":"%sNever","End":true}}}"""
          .formatted(FUNCTION_ARN));

      Execution e = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> real.run(machine, json("{}")));

      assertThat(e.error()).isEqualTo("States.Timeout");
    } finally {
      real.close();
    }
  }
}
