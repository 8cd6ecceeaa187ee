package dev.statelab.service.dynamodb.expression;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** A parsed UpdateExpression. */
public interface Update {

  /**
   * Applies the update to a copy of the item (empty when there is none) and returns the copy.
   *
   * @throws ExpressionException when AWS would reject the update for this item
   */
  ObjectNode apply(ObjectNode item);

  /** The top-level attribute names the update touches, for ReturnValues UPDATED_OLD/UPDATED_NEW. */
  Set<String> updatedTopLevelNames();

  /**
   * The paths the update touches as a projection: applied to the old item it gives UPDATED_OLD,
   * applied to the new item UPDATED_NEW (only the updated parts of nested attributes).
   */
  Projection updatedPaths();
}
