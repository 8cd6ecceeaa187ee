package dev.statelab.integration.awssdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.AwsProtocol;
import dev.statelab.gateway.AwsResponse;
import dev.statelab.gateway.AwsService;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.gateway.ServiceSpec;
import dev.statelab.json.Json;
import dev.statelab.server.ServiceModule;
import dev.statelab.server.StateLabServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The aws-sdk bridge: naming, error names, and stand-ins registered through a ServiceModule. */
class AwsSdkBridgeTests {

  /** A PascalCase JSON service standing in for DynamoDB, remembering the last request body. */
  static AwsService fakeDynamoDb(AtomicReference<JsonNode> seen) {
    ServiceSpec spec = ServiceSpec.newBuilder(AwsProtocol.AWS_JSON_1_0, "dynamodb")
        .targetPrefix("DynamoDB_20120810").operations("GetItem", "PutItem").build();
    return AwsService.of(spec, request -> {
      seen.set(request.body());
      if (request.operation().equals("PutItem")) {
        throw new AwsServiceException("com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
            "The conditional request failed");
      }
      ObjectNode out = Json.object();
      out.putObject("Item").putObject("id").put("S", "1");
      return AwsResponse.ok(out);
    });
  }

  @Test
  void errorNamesFollowTheAwsSdkPrefixRules() {
    assertThat(AwsSdkBridge.errorName("sfn", "ExecutionDoesNotExist"))
        .isEqualTo("Sfn.ExecutionDoesNotExistException");
    assertThat(AwsSdkBridge.errorName("s3", "NoSuchKey")).isEqualTo("S3.NoSuchKeyException");
    assertThat(AwsSdkBridge.errorName("dynamodb", "ConditionalCheckFailedException"))
        .isEqualTo("DynamoDb.ConditionalCheckFailedException");
    assertThat(AwsSdkBridge.errorName("dynamodb", "ValidationException"))
        .isEqualTo("DynamoDb.DynamoDbException");
    assertThat(AwsSdkBridge.errorName("costexplorer", "DataUnavailableException"))
        .isEqualTo("CostExplorer.DataUnavailableException");
  }

  @Test
  void camelCaseServicesGetRenamedMembersBothWays() {
    JsonNode wire = MemberNaming.CAMEL_CASE.toWire(Json.parse(
        "{\"StateMachineArn\": \"a\", \"Tags\": [{\"Key\": \"k\"}]}"));
    assertThat(wire).isEqualTo(Json.parse("{\"stateMachineArn\": \"a\", \"tags\": [{\"key\": \"k\"}]}"));
    assertThat(MemberNaming.CAMEL_CASE.fromWire(wire)).isEqualTo(Json.parse(
        "{\"StateMachineArn\": \"a\", \"Tags\": [{\"Key\": \"k\"}]}"));
    assertThat(MemberNaming.PASCAL_CASE.toWire(Json.parse("{\"Key\": {\"id\": {\"S\": \"1\"}}}")))
        .isEqualTo(Json.parse("{\"Key\": {\"id\": {\"S\": \"1\"}}}"));
  }

  @Test
  void aServiceModuleStandInIsReachableThroughAwsSdkWithItsPascalCaseMembersAndErrors() {
    AtomicReference<JsonNode> seen = new AtomicReference<>();
    ServiceModule module = new ServiceModule() {
      @Override
      public String name() {
        return "dynamodb";
      }

      @Override
      public List<AwsService> install(World world) {
        return List.of(fakeDynamoDb(seen));
      }
    };
    try (StateLabServer server = StateLabServer.start(World.newInstance(WorldOptions.defaults()),
        GatewayOptions.defaults(), Duration.ofMillis(200), List.of(module))) {
      World world = server.world();
      assertThat(AwsSdkBridge.of(world).serviceIds()).containsExactly("dynamodb", "sfn");
      StateMachine machine = StateMachine.parse("""
          {"StartAt": "Get", "States": {
            "Get": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:getItem",
              "Parameters": {"TableName": "t", "Key": {"id": {"S": "1"}}}, "ResultPath": "$.got", "Next": "Put"},
            "Put": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:putItem",
              "Parameters": {"TableName": "t", "Item": {"id": {"S": "1"}}},
              "Catch": [{"ErrorEquals": ["DynamoDb.ConditionalCheckFailedException"], "ResultPath": "$.err", "Next": "Done"}],
              "End": true},
            "Done": {"Type": "Succeed"}}}""");

      Execution e = world.start(machine, Json.object());
      e.completion().toCompletableFuture().join();

      assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(e.output().path("got")).isEqualTo(Json.parse("{\"Item\": {\"id\": {\"S\": \"1\"}}}"));
      assertThat(e.output().path("err").path("Error").asText())
          .isEqualTo("DynamoDb.ConditionalCheckFailedException");
      assertThat(e.output().path("err").path("Cause").asText())
          .startsWith("The conditional request failed (Service: DynamoDb, Status Code: 400, Request ID: ");
      assertThat(seen.get()).isEqualTo(Json.parse("{\"TableName\": \"t\", \"Item\": {\"id\": {\"S\": \"1\"}}}"));
    }
  }
}
