package dev.statelab.service.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.statelab.service.dynamodb.expression.Condition;
import dev.statelab.service.dynamodb.expression.ExpressionContext;
import dev.statelab.service.dynamodb.expression.ExpressionException;
import dev.statelab.service.dynamodb.expression.Expressions;
import dev.statelab.service.dynamodb.expression.KeyCondition;
import dev.statelab.service.dynamodb.expression.Projection;
import dev.statelab.service.dynamodb.expression.Update;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The expressions of one request (or one request item) sharing its ExpressionAttributeNames and
 * Values; parse errors become ValidationExceptions with the parser's AWS text.
 */
final class Expr {

  private final JsonNode names;
  private final JsonNode values;
  private final ExpressionContext context;
  private boolean used;

  /** The expressions of a request whose members are in {@code body}. */
  Expr(JsonNode body) {
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

  /** The parsed condition of member {@code text}, or null when absent. */
  Condition condition(JsonNode text) {
    return present(text) ? parse(() -> Expressions.condition(text.asText(), context)) : null;
  }

  /** The parsed filter expression of member {@code text}, or null when absent. */
  Condition filter(JsonNode text) {
    return present(text) ? parse(() -> Expressions.filter(text.asText(), context)) : null;
  }

  /** The parsed update expression, or null when absent. */
  Update update(JsonNode text) {
    return present(text) ? parse(() -> Expressions.update(text.asText(), context)) : null;
  }

  /** The parsed projection expression, or null when absent. */
  Projection projection(JsonNode text) {
    return present(text) ? parse(() -> Expressions.projection(text.asText(), context)) : null;
  }

  /** The parsed key condition, or null when absent. */
  KeyCondition keyCondition(JsonNode text) {
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

  /** Applies an update to a copy of the item and returns the new item. */
  static ObjectNode apply(Update update, ObjectNode item) {
    ObjectNode copy = item;
    return AttributeValues.normalize(parse(() -> update.apply(copy)), "item");
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
