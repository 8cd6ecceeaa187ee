package dev.statelab.service.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.statelab.service.dynamodb.expression.Condition;
import dev.statelab.service.dynamodb.expression.ExpressionContext;
import dev.statelab.service.dynamodb.expression.ExpressionException;
import dev.statelab.service.dynamodb.expression.Expressions;
import dev.statelab.service.dynamodb.expression.KeyCondition;
import dev.statelab.service.dynamodb.expression.LegacyConditions;
import dev.statelab.service.dynamodb.expression.Projection;
import dev.statelab.service.dynamodb.expression.Update;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The expressions of one request (or one request item) sharing its ExpressionAttributeNames and
 * Values; parse errors become ValidationExceptions with the parser's AWS text.
 */
final class Expr {

  private final JsonNode body;
  private final JsonNode names;
  private final JsonNode values;
  private final ExpressionContext context;
  private boolean used;

  /** The pre-expression members DynamoDB still accepts and this stand-in does not model. */
  private static final List<String> LEGACY = List.of("AttributesToGet", "AttributeUpdates");

  /**
   * The expressions of a request whose members are in {@code body}.
   *
   * @throws DynamoDbException ValidationException for a legacy (pre-expression) parameter
   */
  Expr(JsonNode body) {
    for (String legacy : LEGACY) {
      if (body.hasNonNull(legacy)) {
        throw DynamoDbException.validation("StateLab's DynamoDB does not support the legacy parameter " + legacy
            + "; use ProjectionExpression or UpdateExpression instead");
      }
    }
    this.body = body;
    JsonNode n = body.get("ExpressionAttributeNames");
    JsonNode v = body.get("ExpressionAttributeValues");
    this.names = n == null || n.isNull() ? null : n;
    this.values = v == null || v.isNull() ? null : AttributeValues.normalize(v, "expressionAttributeValues");
    this.context = parse(() -> new ExpressionContext(nameMap(names), valueMap(values)));
  }

  private static Map<String, String> nameMap(JsonNode names) {
    if (names == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    names.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static Map<String, JsonNode> valueMap(JsonNode values) {
    if (values == null) {
      return null;
    }
    Map<String, JsonNode> out = new LinkedHashMap<>();
    values.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The parsed ConditionExpression, else the legacy {@code Expected}, or null when neither is given. */
  Condition condition(JsonNode text) {
    if (legacy("Expected", "ConditionExpression", text)) {
      return parse(() -> LegacyConditions.expected(body.get("Expected"), body.path("ConditionalOperator").asText(null)));
    }
    return present(text) ? parse(() -> Expressions.condition(text.asText(), context)) : null;
  }

  /** The parsed FilterExpression, else the legacy QueryFilter or ScanFilter, or null when none is given. */
  Condition filter(JsonNode text) {
    for (String member : List.of("QueryFilter", "ScanFilter")) {
      if (legacy(member, "FilterExpression", text)) {
        return parse(() -> LegacyConditions.filter(body.get(member), body.path("ConditionalOperator").asText(null)));
      }
    }
    return present(text) ? parse(() -> Expressions.filter(text.asText(), context)) : null;
  }

  /**
   * True when the legacy member is given instead of the expression.
   *
   * @throws DynamoDbException when both are given, in AWS's words
   */
  private boolean legacy(String member, String expressionMember, JsonNode expression) {
    if (!body.hasNonNull(member)) {
      return false;
    }
    if (expression != null && !expression.isNull()) {
      throw DynamoDbException.validation("Can not use both expression and non-expression parameters in the same"
          + " request: Non-expression parameters: {" + member + "} Expression parameters: {" + expressionMember + "}");
    }
    return true;
  }

  /** The parsed update expression, or null when absent. */
  Update update(JsonNode text) {
    return present(text) ? parse(() -> Expressions.update(text.asText(), context)) : null;
  }

  /** The parsed projection expression, or null when absent. */
  Projection projection(JsonNode text) {
    return present(text) ? parse(() -> Expressions.projection(text.asText(), context)) : null;
  }

  /** The parsed KeyConditionExpression, else the legacy KeyConditions, or null when neither is given. */
  KeyCondition keyCondition(JsonNode text) {
    if (legacy("KeyConditions", "KeyConditionExpression", text)) {
      return parse(() -> LegacyConditions.keyConditions(body.get("KeyConditions")));
    }
    return present(text) ? parse(() -> Expressions.keyCondition(text.asText(), context)) : null;
  }

  /**
   * Checks that names and values were given only with expressions and all used.
   *
   * @throws DynamoDbException ValidationException otherwise
   */
  void finish() {
    if (!used) {
      if (names != null) {
        throw DynamoDbException.validation("ExpressionAttributeNames can only be specified when using expressions");
      }
      if (values != null) {
        throw DynamoDbException.validation("ExpressionAttributeValues can only be specified when using expressions");
      }
      return;
    }
    parse(() -> {
      context.checkAllUsed();
      return null;
    });
  }

  /** Tests a condition against an item (a missing item reads as empty). */
  static boolean test(Condition condition, ObjectNode item) {
    return condition == null || parse(() -> condition.test(item == null ? Json.object() : item));
  }

  /** Applies an update to a copy of the item and returns the new item (the item is left as it was). */
  static ObjectNode apply(Update update, ObjectNode item) {
    return AttributeValues.normalize(parse(() -> update.apply(item)), "item");
  }

  /** The top-level attributes an update sets or removes. */
  static Set<String> updated(Update update) {
    return update.updatedTopLevelNames();
  }

  /** The projected item. */
  static ObjectNode project(Projection projection, ObjectNode item) {
    return projection == null ? item : parse(() -> projection.apply(item));
  }

  private boolean present(JsonNode text) {
    if (text == null || text.isNull()) {
      return false;
    }
    used = true;
    return true;
  }

  private static <T> T parse(Supplier<T> action) {
    try {
      return action.get();
    } catch (ExpressionException e) {
      throw DynamoDbException.validation(e.getMessage());
    }
  }
}
