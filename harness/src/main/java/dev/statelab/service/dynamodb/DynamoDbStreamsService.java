package dev.statelab.service.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Function;

/**
 * The DynamoDB Streams API (awsJson1_0, target {@code DynamoDBStreams_20120810}, signing name
 * {@code dynamodb}: the gateway tells it from DynamoDB by the target prefix).
 */
public final class DynamoDbStreamsService extends JsonOperationsService {

  /** A service over {@code store}'s streams. */
  public DynamoDbStreamsService(DynamoDbStore store) {
    super("DynamoDBStreams_20120810", operations(store));
  }

  private static Map<String, Function<JsonNode, JsonNode>> operations(DynamoDbStore store) {
    StreamOperations streams = store.streams();
    return Map.of(
        "ListStreams", streams::listStreams,
        "DescribeStream", streams::describeStream,
        "GetShardIterator", streams::getShardIterator,
        "GetRecords", streams::getRecords);
  }
}
