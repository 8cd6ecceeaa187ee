package dev.statelab.service.dynamodb.expression;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A parsed ProjectionExpression. */
public interface Projection {

  /** The projected parts of the item, keeping their nesting; lists keep selected elements in order. */
  ObjectNode apply(ObjectNode item);
}
