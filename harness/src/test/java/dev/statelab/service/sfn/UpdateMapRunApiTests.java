package dev.statelab.service.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.engine.ClockMode;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.server.StateLabServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeMapRunResponse;
import software.amazon.awssdk.services.sfn.model.MapRunListItem;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

class UpdateMapRunApiTests {

  private static final String DISTRIBUTED = """
      {"StartAt": "Fan", "States": {"Fan": {"Type": "Map", "MaxConcurrency": 1,
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
          "StartAt": "Work", "States": {"Work": {"Type": "Wait", "Seconds": 20, "End": true}}},
        "End": true}}}""";

  @Test
  void updateMapRunRaisesTheConcurrencyOfARunningMapRun() throws InterruptedException {
    WorldOptions world = WorldOptions.newBuilder().clockMode(ClockMode.REAL).timeScale(0.01).build();
    try (StateLabServer server = StateLabServer.start(world, GatewayOptions.defaults())) {
      SfnClient sfn = server.sfnClient();
      String machine = sfn.createStateMachine(b -> b.name("fan").roleArn("arn:aws:iam::123456789012:role/r")
          .definition(DISTRIBUTED)).stateMachineArn();
      String execution = sfn.startExecution(b -> b.stateMachineArn(machine).input("[1, 2, 3, 4, 5, 6]")).executionArn();
      List<MapRunListItem> runs = List.of();
      for (int i = 0; i < 200 && runs.isEmpty(); i++) {
        runs = sfn.listMapRuns(b -> b.executionArn(execution)).mapRuns();
        Thread.sleep(5);
      }
      String mapRun = runs.get(0).mapRunArn();

      sfn.updateMapRun(b -> b.mapRunArn(mapRun).maxConcurrency(6).toleratedFailureCount(2L));
      DescribeMapRunResponse described = sfn.describeMapRun(b -> b.mapRunArn(mapRun));

      assertThat(described.maxConcurrency()).isEqualTo(6);
      assertThat(described.toleratedFailureCount()).isEqualTo(2L);
      String status = "RUNNING";
      for (int i = 0; i < 400 && status.equals("RUNNING"); i++) {
        status = sfn.describeExecution(b -> b.executionArn(execution)).statusAsString();
        Thread.sleep(5);
      }
      assertThat(status).isEqualTo("SUCCEEDED");
    }
  }

  @Test
  void listExecutionsByMapRunListsItsChildExecutions() throws InterruptedException {
    try (StateLabServer server = StateLabServer.start(WorldOptions.newBuilder().build(), GatewayOptions.defaults())) {
      SfnClient sfn = server.sfnClient();
      String machine = sfn.createStateMachine(b -> b.name("fan").roleArn("arn:aws:iam::123456789012:role/r")
          .definition(DISTRIBUTED.replace("\"Type\": \"Wait\", \"Seconds\": 20", "\"Type\": \"Pass\""))).stateMachineArn();
      String execution = sfn.startExecution(b -> b.stateMachineArn(machine).input("[1, 2, 3]")).executionArn();
      String status = "RUNNING";
      for (int i = 0; i < 400 && status.equals("RUNNING"); i++) {
        status = sfn.describeExecution(b -> b.executionArn(execution)).statusAsString();
        Thread.sleep(5);
      }
      String mapRun = sfn.listMapRuns(b -> b.executionArn(execution)).mapRuns().get(0).mapRunArn();

      var children = sfn.listExecutions(b -> b.mapRunArn(mapRun)).executions();
      var firstPage = sfn.listExecutions(b -> b.mapRunArn(mapRun).maxResults(2));

      assertThat(status).isEqualTo("SUCCEEDED");
      assertThat(children).hasSize(3);
      assertThat(children).allSatisfy(c -> {
        assertThat(c.statusAsString()).isEqualTo("SUCCEEDED");
        assertThat(c.mapRunArn()).isEqualTo(mapRun);
        assertThat(c.executionArn()).contains(":execution:fan/");
      });
      assertThat(firstPage.executions()).hasSize(2);
      assertThat(firstPage.nextToken()).isNotNull();
      String child = children.get(0).executionArn();
      assertThat(sfn.describeExecution(b -> b.executionArn(child)).statusAsString()).isEqualTo("SUCCEEDED");
      assertThat(sfn.getExecutionHistory(b -> b.executionArn(child)).events())
          .extracting(ev -> ev.typeAsString())
          .containsExactly("ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
    }
  }

  @Test
  void updateMapRunNeedsAChangeAndAKnownMapRun() {
    WorldOptions world = WorldOptions.newBuilder().build();
    try (StateLabServer server = StateLabServer.start(world, GatewayOptions.defaults())) {
      SfnClient sfn = server.sfnClient();
      String unknown = "arn:aws:states:us-east-1:123456789012:mapRun:fan/abc:def";
      assertThatThrownBy(() -> sfn.updateMapRun(b -> b.mapRunArn(unknown)))
          .isInstanceOf(ValidationException.class);
      assertThatThrownBy(() -> sfn.updateMapRun(b -> b.mapRunArn(unknown).maxConcurrency(2)))
          .isInstanceOf(ResourceNotFoundException.class);
    }
  }
}
