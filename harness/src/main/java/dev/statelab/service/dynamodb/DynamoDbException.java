package dev.statelab.service.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.gateway.AwsServiceException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DynamoDB error in AWS's words: the {@code __type} carries DynamoDB's namespace, and the body
 * may carry more members ({@code Item} of a failed condition, {@code CancellationReasons}).
 */
public final class DynamoDbException extends AwsServiceException {

  private static final long serialVersionUID = 1L;
  private static final String NAMESPACE = "com.amazonaws.dynamodb.v20120810#";
  private static final String VALIDATION = "com.amazon.coral.validate#ValidationException";

  private final transient Map<String, JsonNode> extra;

  private DynamoDbException(String code, String message, Map<String, JsonNode> extra) {
    super(code, message, 400);
    this.extra = Map.copyOf(extra);
  }

  /** An error with DynamoDB's code, e.g. {@code ResourceNotFoundException}. */
  public static DynamoDbException of(String shortCode, String message) {
    return new DynamoDbException(NAMESPACE + shortCode, message, Map.of());
  }

  /** A {@code ValidationException} with AWS's message. */
  public static DynamoDbException validation(String message) {
    return new DynamoDbException(VALIDATION, message, Map.of());
  }

  /** {@code ResourceNotFoundException: Requested resource not found}, as item operations say it. */
  public static DynamoDbException notFound() {
    return of("ResourceNotFoundException", "Requested resource not found");
  }

  /** {@code ResourceNotFoundException} for a table named in a table operation. */
  public static DynamoDbException tableNotFound(String table) {
    return of("ResourceNotFoundException", "Requested resource not found: Table: " + table + " not found");
  }

  /** {@code ConditionalCheckFailedException}, with the old item when asked for. */
  public static DynamoDbException conditionFailed(JsonNode item) {
    Map<String, JsonNode> extra = new LinkedHashMap<>();
    if (item != null) {
      extra.put("Item", item);
    }
    return new DynamoDbException(NAMESPACE + "ConditionalCheckFailedException",
        "The conditional request failed", extra);
  }

  /** An error with more body members. */
  public static DynamoDbException withMembers(String shortCode, String message, Map<String, JsonNode> members) {
    return new DynamoDbException(NAMESPACE + shortCode, message, members);
  }

  @Override
  public Map<String, JsonNode> extraMembers() {
    return extra;
  }
}
