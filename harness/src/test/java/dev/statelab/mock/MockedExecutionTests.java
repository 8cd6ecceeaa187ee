package dev.statelab.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionRequest;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.history.HistoryEvent;
import dev.statelab.json.Json;
import dev.statelab.server.StateLabServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/** Mocked Task states chosen with {@code #TestCase}, through the SDK and in-process. */
class MockedExecutionTests {

  static final String ROLE = "arn:aws:iam::123456789012:role/StateLabTests";

  /** Charge retries Payment.Busy and catches Payment.Declined into Refund. */
  static final String ORDER = """
      {"StartAt": "Charge", "States": {
        "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "charge", "Payload.$": "$"},
          "ResultSelector": {"paid.$": "$.Payload.paid"},
          "Retry": [{"ErrorEquals": ["Payment.Busy"], "IntervalSeconds": 1, "MaxAttempts": 3, "BackoffRate": 2}],
          "Catch": [{"ErrorEquals": ["Payment.Declined"], "ResultPath": "$.error", "Next": "Refund"}],
          "Next": "Done"},
        "Refund": {"Type": "Pass", "Result": "refunded", "ResultPath": "$.refund", "End": true},
        "Done": {"Type": "Succeed"}}}""";

  private StateLabServer server;
  private SfnClient sfn;

  @BeforeEach
  void start() {
    server = StateLabServer.start(World.newInstance(WorldOptions.newBuilder()
        .clockMode(ClockMode.VIRTUAL).seed(5).build()), GatewayOptions.defaults(),
        Duration.ofMillis(200));
    sfn = server.sfnClient();
    String file = MockConfigTests.FILE.replace("\"Order\": {\"TestCases\"",
        "\"OrderExpress\": {\"TestCases\": {\"RetryPath\": {\"Charge\": \"BusyTwiceThenPaid\"}}},"
            + " \"Order\": {\"TestCases\"");
    Mocking.of(server.world()).use(MockConfig.parse(file, "MockConfigFile.json"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  DescribeExecutionResponse run(String machineArnWithCase, String input) {
    String arn = sfn.startExecution(b -> b.stateMachineArn(machineArnWithCase).input(input)).executionArn();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(arn));
      if (!d.statusAsString().equals("RUNNING") || System.nanoTime() > deadline) {
        return d;
      }
      Thread.onSpinWait();
    }
  }

  List<String> taskEvents(String executionArn) {
    return sfn.getExecutionHistory(b -> b.executionArn(executionArn)).events().stream()
        .map(e -> e.typeAsString())
        .filter(t -> t.startsWith("Task") || t.startsWith("Pass") || t.equals("ExecutionSucceeded"))
        .toList();
  }

  String create(String name, String definition, StateMachineType type) {
    return sfn.createStateMachine(b -> b.name(name).roleArn(ROLE).definition(definition).type(type))
        .stateMachineArn();
  }

  @Test
  void aTestCaseThrowingTwiceThenReturningDrivesTheRetrierToSuccess() {
    String arn = create("Order", ORDER, StateMachineType.STANDARD);

    DescribeExecutionResponse d = run(arn + "#RetryPath", "{\"amount\": 10}");

    assertThat(d.statusAsString()).isEqualTo("SUCCEEDED");
    assertThat(Json.parse(d.output())).isEqualTo(Json.parse("{\"paid\": true}"));
    assertThat(d.stateMachineArn()).isEqualTo(arn);
    assertThat(taskEvents(d.executionArn())).containsExactly(
        "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed",
        "TaskScheduled", "TaskStarted", "TaskFailed",
        "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded");
    var failed = sfn.getExecutionHistory(b -> b.executionArn(d.executionArn())).events().stream()
        .filter(e -> e.typeAsString().equals("TaskFailed")).findFirst().orElseThrow();
    assertThat(failed.taskFailedEventDetails().error()).isEqualTo("Payment.Busy");
    assertThat(failed.taskFailedEventDetails().cause()).isEqualTo("try later");
  }

  @Test
  void aTestCaseThrowingACaughtErrorTakesTheCatchPath() {
    String arn = create("Order", ORDER, StateMachineType.STANDARD);

    DescribeExecutionResponse d = run(arn + "#CatchPath", "{\"amount\": 10}");

    assertThat(d.statusAsString()).isEqualTo("SUCCEEDED");
    JsonNode out = Json.parse(d.output());
    assertThat(out.path("error")).isEqualTo(Json.parse(
        "{\"Error\": \"Payment.Declined\", \"Cause\": \"card refused\"}"));
    assertThat(out.path("refund").asText()).isEqualTo("refunded");
    assertThat(taskEvents(d.executionArn())).containsExactly(
        "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed", "TaskStateExited",
        "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
  }

  @Test
  void withoutATestCaseTheRealIntegrationRuns() {
    String arn = create("Order", ORDER, StateMachineType.STANDARD);

    DescribeExecutionResponse d = run(arn, "{}");

    assertThat(d.statusAsString()).isEqualTo("FAILED");
    assertThat(d.error()).isEqualTo("Lambda.ResourceNotFoundException");
  }

  @Test
  void startSyncExecutionHonoursTheTestCaseSuffix() {
    String arn = create("OrderExpress", ORDER, StateMachineType.EXPRESS);

    StartSyncExecutionResponse r = sfn.startSyncExecution(b -> b.stateMachineArn(arn + "#RetryPath")
        .input("{}"));

    assertThat(r.status()).isEqualTo(SyncExecutionStatus.SUCCEEDED);
    assertThat(Json.parse(r.output())).isEqualTo(Json.parse("{\"paid\": true}"));
    assertThat(r.stateMachineArn()).isEqualTo(arn);
  }

  @Test
  void anUnknownTestCaseIsRejectedWithInvalidName() {
    String arn = create("Order", ORDER, StateMachineType.STANDARD);

    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(arn + "#Nope")))
        .isInstanceOf(InvalidNameException.class)
        .hasMessageContaining("Invalid mock test case name 'Nope' for state machine 'Order'");
  }

