package dev.statelab.service.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.json.Json;
import dev.statelab.server.StateLabServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** {@code states:startExecution} in all patterns and the {@code aws-sdk:sfn} bridge, through the SDK. */
class NestedExecutionTests {

  static final String CHILD_ECHO = """
      {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"got.$": "$"}, "End": true}}}""";

  private StateLabServer server;
  private SfnClient sfn;

  @BeforeEach
  void start() {
    server = StateLabServer.start(World.newInstance(WorldOptions.newBuilder()
        .clockMode(ClockMode.VIRTUAL).seed(11).build()), GatewayOptions.defaults(),
        Duration.ofMillis(200));
    sfn = server.sfnClient();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  String machine(String name, String definition) {
    return sfn.createStateMachine(b -> b.name(name).roleArn(SfnServers.ROLE).definition(definition))
        .stateMachineArn();
  }

  static String parentTask(String resource, String parameters, String extra) {
    String caught = extra.isEmpty() ? "" : ", \"Caught\": {\"Type\": \"Pass\", \"End\": true}";
    return """
        {"StartAt": "Call", "States": {
          "Call": {"Type": "Task", "Resource": "%s", "Parameters": %s, %s "End": true}%s}}"""
        .formatted(resource, parameters, extra, caught);
  }

  DescribeExecutionResponse run(String machineArn, String input) {
    String arn = sfn.startExecution(b -> b.stateMachineArn(machineArn).input(input)).executionArn();
    return await(arn);
  }

  DescribeExecutionResponse await(String executionArn) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(executionArn));
      if (d.status() != ExecutionStatus.RUNNING || System.nanoTime() > deadline) {
        return d;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  List<String> types(String executionArn) {
    return sfn.getExecutionHistory(b -> b.executionArn(executionArn)).events().stream()
        .map(HistoryEvent::typeAsString).toList();
  }

  @Test
  void requestResponseStartsTheChildAndReturnsItsArnAndStartDate() {
    String child = machine("child", CHILD_ECHO);
    String parent = machine("parent", parentTask("arn:aws:states:::states:startExecution",
        "{\"StateMachineArn\": \"" + child + "\", \"Name\": \"kid-1\", \"Input\": {\"n.$\": \"$.n\","
            + " \"AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$\": \"$$.Execution.Id\"}}", ""));

    DescribeExecutionResponse d = run(parent, "{\"n\": 5}");

    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode out = Json.parse(d.output());
    String childArn = SfnServers.PREFIX + "execution:child:kid-1";
    assertThat(out.path("ExecutionArn").asText()).isEqualTo(childArn);
    assertThat(out.path("StartDate").isIntegralNumber()).isTrue();
    assertThat(out.path("SdkHttpMetadata").path("HttpStatusCode").asInt()).isEqualTo(200);
    DescribeExecutionResponse kid = await(childArn);
    assertThat(Json.parse(kid.input())).isEqualTo(Json.parse(
        "{\"n\": 5, \"AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID\": \"" + d.executionArn() + "\"}"));
    assertThat(kid.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void syncWaitsForTheChildAndReturnsItsDescriptionWithOutputAsAString() {
    String child = machine("child", CHILD_ECHO);
    String parent = machine("parent", parentTask("arn:aws:states:::states:startExecution.sync",
        "{\"StateMachineArn\": \"" + child + "\", \"Input\": {\"a\": 1}}", ""));

    DescribeExecutionResponse d = run(parent, "{}");

    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode out = Json.parse(d.output());
    assertThat(out.path("Status").asText()).isEqualTo("SUCCEEDED");
    assertThat(out.path("Output").isTextual()).isTrue();
    assertThat(Json.parse(out.path("Output").asText())).isEqualTo(Json.parse("{\"got\": {\"a\": 1}}"));
    assertThat(out.path("Input").asText()).isEqualTo("{\"a\":1}");
    assertThat(out.path("StateMachineArn").asText()).isEqualTo(child);
    assertThat(out.path("OutputDetails").path("Included").asBoolean()).isTrue();
    assertThat(types(d.executionArn())).containsSubsequence(
        "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded");
  }

  @Test
  void sync2ReturnsTheChildOutputAsParsedJson() {
    String child = machine("child", CHILD_ECHO);
    String parent = machine("parent", parentTask("arn:aws:states:::states:startExecution.sync:2",
        "{\"StateMachineArn\": \"" + child + "\", \"Input\": \"{\\\"a\\\": 2}\"}", ""));

    DescribeExecutionResponse d = run(parent, "{}");

    JsonNode out = Json.parse(d.output());
    assertThat(out.path("Output")).isEqualTo(Json.parse("{\"got\": {\"a\": 2}}"));
    assertThat(out.path("Input")).isEqualTo(Json.parse("{\"a\": 2}"));
  }

  @Test
  void aFailedSyncChildFailsTheTaskWithTaskFailedAndTheChildDescriptionAsCause() {
    String child = machine("child", SfnServers.FAIL);
    String parent = machine("parent", parentTask("arn:aws:states:::states:startExecution.sync:2",
        "{\"StateMachineArn\": \"" + child + "\"}",
        "\"Catch\": [{\"ErrorEquals\": [\"States.TaskFailed\"], \"Next\": \"Caught\"}],"));

    DescribeExecutionResponse d = run(parent, "{}");

    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode out = Json.parse(d.output());
    assertThat(out.path("Error").asText()).isEqualTo("States.TaskFailed");
    JsonNode cause = Json.parse(out.path("Cause").asText());
    assertThat(cause.path("Status").asText()).isEqualTo("FAILED");
    assertThat(cause.path("Error").asText()).isEqualTo("Boom");
    assertThat(cause.path("Cause").asText()).isEqualTo("it broke");
    assertThat(cause.path("ExecutionArn").asText()).startsWith(SfnServers.PREFIX + "execution:child:");
  }

  @Test
  void startingAMissingStateMachineFailsWithTheStepFunctionsErrorPrefix() {
    String parent = machine("parent", parentTask("arn:aws:states:::states:startExecution",
        "{\"StateMachineArn\": \"" + SfnServers.PREFIX + "stateMachine:nope\"}",
        "\"Catch\": [{\"ErrorEquals\": [\"StepFunctions.StateMachineDoesNotExistException\"],"
            + " \"Next\": \"Caught\"}],"));

    DescribeExecutionResponse d = run(parent, "{}");

    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.parse(d.output()).path("Cause").asText())
        .contains("Service: AWSStepFunctions; Status Code: 400; Error Code: StateMachineDoesNotExist");
  }

  @Test
  void waitForTaskTokenChildAnswersItsParentThroughAwsSdkSendTaskSuccess() {
    String child = machine("child", """
        {"StartAt": "Answer", "States": {"Answer": {"Type": "Task",
          "Resource": "arn:aws:states:::aws-sdk:sfn:sendTaskSuccess",
          "Parameters": {"TaskToken.$": "$.token", "Output": "{\\"done\\": true}"}, "End": true}}}""");
    String parent = machine("parent", parentTask(
        "arn:aws:states:::states:startExecution.waitForTaskToken",
        "{\"StateMachineArn\": \"" + child + "\", \"Input\": {\"token.$\": \"$$.Task.Token\"}}", ""));

    DescribeExecutionResponse d = run(parent, "{}");

    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.parse(d.output())).isEqualTo(Json.parse("{\"done\": true}"));
    // The child answers within the start call, before the engine records TaskSubmitted.
    assertThat(types(d.executionArn())).containsSubsequence("TaskStarted", "TaskSucceeded");
  }

  @Test
  void awsSdkSfnStartExecutionCallsTheServiceInProcessAndAnswersInPascalCase() {
    String child = machine("child", CHILD_ECHO);
    String parent = machine("parent", parentTask("arn:aws:states:::aws-sdk:sfn:startExecution",
        "{\"StateMachineArn\": \"" + child + "\", \"Name\": \"via-sdk\", \"Input\": \"{\\\"x\\\": 1}\"}", ""));

    DescribeExecutionResponse d = run(parent, "{}");

    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode out = Json.parse(d.output());
    assertThat(out.path("ExecutionArn").asText()).isEqualTo(SfnServers.PREFIX + "execution:child:via-sdk");
    assertThat(out.has("StartDate")).isTrue();
    assertThat(out.has("SdkHttpMetadata")).isFalse();
    assertThat(await(out.path("ExecutionArn").asText()).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    HistoryEvent scheduled = sfn.getExecutionHistory(b -> b.executionArn(d.executionArn())).events()
        .stream().filter(e -> e.typeAsString().equals("TaskScheduled")).findFirst().orElseThrow();
    assertThat(scheduled.taskScheduledEventDetails().resourceType()).isEqualTo("aws-sdk:sfn");
    assertThat(scheduled.taskScheduledEventDetails().resource()).isEqualTo("startExecution");
  }

  @Test
  void awsSdkSfnErrorsCarryTheSfnPrefixAndExceptionSuffix() {
    String parent = machine("parent", parentTask("arn:aws:states:::aws-sdk:sfn:describeExecution",
        "{\"ExecutionArn\": \"" + SfnServers.PREFIX + "execution:nope:x\"}",
        "\"Catch\": [{\"ErrorEquals\": [\"Sfn.ExecutionDoesNotExistException\"], \"Next\": \"Caught\"}],"));

    DescribeExecutionResponse d = run(parent, "{}");

    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode out = Json.parse(d.output());
    assertThat(out.path("Error").asText()).isEqualTo("Sfn.ExecutionDoesNotExistException");
    assertThat(out.path("Cause").asText()).contains("(Service: Sfn, Status Code: 400, Request ID: ");
  }

  @Test
  void anAwsSdkServiceWithoutAStandInFailsWithAClearRuntimeCause() {
    String parent = machine("parent", parentTask("arn:aws:states:::aws-sdk:scheduler:getSchedule",
        "{\"Name\": \"s\"}", ""));

    DescribeExecutionResponse d = run(parent, "{}");

    assertThat(d.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(d.error()).isEqualTo("States.Runtime");
    assertThat(d.cause()).contains("No stand-in answers the aws-sdk service 'scheduler'")
        .contains("sfn");
  }

  @Test
  void stoppingTheParentStopsItsRunningSyncChild() {
    String child = machine("child", SfnServers.WAIT_LONG);
    String parent = machine("parent", parentTask("arn:aws:states:::states:startExecution.sync",
        "{\"StateMachineArn\": \"" + child + "\", \"Name\": \"long\"}", ""));
    String parentArn = sfn.startExecution(b -> b.stateMachineArn(parent)).executionArn();
    String childArn = SfnServers.PREFIX + "execution:child:long";
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!types(parentArn).contains("TaskSubmitted") && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }

    sfn.stopExecution(b -> b.executionArn(parentArn));

    assertThat(await(childArn).status()).isEqualTo(ExecutionStatus.ABORTED);
  }

  @Test
  void nestedExecutionsWorkInAnInProcessWorldWithoutAGateway() {
    try (World world = World.newInstance(); SfnService service = SfnService.newInstance(world)) {
      String child = call(service, "CreateStateMachine", "{\"name\": \"child\", \"roleArn\": \""
          + SfnServers.ROLE + "\", \"definition\": " + Json.write(Json.text(CHILD_ECHO)) + "}")
          .path("stateMachineArn").asText();
      String parentDef = parentTask("arn:aws:states:::states:startExecution.sync:2",
          "{\"StateMachineArn\": \"" + child + "\", \"Input\": {\"k\": 1}}", "");
      String parent = call(service, "CreateStateMachine", "{\"name\": \"parent\", \"roleArn\": \""
          + SfnServers.ROLE + "\", \"definition\": " + Json.write(Json.text(parentDef)) + "}")
          .path("stateMachineArn").asText();

      String arn = call(service, "StartExecution", "{\"stateMachineArn\": \"" + parent + "\"}")
          .path("executionArn").asText();
      world.runUntilIdle();

      JsonNode d = call(service, "DescribeExecution", "{\"executionArn\": \"" + arn + "\"}");
      assertThat(d.path("status").asText()).isEqualTo("SUCCEEDED");
      assertThat(Json.parse(d.path("output").asText()).path("Output"))
          .isEqualTo(Json.parse("{\"got\": {\"k\": 1}}"));
    }
  }

  static JsonNode call(SfnService service, String operation, String body) {
    return service.handle(dev.statelab.gateway.AwsRequest.newBuilder().operation(operation)
        .body(body).build()).jsonBody().orElseThrow();
  }

  @Test
  void syncWaitsForAnExpressChildToo() {
    String child = sfn.createStateMachine(b -> b.name("quick").roleArn(SfnServers.ROLE)
        .definition(CHILD_ECHO).type(software.amazon.awssdk.services.sfn.model.StateMachineType.EXPRESS))
        .stateMachineArn();
    String parent = machine("parent", parentTask("arn:aws:states:::states:startExecution.sync:2",
        "{\"StateMachineArn\": \"" + child + "\", \"Input\": {\"e\": 1}}", ""));

    DescribeExecutionResponse d = run(parent, "{}");

    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode out = Json.parse(d.output());
    assertThat(out.path("ExecutionArn").asText()).startsWith(SfnServers.PREFIX + "express:quick:");
    assertThat(out.path("Output")).isEqualTo(Json.parse("{\"got\": {\"e\": 1}}"));
  }

  @Test
  void awsSdkReachesTheRestBatchStandInOnItsRoute() {
    String parent = machine("parent", """
        {"StartAt": "Describe", "States": {
          "Describe": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:batch:describeJobs",
            "Parameters": {"Jobs": ["nope"]}, "ResultPath": "$.described", "Next": "Submit"},
          "Submit": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:batch:submitJob",
            "Parameters": {"JobName": "j", "JobQueue": "missing", "JobDefinition": "missing"},
            "Catch": [{"ErrorEquals": ["Batch.ClientException"], "ResultPath": "$.err", "Next": "Done"}],
            "End": true},
          "Done": {"Type": "Succeed"}}}""");

    DescribeExecutionResponse d = run(parent, "{}");

    assertThat(d.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode out = Json.parse(d.output());
    assertThat(out.path("described")).isEqualTo(Json.parse("{\"Jobs\": []}"));
    assertThat(out.path("err").path("Error").asText()).isEqualTo("Batch.ClientException");
  }
}
