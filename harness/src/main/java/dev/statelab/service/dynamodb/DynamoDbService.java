package dev.statelab.service.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Function;

/** The DynamoDB API (awsJson1_0, target {@code DynamoDB_20120810}, signing name {@code dynamodb}). */
public final class DynamoDbService extends JsonOperationsService {

  /** A service over {@code store}. */
  public DynamoDbService(DynamoDbStore store) {
    super("DynamoDB_20120810", operations(store));
  }

  private static Map<String, Function<JsonNode, JsonNode>> operations(DynamoDbStore store) {
    ItemOperations items = store.items();
    return Map.ofEntries(
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
  }
}