  @Test
  void aMockedCallbackTaskAnswersAtOnceWithTheMockedValue() {
    String arn = create("Approval", """
        {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
          "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
          "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token"}},
          "End": true}}}""", StateMachineType.STANDARD);
    Mocking.of(server.world()).add(MockedResponses.forStateMachine("Approval").testCase("Yes")
        .state("Ask").returns("{\"approved\": true}").build());

    DescribeExecutionResponse d = run(arn + "#Yes", "{}");

    assertThat(d.statusAsString()).isEqualTo("SUCCEEDED");
    assertThat(Json.parse(d.output())).isEqualTo(Json.parse("{\"approved\": true}"));
  }

  @Test
  void runningOutOfMockedAnswersFailsTheExecutionNamingTheResponse() {
    String arn = create("Order", ORDER, StateMachineType.STANDARD);
    Mocking.of(server.world()).add(MockedResponses.forStateMachine("Order").testCase("Short")
        .state("Charge").throwing("Payment.Busy", "x").build());

    DescribeExecutionResponse d = run(arn + "#Short", "{}");

    assertThat(d.statusAsString()).isEqualTo("FAILED");
    assertThat(d.error()).isEqualTo("States.Runtime");
    assertThat(d.cause()).contains("has no answer for invocation 1");
  }

  @Test
  void theFluentApiMocksAnInProcessWorldWithoutTheService() {
    try (World world = World.newInstance()) {
      MockedResponses.forStateMachine("Order").testCase("RetryPath")
          .state("Charge").throwing("Payment.Busy", "busy").times(2)
          .thenReturns("{\"Payload\": {\"paid\": true}}")
          .installInto(world);

      Execution e = Mocking.of(world).start(StateMachine.parse(ORDER),
          ExecutionRequest.of(Json.object()).withStateMachineName("Order"), "RetryPath");
      world.runUntilIdle();

      assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(e.history().stream().map(HistoryEvent::type).filter("TaskFailed"::equals)).hasSize(2);
      assertThat(Mocking.of(world).config().stateMachines()).containsKey("Order");
    }
  }

