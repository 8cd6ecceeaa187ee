package dev.statelab.service.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.integration.Integration;
import dev.statelab.integration.IntegrationResolver;
import dev.statelab.integration.ResourceArn;
import dev.statelab.integration.TaskRequest;
import dev.statelab.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * The optimized DynamoDB Task integrations, {@code arn:aws:states:::dynamodb:getItem|putItem|
 * updateItem|deleteItem}: the output is the API response plus the {@code SdkHttpMetadata} and
 * {@code SdkResponseMetadata} Step Functions adds; errors are {@code DynamoDB.<Code>} (validation
 * errors {@code DynamoDB.AmazonDynamoDBException}) with the SDK v1 style cause.
 */
final class DynamoDbIntegrations implements IntegrationResolver {

  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final DynamoDbStore store;
  private final Map<String, Function<JsonNode, ObjectNode>> actions;

  DynamoDbIntegrations(DynamoDbStore store) {
    this.store = store;
    ItemOperations items = store.items();
    this.actions = Map.of(
        "getItem", items::getItem,
        "putItem", items::putItem,
        "updateItem", items::updateItem,
        "deleteItem", items::deleteItem);
  }

  @Override
  public Integration resolve(ResourceArn arn, JsonNode parameters) {
    if (arn.kind() != ResourceArn.Kind.SERVICE || !arn.resourceType().equals("dynamodb")) {
      return null;
    }
    Function<JsonNode, ObjectNode> action = actions.get(arn.action());
    if (action == null || arn.pattern() != ResourceArn.Pattern.REQUEST_RESPONSE) {
      return request -> CompletableFuture.failedFuture(StatesError.runtime("The resource '" + arn.arn()
          + "' is not an optimized DynamoDB integration; Step Functions offers dynamodb:getItem, putItem,"
          + " updateItem and deleteItem (request-response only). Use aws-sdk:dynamodb:<action> for others."));
    }
    return request -> invoke(action, arn.action(), request);
  }

  private CompletionStage<JsonNode> invoke(Function<JsonNode, ObjectNode> action, String name, TaskRequest request) {
    String requestId = UUID.nameUUIDFromBytes((request.executionArn() + "/" + request.stateName() + "/"
        + request.nowMillis()).getBytes(StandardCharsets.UTF_8)).toString();
    JsonNode params = request.parameters() == null ? Json.object() : request.parameters();
    ObjectNode response;
    try {
      response = action.apply(params).deepCopy();
    } catch (AwsServiceException e) {
      return CompletableFuture.failedFuture(error(e, requestId));
    }
    byte[] body = Json.write(response).getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(body);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Server", "Server");
    headers.put(name.equals("getItem") ? "x-amzn-requestid" : "x-amzn-RequestId", requestId);
    headers.put("Connection", "keep-alive");
    headers.put("x-amz-crc32", Long.toString(crc.getValue()));
    headers.put("Content-Length", Integer.toString(body.length));
    headers.put("Date", HTTP_DATE.format(store.world().now()));
    headers.put("Content-Type", "application/x-amz-json-1.0");
    ObjectNode meta = response.putObject("SdkHttpMetadata");
    ObjectNode all = meta.putObject("AllHttpHeaders");
    headers.forEach((k, v) -> all.putArray(k).add(v));
    ObjectNode single = meta.putObject("HttpHeaders");
    headers.keySet().stream().sorted(String.CASE_INSENSITIVE_ORDER).forEach(k -> single.put(k, headers.get(k)));
    meta.put("HttpStatusCode", 200);
    response.putObject("SdkResponseMetadata").put("RequestId", requestId);
    return CompletableFuture.completedFuture(response);
  }

  /** A DynamoDB error as the optimized integration names it. */
  static StatesError error(AwsServiceException e, String requestId) {
    String code = e.shortCode();
    String name = List.of("ValidationException", "SerializationException").contains(code)
        ? "AmazonDynamoDBException" : code;
    return new StatesError("DynamoDB." + name, e.getMessage() + " (Service: AmazonDynamoDBv2; Status Code: "
        + e.status() + "; Error Code: " + code + "; Request ID: " + requestId + "; Proxy: null)");
  }
}
