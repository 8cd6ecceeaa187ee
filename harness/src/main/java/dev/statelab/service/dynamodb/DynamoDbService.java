package dev.statelab.service.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.gateway.AwsProtocol;
import dev.statelab.gateway.AwsRequest;
import dev.statelab.gateway.AwsResponse;
import dev.statelab.gateway.AwsService;
import dev.statelab.gateway.ServiceSpec;
import java.util.Map;
import java.util.function.Function;

/** The DynamoDB API (awsJson1_0, target {@code DynamoDB_20120810}, signing name {@code dynamodb}). */
public final class DynamoDbService implements AwsService {

  private final Map<String, Function<JsonNode, JsonNode>> operations;
  private final ServiceSpec spec;

  /** A service over {@code store}. */
  public DynamoDbService(DynamoDbStore store) {
    ItemOperations items = store.items();
    this.operations = Map.ofEntries(
        Map.entry("CreateTable", store::createTable),
        Map.entry("DescribeTable", store::describeTable),
        Map.entry("UpdateTable", store::updateTable),
        Map.entry("DeleteTable", store::deleteTable),
        Map.entry("ListTables", store::listTables),
        Map.entry("GetItem", items::getItem),
        Map.entry("PutItem", items::putItem),
        Map.entry("UpdateItem", items::updateItem),
        Map.entry("DeleteItem", items::deleteItem),
        Map.entry("Query", items::query),
        Map.entry("Scan", items::scan),
        Map.entry("BatchGetItem", items::batchGetItem),
        Map.entry("BatchWriteItem", items::batchWriteItem),
        Map.entry("TransactWriteItems", items::transactWriteItems),
        Map.entry("TransactGetItems", items::transactGetItems));
    this.spec = ServiceSpec.newBuilder(AwsProtocol.AWS_JSON_1_0, "dynamodb")
        .targetPrefix("DynamoDB_20120810")
        .operations(operations.keySet())
        .build();
  }

  @Override
  public ServiceSpec spec() {
    return spec;
  }

  /** Answers with a copy: callers in-process (the aws-sdk bridge) may change what they get. */
  @Override
  public AwsResponse handle(AwsRequest request) {
    return AwsResponse.ok(operations.get(request.operation()).apply(request.body()).deepCopy());
  }
}
