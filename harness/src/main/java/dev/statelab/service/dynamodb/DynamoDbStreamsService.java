package dev.statelab.service.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.gateway.AwsProtocol;
import dev.statelab.gateway.AwsRequest;
import dev.statelab.gateway.AwsResponse;
import dev.statelab.gateway.AwsService;
import dev.statelab.gateway.ServiceSpec;
import java.util.Map;
import java.util.function.Function;

/**
 * The DynamoDB Streams API (awsJson1_0, target {@code DynamoDBStreams_20120810}, signing name
 * {@code dynamodb}: the gateway tells it from DynamoDB by the target prefix).
 */
public final class DynamoDbStreamsService implements AwsService {

  private final Map<String, Function<JsonNode, JsonNode>> operations;
  private final ServiceSpec spec;

  /** A service over {@code store}'s streams. */
  public DynamoDbStreamsService(DynamoDbStore store) {
    StreamOperations streams = store.streams();
    this.operations = Map.of(
        "ListStreams", streams::listStreams,
        "DescribeStream", streams::describeStream,
        "GetShardIterator", streams::getShardIterator,
        "GetRecords", streams::getRecords);
    this.spec = ServiceSpec.newBuilder(AwsProtocol.AWS_JSON_1_0, "dynamodb")
        .targetPrefix("DynamoDBStreams_20120810")
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
