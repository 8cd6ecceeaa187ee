package dev.statelab.service.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Task states reaching DynamoDB in-process: the optimized dynamodb:* and the aws-sdk:dynamodb:* integrations. */
class DynamoDbIntegrationTests {

  private World world;

  @BeforeEach
  void setUp() {
    world = World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.VIRTUAL).build());
    new DynamoDbModule().install(world);
    DynamoDbStore.of(world).createTable(Json.parse("{\"TableName\":\"Orders\",\"BillingMode\":\"PAY_PER_REQUEST\","
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
        + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
        + "\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_IMAGE\"}}"));
  }

  @AfterEach
  void tearDown() {
    world.close();
  }

  private Execution run(String resource, String parameters) {
    return world.run(StateMachine.parse("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\""
        + resource + "\",\"Parameters\":" + parameters + ",\"End\":true}}}"), Json.object());
  }

  @Test
  void optimizedPutAndGetAnswerWithSdkMetadata() {
    Execution put = run("arn:aws:states:::dynamodb:putItem",
        "{\"TableName\":\"Orders\",\"Item\":{\"id\":{\"S\":\"o1\"},\"total\":{\"N\":\"12\"}}}");
    assertThat(put.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(put.output().at("/SdkHttpMetadata/HttpStatusCode").asInt()).isEqualTo(200);
    assertThat(put.output().at("/SdkHttpMetadata/HttpHeaders/Content-Length").asText()).isEqualTo("2");
    assertThat(put.output().at("/SdkResponseMetadata/RequestId").asText()).isNotEmpty();
    Execution get = run("arn:aws:states:::dynamodb:getItem", "{\"TableName\":\"Orders\",\"Key\":{\"id\":{\"S\":\"o1\"}}}");
    assertThat(get.output().get("Item")).isEqualTo(Json.parse("{\"id\":{\"S\":\"o1\"},\"total\":{\"N\":\"12\"}}"));
  }

  @Test
  void optimizedUpdateAndDeleteReturnAttributes() {
    run("arn:aws:states:::dynamodb:putItem", "{\"TableName\":\"Orders\",\"Item\":{\"id\":{\"S\":\"o1\"},\"n\":{\"N\":\"1\"}}}");
    Execution update = run("arn:aws:states:::dynamodb:updateItem", "{\"TableName\":\"Orders\",\"Key\":{\"id\":{\"S\":\"o1\"}},"
        + "\"UpdateExpression\":\"ADD n :one\",\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}},\"ReturnValues\":\"ALL_NEW\"}");
    assertThat(update.output().at("/Attributes/n/N").asText()).isEqualTo("2");
    Execution delete = run("arn:aws:states:::dynamodb:deleteItem",
        "{\"TableName\":\"Orders\",\"Key\":{\"id\":{\"S\":\"o1\"}},\"ReturnValues\":\"ALL_OLD\"}");
    assertThat(delete.output().at("/Attributes/n/N").asText()).isEqualTo("2");
  }

  @Test
  void aFailedConditionFailsTheTaskWithDynamoDbConditionalCheckFailed() {
    run("arn:aws:states:::dynamodb:putItem", "{\"TableName\":\"Orders\",\"Item\":{\"id\":{\"S\":\"o1\"}}}");
    Execution e = run("arn:aws:states:::dynamodb:putItem", "{\"TableName\":\"Orders\",\"Item\":{\"id\":{\"S\":\"o1\"}},"
        + "\"ConditionExpression\":\"attribute_not_exists(id)\"}");
    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("DynamoDB.ConditionalCheckFailedException");
    assertThat(e.cause()).startsWith("The conditional request failed (Service: AmazonDynamoDBv2; Status Code: 400;"
        + " Error Code: ConditionalCheckFailedException; Request ID: ").endsWith("; Proxy: null)");
  }

  @Test
  void aValidationErrorIsAmazonDynamoDbException() {
    Execution e = run("arn:aws:states:::dynamodb:getItem", "{\"TableName\":\"Orders\",\"Key\":{\"nope\":{\"S\":\"o1\"}}}");
    assertThat(e.error()).isEqualTo("DynamoDB.AmazonDynamoDBException");
    assertThat(e.cause()).startsWith("The provided key element does not match the schema (Service: AmazonDynamoDBv2;"
        + " Status Code: 400; Error Code: ValidationException; Request ID: ");
  }

  @Test
  void aMissingTableIsResourceNotFound() {
    Execution e = run("arn:aws:states:::dynamodb:getItem", "{\"TableName\":\"Missing\",\"Key\":{\"id\":{\"S\":\"o1\"}}}");
    assertThat(e.error()).isEqualTo("DynamoDB.ResourceNotFoundException");
  }

  @Test
  void anUnsupportedOptimizedActionFailsAtRuntime() {
    Execution e = run("arn:aws:states:::dynamodb:query", "{\"TableName\":\"Orders\"}");
    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("States.Runtime");
  }

  @Test
  void awsSdkQueryAndTransactionsGoThroughTheBridge() {
    run("arn:aws:states:::aws-sdk:dynamodb:transactWriteItems", "{\"TransactItems\":["
        + "{\"Put\":{\"TableName\":\"Orders\",\"Item\":{\"id\":{\"S\":\"a\"}}}},"
        + "{\"Put\":{\"TableName\":\"Orders\",\"Item\":{\"id\":{\"S\":\"b\"}}}}]}");
    Execution q = run("arn:aws:states:::aws-sdk:dynamodb:query", "{\"TableName\":\"Orders\","
        + "\"KeyConditionExpression\":\"id = :a\",\"ExpressionAttributeValues\":{\":a\":{\"S\":\"a\"}}}");
    assertThat(q.output().get("Count").asInt()).isEqualTo(1);
    assertThat(q.output().has("SdkHttpMetadata")).isFalse();
  }

  @Test
  void awsSdkErrorsAreNamedDynamoDbWithTheV2Cause() {
    Execution e = run("arn:aws:states:::aws-sdk:dynamodb:transactWriteItems", "{\"TransactItems\":["
        + "{\"ConditionCheck\":{\"TableName\":\"Orders\",\"Key\":{\"id\":{\"S\":\"zz\"}},"
        + "\"ConditionExpression\":\"attribute_exists(id)\"}}]}");
    assertThat(e.error()).isEqualTo("DynamoDb.TransactionCanceledException");
    assertThat(e.cause()).startsWith("Transaction cancelled, please refer cancellation reasons for specific reasons"
        + " [ConditionalCheckFailed] (Service: DynamoDb, Status Code: 400, Request ID: ");
    Execution bad = run("arn:aws:states:::aws-sdk:dynamodb:updateItem", "{\"TableName\":\"Orders\","
        + "\"Key\":{\"id\":{\"S\":\"a\"}},\"UpdateExpression\":\"SET\"}");
    assertThat(bad.error()).isEqualTo("DynamoDb.DynamoDbException");
  }

  @Test
  void writesFromTasksReachStreamSubscribers() throws Exception {
    String arn = DynamoDbStore.of(world).describeTable(Json.parse("{\"TableName\":\"Orders\"}"))
        .at("/Table/LatestStreamArn").asText();
    List<JsonNode> seen = new ArrayList<>();
    world.component(StreamSubscriptions.class, () -> null).subscribe(arn, "LATEST", seen::add);
    run("arn:aws:states:::dynamodb:putItem", "{\"TableName\":\"Orders\",\"Item\":{\"id\":{\"S\":\"s1\"}}}");
    world.runUntilIdle();
    assertThat(seen).extracting(r -> r.at("/dynamodb/NewImage/id/S").asText()).containsExactly("s1");
  }
}
