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
 * An awsJson1_0 service signed as {@code dynamodb} whose operations are functions from request
 * body to response body: what DynamoDB and DynamoDB Streams share.
 */
abstract class JsonOperationsService implements AwsService {

  private final Map<String, Function<JsonNode, JsonNode>> operations;
  private final ServiceSpec spec;

  JsonOperationsService(String targetPrefix, Map<String, Function<JsonNode, JsonNode>> operations) {
    this.operations = Map.copyOf(operations);
    this.spec = ServiceSpec.newBuilder(AwsProtocol.AWS_JSON_1_0, "dynamodb")
        .targetPrefix(targetPrefix)
        .operations(operations.keySet())
        .build();
  }

  @Override
  public final ServiceSpec spec() {
    return spec;
  }

  /** Answers with a copy: callers in-process (the aws-sdk bridge) may change what they get. */
  @Override
  public final AwsResponse handle(AwsRequest request) {
    return AwsResponse.ok(operations.get(request.operation()).apply(request.body()).deepCopy());
  }
}
