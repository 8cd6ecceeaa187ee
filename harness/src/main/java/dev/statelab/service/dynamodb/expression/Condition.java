package dev.statelab.service.dynamodb.expression;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A parsed ConditionExpression or FilterExpression. */
public interface Condition {

  /** Whether the item (in DynamoDB JSON; empty when there is no item) satisfies the condition. */
  boolean test(ObjectNode item);
}
