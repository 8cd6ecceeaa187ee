package dev.statelab.junit;

import static dev.statelab.junit.StateLabAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionType;
import dev.statelab.json.Json;
import dev.statelab.mock.MockConfig;
import dev.statelab.service.batch.JobOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.CEType;
import software.amazon.awssdk.services.batch.model.CRType;
import software.amazon.awssdk.services.batch.model.ComputeEnvironmentOrder;
import software.amazon.awssdk.services.batch.model.ComputeResource;
import software.amazon.awssdk.services.batch.model.JobDefinitionType;
import software.amazon.awssdk.services.sfn.SfnClient;

/** Scenarios: definitions with substitutions, workflow types, mocks and fixtures. */
@StateLabTest(lifecycle = WorldLifecycle.PER_METHOD, seed = 11)
class ScenarioTests {

  static final String GREETING = """
      {"StartAt": "Greet", "States": {"Greet": {"Type": "Pass",
        "Result": {"text": "${Greeting}", "table": "${TableName}"}, "End": true}}}""";

  @Test
  void substitutionsReplacePlaceholdersAsCloudFormationDoes(StateLab lab) {
    StateMachineUnderTest greet = lab.deploy(Scenario.ofDefinition(GREETING)
        .substitute("Greeting", "hello")
        .substitute("TableName", "orders"));

    assertThat(greet.run("{}")).succeeded().hasOutput("{\"text\": \"hello\", \"table\": \"orders\"}");
  }