  @Test
  void aMockedSyncTaskAnswersWithTheFinalValue() {
    String arn = create("Nest", """
        {"StartAt": "Run", "States": {"Run": {"Type": "Task",
          "Resource": "arn:aws:states:::states:startExecution.sync:2",
          "Parameters": {"StateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:absent"},
          "OutputPath": "$.Output", "End": true}}}""", StateMachineType.STANDARD);
    Mocking.of(server.world()).add(MockedResponses.forStateMachine("Nest").testCase("Done")
        .state("Run").returns("{\"Status\": \"SUCCEEDED\", \"Output\": {\"r\": 1}}").build());

    DescribeExecutionResponse d = run(arn + "#Done", "{}");

    assertThat(d.statusAsString()).isEqualTo("SUCCEEDED");
    assertThat(Json.parse(d.output())).isEqualTo(Json.parse("{\"r\": 1}"));
  }

  @Test
  void aMockedActivityAnswersWithoutAWorker() {
    String activity = sfn.createActivity(b -> b.name("pack")).activityArn();
    String arn = create("Packing", """
        {"StartAt": "Pack", "States": {"Pack": {"Type": "Task", "Resource": "%s", "End": true}}}"""
        .formatted(activity), StateMachineType.STANDARD);
    Mocking.of(server.world()).add(MockedResponses.forStateMachine("Packing").testCase("Packed")
        .state("Pack").returns("{\"box\": 3}").build());

    DescribeExecutionResponse d = run(arn + "#Packed", "{}");

    assertThat(d.statusAsString()).isEqualTo("SUCCEEDED");
    assertThat(Json.parse(d.output())).isEqualTo(Json.parse("{\"box\": 3}"));
  }

  @Test
  void aMockedCallbackTaskAnswersInAnUndrivenVirtualWorld() {
    try (World world = World.newInstance()) {
      MockedResponses.forStateMachine("Approval").testCase("Yes")
          .state("Ask").returns("{\"approved\": true}").installInto(world);
      StateMachine machine = StateMachine.parse("""
          {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
            "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token"}},
            "HeartbeatSeconds": 60, "End": true}}}""");

      Execution e = Mocking.of(world).start(machine,
          ExecutionRequest.of(Json.object()).withStateMachineName("Approval"), "Yes");
      world.runUntilIdle();

      assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(e.output()).isEqualTo(Json.parse("{\"approved\": true}"));
    }
  }

  @Test
  void aLoadedMockFileIsReadAgainWhenItChanges(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    String arn = create("Approval", """
        {"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
          "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"},
          "End": true}}}""", StateMachineType.STANDARD);
    java.nio.file.Path file = dir.resolve("MockConfigFile.json");
    String template = """
        {"StateMachines": {"Approval": {"TestCases": {"T": {"Ask": "R"}}}},
         "MockedResponses": {"R": {"0": {"Return": %s}}}}""";
    java.nio.file.Files.writeString(file, template.formatted("1"));
    Mocking.of(server.world()).load(file);
    assertThat(run(arn + "#T", "{}").output()).isEqualTo("1");

    java.nio.file.Files.writeString(file, template.formatted("2"));
    java.nio.file.Files.setLastModifiedTime(file,
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    assertThat(run(arn + "#T", "{}").output()).isEqualTo("2");

    java.nio.file.Files.writeString(file, "{\"MockedResponses\": {\"R\": {\"1\": {\"Return\": 3}}}}");
    java.nio.file.Files.setLastModifiedTime(file,
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 10_000));
    assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(arn + "#T")))
        .hasMessageContaining(file + ": MockedResponses.R has a gap: no answer for invocation 0");
  }

  @Test
  void mapIterationsTakeSuccessiveInvocationIndexesOfTheSameState() {
    String arn = create("Batch", """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "MaxConcurrency": 1,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Work", "States": {
            "Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": {"FunctionName": "w"}, "End": true}}},
          "End": true}}}""", StateMachineType.STANDARD);
    Mocking.of(server.world()).add(MockedResponses.forStateMachine("Batch").testCase("Three")
        .state("Work").returns("\"a\"").thenReturns("\"b\"").thenReturns("\"c\"").build());

    DescribeExecutionResponse d = run(arn + "#Three", "[1, 2, 3]");

    assertThat(d.statusAsString()).isEqualTo("SUCCEEDED");
    assertThat(Json.parse(d.output())).isEqualTo(Json.parse("[\"a\", \"b\", \"c\"]"));
  }
}
