package dev.statelab.service.sfn;

import dev.statelab.server.StateLabServer;

import static dev.statelab.service.sfn.SfnAssertions.assertAwsError;
import static dev.statelab.service.sfn.SfnServers.PREFIX;
import static dev.statelab.service.sfn.SfnServers.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InspectionLevel;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** TestState, DescribeMapRun and ListMapRuns through the real SDK client. */
class TestStateAndMapRunApiTests {

  private static StateLabServer server;
  private static SfnClient sfn;

  @BeforeAll
  static void start() {
    server = SfnServers.real();
    sfn = server.sfnClient();
    server.world().integrations().function("Echo", in -> in);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void testStateRunsAPassStateAndReportsItsOutputAndNextState() {
    TestStateResponse r = sfn.testState(b -> b.roleArn(ROLE).input("{\"a\": 1}").definition("""
        {"Type": "Pass", "Parameters": {"b.$": "$.a"}, "ResultPath": "$.copy", "Next": "Later"}"""));

    assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo("{\"a\":1,\"copy\":{\"b\":1}}");
    assertThat(r.nextState()).isEqualTo("Later");
    assertThat(r.inspectionData()).isNull();
  }

  @Test
  void testStateOfAChoiceReportsTheBranchTaken() {
    TestStateResponse r = sfn.testState(b -> b.input("{\"n\": 5}").definition("""
        {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 3,
          "Next": "Big"}], "Default": "Small"}"""));

    assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(r.nextState()).isEqualTo("Big");
  }

  @Test
  void testStateWithAMockedResultShowsEachProcessingStepAtDebug() {
    TestStateResponse r = sfn.testState(b -> b.input("{\"id\": 3}")
        .inspectionLevel(InspectionLevel.DEBUG)
        .mock(m -> m.result("{\"Payload\": {\"price\": 9}}"))
        .definition("""
            {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
             "Parameters": {"FunctionName": "Price", "Payload.$": "$"},
             "ResultSelector": {"price.$": "$.Payload.price"}, "ResultPath": "$.quote",
             "End": true}"""));

    assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo("{\"id\":3,\"quote\":{\"price\":9}}");
    assertThat(r.nextState()).isNull();
    assertThat(r.inspectionData().input()).isEqualTo("{\"id\":3}");
    assertThat(r.inspectionData().afterInputPath()).isEqualTo("{\"id\":3}");
    assertThat(r.inspectionData().afterParameters())
        .isEqualTo("{\"FunctionName\":\"Price\",\"Payload\":{\"id\":3}}");
    assertThat(r.inspectionData().result()).isEqualTo("{\"Payload\":{\"price\":9}}");
    assertThat(r.inspectionData().afterResultSelector()).isEqualTo("{\"price\":9}");
    assertThat(r.inspectionData().afterResultPath())
        .isEqualTo("{\"id\":3,\"quote\":{\"price\":9}}");
  }

  @Test
  void testStateWithAMockedErrorThatACatchMatchesIsCaughtError() {
    TestStateResponse r = sfn.testState(b -> b.inspectionLevel(InspectionLevel.DEBUG)
        .mock(m -> m.errorOutput(e -> e.error("Oops").cause("mocked")))
        .definition("""
            {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
             "Parameters": {"FunctionName": "X"},
             "Catch": [{"ErrorEquals": ["Oops"], "Next": "Recover"}], "End": true}"""));

    assertThat(r.status()).isEqualTo(TestExecutionStatus.CAUGHT_ERROR);
    assertThat(r.nextState()).isEqualTo("Recover");
    assertThat(r.error()).isEqualTo("Oops");
    assertThat(r.cause()).isEqualTo("mocked");
    assertThat(r.inspectionData().errorDetails().catchIndex()).isZero();
  }

  @Test
  void testStateWithAMockedErrorAndRetriesLeftIsRetriable() {
    TestStateResponse r = sfn.testState(b -> b.inspectionLevel(InspectionLevel.DEBUG)
        .mock(m -> m.errorOutput(e -> e.error("Throttled")))
        .stateConfiguration(c -> c.retrierRetryCount(1))
        .definition("""
            {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
             "Parameters": {"FunctionName": "X"},
             "Retry": [{"ErrorEquals": ["Throttled"], "IntervalSeconds": 2, "MaxAttempts": 3}],
             "End": true}"""));

    assertThat(r.status()).isEqualTo(TestExecutionStatus.RETRIABLE);
    assertThat(r.error()).isEqualTo("Throttled");
    assertThat(r.inspectionData().errorDetails().retryIndex()).isZero();
    assertThat(r.inspectionData().errorDetails().retryBackoffIntervalSeconds()).isEqualTo(4);
  }

  @Test
  void testStateOfAFailStateIsFailed() {
    TestStateResponse r = sfn.testState(b -> b.definition(
        "{\"Type\": \"Fail\", \"Error\": \"Bad\", \"Cause\": \"why\"}"));

    assertThat(r.status()).isEqualTo(TestExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("Bad");
    assertThat(r.cause()).isEqualTo("why");
  }

  @Test
  void testStatePicksAStateFromAWholeMachineAndSeesTheGivenVariables() {
    TestStateResponse r = sfn.testState(b -> b.stateName("Second")
        .variables("{\"greeting\": \"hi\"}")
        .inspectionLevel(InspectionLevel.DEBUG)
        .definition("""
            {"StartAt": "First", "States": {
              "First": {"Type": "Pass", "Next": "Second"},
              "Second": {"Type": "Pass", "Parameters": {"said.$": "$greeting"},
                         "Assign": {"count": 1}, "End": true}}}"""));

    assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo("{\"said\":\"hi\"}");
    assertThat(Json.parse(r.inspectionData().variables()))
        .isEqualTo(Json.parse("{\"greeting\":\"hi\",\"count\":1}"));
  }

  @Test
  void testStateCallsTheWorldsIntegrationsWhenThereIsNoMock() {
    TestStateResponse r = sfn.testState(b -> b.input("{\"x\": 1}").definition("""
        {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Echo",
         "End": true}"""));

    assertThat(r.status()).isEqualTo(TestExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo("{\"x\":1}");
  }

  @Test
  void testStateOfAnActivityWithoutAMockIsValidationException() {
    assertAwsError(() -> sfn.testState(b -> b.definition(
            "{\"Type\": \"Task\", \"Resource\": \"" + PREFIX + "activity:a\", \"End\": true}")),
        ValidationException.class, "ValidationException", "TestState needs a mock");
  }

  @Test
  void testStateOfAnInvalidStateIsInvalidDefinition() {
    assertAwsError(() -> sfn.testState(b -> b.definition("{\"Type\": \"Pass\"}")),
        InvalidDefinitionException.class, "InvalidDefinition",
        "Invalid State Machine Definition: '");
  }

  @Test
  void aDistributedMapRunIsDescribedAndListedForItsExecution() {
    String machine = sfn.createStateMachine(b -> b.name("distributed").roleArn(ROLE)
        .definition("""
            {"StartAt": "Fan", "States": {"Fan": {"Type": "Map", "Label": "Fan",
              "ItemsPath": "$.items", "MaxConcurrency": 2,
              "ItemProcessor": {
                "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "Each", "States": {"Each": {"Type": "Pass", "End": true}}},
              "End": true}}}""")).stateMachineArn();
    String exec = sfn.startExecution(b -> b.stateMachineArn(machine)
        .input("{\"items\": [1, 2, 3]}")).executionArn();
    assertThat(ExecutionApiTests.awaitDone(exec, sfn).status())
        .isEqualTo(ExecutionStatus.SUCCEEDED);

    var runs = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns();
    assertThat(runs).hasSize(1);
    MapRunListItem run = runs.get(0);
    DescribeMapRunResponse d = sfn.describeMapRun(b -> b.mapRunArn(run.mapRunArn()));

    assertThat(run.mapRunArn()).startsWith(PREFIX + "mapRun:distributed/Fan:");
    assertThat(run.stateMachineArn()).isEqualTo(PREFIX + "stateMachine:distributed/Fan");
    assertThat(d.executionArn()).isEqualTo(exec);
    assertThat(d.statusAsString()).isEqualTo("SUCCEEDED");
    assertThat(d.maxConcurrency()).isEqualTo(2);
    assertThat(d.itemCounts().total()).isEqualTo(3);
    assertThat(d.itemCounts().succeeded()).isEqualTo(3);
    assertThat(d.stopDate()).isNotNull();
    assertThat(sfn.listExecutions(b -> b.mapRunArn(run.mapRunArn())).executions())
        .hasSize(3).allSatisfy(e -> assertThat(e.statusAsString()).isEqualTo("SUCCEEDED"));
  }

  @Test
  void withAnItemBatcherItemCountsCountItemsAndExecutionCountsCountBatches() {
    String machine = sfn.createStateMachine(b -> b.name("batched").roleArn(ROLE)
        .definition("""
            {"StartAt": "Fan", "States": {"Fan": {"Type": "Map", "Label": "Fan",
              "ItemsPath": "$.items", "ItemBatcher": {"MaxItemsPerBatch": 3},
              "ItemProcessor": {
                "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                "StartAt": "Each", "States": {"Each": {"Type": "Pass", "End": true}}},
              "End": true}}}""")).stateMachineArn();
    String exec = sfn.startExecution(b -> b.stateMachineArn(machine)
        .input("{\"items\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}")).executionArn();
    assertThat(ExecutionApiTests.awaitDone(exec, sfn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);

    String mapRun = sfn.listMapRuns(b -> b.executionArn(exec)).mapRuns().get(0).mapRunArn();
    DescribeMapRunResponse d = sfn.describeMapRun(b -> b.mapRunArn(mapRun));

    assertThat(d.itemCounts().total()).isEqualTo(10);
    assertThat(d.itemCounts().succeeded()).isEqualTo(10);
    assertThat(d.executionCounts().total()).isEqualTo(4);
    assertThat(d.executionCounts().succeeded()).isEqualTo(4);
  }

  @Test
  void describingAnUnknownMapRunIsResourceNotFound() {
    String arn = PREFIX + "mapRun:nothing/Fan:00000000-0000-0000-0000-000000000000";
    assertAwsError(() -> sfn.describeMapRun(b -> b.mapRunArn(arn)),
        ResourceNotFoundException.class, "ResourceNotFound", "Resource not found: '" + arn + "'");
  }
}