  @Test
  void anUnknownPlaceholderFailsNamingItsLineAndTheGivenSubstitutions() {
    Scenario order = Scenario.fromClasspath("dev/statelab/junit/order.asl.json")
        .substitute("ChargeFunctionArn", "arn:aws:lambda:us-east-1:123456789012:function:charge");

    assertThatThrownBy(order::definition)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No definition substitution for ${ShippingDelaySeconds} (line 14) in"
            + " classpath:dev/statelab/junit/order.asl.json; substitutions given: [ChargeFunctionArn]");
  }

  @Test
  void aMissingResourceIsAClearError() {
    assertThatThrownBy(() -> Scenario.fromClasspath("nowhere/missing.asl.json"))
        .hasMessage("No class-path resource 'nowhere/missing.asl.json'");
  }

  @Test
  void aFileScenarioIsNamedAfterTheFile(StateLab lab, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("greeter.asl.json");
    Files.writeString(file, GREETING);

    StateMachineUnderTest greeter = lab.deploy(Scenario.fromFile(file)
        .substitute("Greeting", "hi").substitute("TableName", "t"));

    assertThat(greeter.arn()).endsWith(":stateMachine:greeter");
    assertThat(greeter.run("{}")).hasOutputAt("$.text", "hi");
  }

  @Test
  void anExpressScenarioRunsExpressExecutions(StateLab lab) {
    StateMachineUnderTest greet = lab.deploy(Scenario.ofDefinition(GREETING).named("GreetFast")
        .type(ExecutionType.EXPRESS).substitute("Greeting", "hey").substitute("TableName", "t"));

    Execution execution = greet.run("{}");

    assertThat(execution.type()).isEqualTo(ExecutionType.EXPRESS);
    assertThat(execution.arn()).contains(":express:GreetFast:");
    assertThat(execution).succeeded().hasTransitions(1);
  }

  @Test
  void startSyncExecutionOfAnExpressPassMachineAnswersOnTheVirtualClock(StateLab lab, SfnClient sfn) {
    StateMachineUnderTest greet = lab.deploy(Scenario.ofDefinition(GREETING).named("GreetSync")
        .type(ExecutionType.EXPRESS).substitute("Greeting", "yo").substitute("TableName", "t"));

    String output = sfn.startSyncExecution(b -> b.stateMachineArn(greet.arn()).input("{}")).output();

    assertThat(output).isEqualTo("{\"text\":\"yo\",\"table\":\"t\"}");
  }

  @Test
  void startSyncExecutionRunsTheTimeLockedWorldUntilItsExecutionEnds(StateLab lab, SfnClient sfn) {
    String shout = lab.function("shout",
        event -> (JsonNode) Json.object().put("text", event.path("text").asText().toUpperCase()));
    StateMachineUnderTest flow = lab.deploy(Scenario.ofDefinition("""
        {"StartAt": "Pause", "States": {
          "Pause": {"Type": "Wait", "Seconds": 30, "Next": "Shout"},
          "Shout": {"Type": "Task", "Resource": "%s", "End": true}}}""".formatted(shout))
        .named("PauseThenShout").type(ExecutionType.EXPRESS));

    var response = sfn.startSyncExecution(b -> b.stateMachineArn(flow.arn()).input("{\"text\": \"hi\"}"));

    assertThat(response.statusAsString()).isEqualTo("SUCCEEDED");
    assertThat(response.output()).isEqualTo("{\"text\":\"HI\"}");
    assertThat(Duration.between(response.startDate(), response.stopDate())).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aMockConfigAnswersTheTaskOfATestCase(StateLab lab) {
    lab.mocks(MockConfig.parse("""
        {"StateMachines": {"order": {"TestCases": {"Declined": {"Charge": "DeclinedCard"}}}},
         "MockedResponses": {"DeclinedCard": {"0": {"Throw": {"Error": "Payment.Declined", "Cause": "card declined"}}}}}""",
        "MockConfigFile.json"));
    StateMachineUnderTest order = lab.deploy(Scenario.fromClasspath("dev/statelab/junit/order.asl.json")
        .substitute("ChargeFunctionArn", "charge").substitute("ShippingDelaySeconds", "60"));

    Execution execution = order.run("{}", "Declined");

    assertThat(execution).succeeded().tookCatch("Charge", "Payment.Declined", "Refund");
  }

  @Test
  void aBatchRunnerRunsTheJobsOfASyncTaskOnWorldTime(StateLab lab, BatchClient batch) {
    batch.createComputeEnvironment(r -> r.computeEnvironmentName("fargate").type(CEType.MANAGED)
        .computeResources(ComputeResource.builder().type(CRType.FARGATE).maxvCpus(4).subnets("subnet-1").build()));
    batch.createJobQueue(r -> r.jobQueueName("q").priority(1).computeEnvironmentOrder(
        ComputeEnvironmentOrder.builder().order(1).computeEnvironment("fargate").build()));
    batch.registerJobDefinition(r -> r.jobDefinitionName("report").type(JobDefinitionType.CONTAINER)
        .containerProperties(c -> c.image("busybox").vcpus(1).memory(1024)));
    lab.batchRunner("report", job -> JobOutcome.of(0, Duration.ofMinutes(20)));
    StateMachineUnderTest nightly = lab.deploy(Scenario.ofDefinition("""
        {"StartAt": "Report", "States": {"Report": {"Type": "Task",
          "Resource": "arn:aws:states:::batch:submitJob.sync",
          "Parameters": {"JobName": "nightly", "JobQueue": "q", "JobDefinition": "report"},
          "ResultSelector": {"status.$": "$.Status"}, "End": true}}}""").named("nightly"));

    Execution execution = nightly.run("{}");

    assertThat(execution).succeeded().hasOutput("{\"status\": \"SUCCEEDED\"}");
    assertThat(Duration.between(execution.startDate(), execution.stopDate()))
        .isGreaterThanOrEqualTo(Duration.ofMinutes(20));
  }

  @Test
  void tableAndRuleFixturesGoThroughTheSdkClients(StateLab lab) {
    InjectionTests.reachesTheGateway(() -> lab.table("orders", "id"));
    InjectionTests.reachesTheGateway(() -> lab.rule("on-order", "{\"source\": [\"shop\"]}",
        "arn:aws:states:us-east-1:123456789012:stateMachine:order"));
  }
}
