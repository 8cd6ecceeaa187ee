package dev.statelab.service.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A parsed KeyConditionExpression: equality on the partition key, optionally one sort key condition.
 *
 * <p>Which attribute is the partition key is guessed from the operators until {@link #validate}
 * names it; call {@code validate} before relying on the key names.
 */
public interface KeyCondition {

  /** The partition key attribute name. */
  String partitionKeyName();

  /** The attribute value the partition key must equal. */
  JsonNode partitionKeyValue();

  /** The sort key attribute name, when the expression has a sort key condition. */
  Optional<String> sortKeyName();

  /** Whether a sort key attribute value satisfies the sort key condition (true when there is none). */
  boolean matchesSortKey(JsonNode sortKeyAttributeValue);

  /**
   * Checks the expression against a table or index key schema.
   *
   * @param hashKeyName the partition key attribute name
   * @param rangeKeyNameOrNull the sort key attribute name, or null when the schema has none
   * @throws ExpressionException with AWS's text when the conditions do not fit the schema
   */
  void validate(String hashKeyName, String rangeKeyNameOrNull);

  /**
   * Checks the expression against a key schema including the key attribute types (S, N or B):
   * everything {@link #validate(String, String)} checks, then that each value has its key's type.
   *
   * @throws ExpressionException "One or more parameter values were invalid: Condition parameter
   *     type does not match schema type" when a value has another type
   */
  void validate(String hashKeyName, String hashKeyType, String rangeKeyNameOrNull,
      String rangeKeyTypeOrNull);
}
