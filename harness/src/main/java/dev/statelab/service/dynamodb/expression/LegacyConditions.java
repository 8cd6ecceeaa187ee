package dev.statelab.service.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.service.dynamodb.expression.Token.Kind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The legacy conditional parameters ({@code Expected}, {@code QueryFilter}/{@code ScanFilter},
 * {@code KeyConditions}) as the same evaluators the expressions produce.
 *
 * <p>Each legacy comparison behaves as its documented expression equivalent: {@code NE} and
 * {@code NOT_CONTAINS} hold for a missing attribute, the other comparisons do not.
 */
public final class LegacyConditions {

  private static final Set<String> KEY_OPERATORS =
      Set.of("EQ", "LE", "LT", "GE", "GT", "BEGINS_WITH", "BETWEEN");

  private LegacyConditions() {}

  /**
   * Converts {@code Expected} and {@code ConditionalOperator} into a condition.
   *
   * @param expected the Expected map: attribute name to {Value, Exists, ComparisonOperator,
   *     AttributeValueList}
   * @param conditionalOperator AND (the default when null) or OR
   * @throws ExpressionException with AWS's text for a malformed entry
   */
  public static Condition expected(JsonNode expected, String conditionalOperator) {
    List<Condition> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      parts.add(expectedEntry(entry.getKey(), entry.getValue()));
    }
    return combine(parts, conditionalOperator);
  }

  /**
   * Converts a {@code QueryFilter} or {@code ScanFilter} and {@code ConditionalOperator} into a
   * condition.
   *
   * @param filter attribute name to {ComparisonOperator, AttributeValueList}
   * @param conditionalOperator AND (the default when null) or OR
   */
  public static Condition filter(JsonNode filter, String conditionalOperator) {
    List<Condition> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      parts.add(comparison(entry.getKey(), text(entry.getValue(), "ComparisonOperator"),
          values(entry.getValue())));
    }
    return combine(parts, conditionalOperator);
  }

  /**
   * Converts {@code KeyConditions} into a key condition.
   *
   * @param keyConditions attribute name to {ComparisonOperator, AttributeValueList}
   * @throws ExpressionException "Attempted conditional constraint is not an indexable operation"
   *     for operators a key condition cannot use
   */
  public static KeyCondition keyConditions(JsonNode keyConditions) {
    List<KeyConditionParser.Part> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = keyConditions.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String operator = text(entry.getValue(), "ComparisonOperator");
      List<JsonNode> values = values(entry.getValue());
      if (!KEY_OPERATORS.contains(operator)) {
        throw new ExpressionException("Attempted conditional constraint is not an indexable operation");
      }
      checkCount(operator, values, operator.equals("BETWEEN") ? 2 : 1);
      String partOperator = operator.equals("BEGINS_WITH") ? "begins_with" : operator;
      parts.add(new KeyConditionParser.Part(entry.getKey(), partOperator, values.get(0),
          values.size() > 1 ? values.get(1) : null));
    }
    if (parts.isEmpty()) {
      throw new ExpressionException(
          "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
    }
    return new KeyConditionParser.Plan(parts);
  }

  private static Condition expectedEntry(String name, JsonNode entry) {
    JsonNode value = entry.get("Value");
    if (entry.has("ComparisonOperator")) {
      List<JsonNode> values = entry.has("AttributeValueList") || value == null
          ? values(entry) : List.of(value);
      return comparison(name, text(entry, "ComparisonOperator"), values);
    }
    boolean exists = !entry.has("Exists") || entry.get("Exists").asBoolean();
    if (!exists) {
      if (value != null) {
        throw invalid("Value cannot be used when Exists is false for Attribute: " + name);
      }
      return item -> !item.has(name);
    }
    if (value == null) {
      throw invalid("Value must be provided when Exists is true for Attribute: " + name);
    }
    return item -> item.has(name) && AttributeValues.equal(item.get(name), value);
  }

  private static Condition comparison(String name, String operator, List<JsonNode> values) {
    switch (operator) {
      case "NULL", "NOT_NULL" -> {
        checkCount(operator, values, 0);
        boolean wantPresent = operator.equals("NOT_NULL");
        return item -> item.has(name) == wantPresent;
      }
      case "EQ", "NE", "LE", "LT", "GE", "GT" -> {
        checkCount(operator, values, 1);
        Kind comparator = switch (operator) {
          case "EQ" -> Kind.EQ;
          case "NE" -> Kind.NE;
          case "LE" -> Kind.LE;
          case "LT" -> Kind.LT;
          case "GE" -> Kind.GE;
          default -> Kind.GT;
        };
        JsonNode value = values.get(0);
        return item -> Comparison.compare(comparator, item.get(name), value);
      }
      case "CONTAINS", "NOT_CONTAINS" -> {
        checkCount(operator, values, 1);
        JsonNode value = values.get(0);
        boolean negate = operator.equals("NOT_CONTAINS");
        return item -> Comparison.contains(item.get(name), value) != negate;
      }
      case "BEGINS_WITH" -> {
        checkCount(operator, values, 1);
        JsonNode value = values.get(0);
        return item -> Comparison.beginsWith(item.get(name), value);
      }
      case "IN" -> {
        if (values.isEmpty()) {
          throw invalid("Invalid number of argument(s) for the IN ComparisonOperator");
        }
        return item -> item.has(name)
            && values.stream().anyMatch(v -> AttributeValues.equal(item.get(name), v));
      }
      case "BETWEEN" -> {
        checkCount(operator, values, 2);
        JsonNode low = values.get(0);
        JsonNode high = values.get(1);
        return item -> Comparison.compare(Kind.GE, item.get(name), low)
            && Comparison.compare(Kind.LE, item.get(name), high);
      }
      default -> throw new ExpressionException("1 validation error detected: Value '" + operator
          + "' at 'comparisonOperator' failed to satisfy constraint: Member must satisfy enum value "
          + "set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
    }
  }

  private static Condition combine(List<Condition> parts, String conditionalOperator) {
    boolean or = "OR".equals(conditionalOperator);
    return (ObjectNode item) -> or
        ? parts.stream().anyMatch(c -> c.test(item))
        : parts.stream().allMatch(c -> c.test(item));
  }

  private static void checkCount(String operator, List<JsonNode> values, int count) {
    if (values.size() != count) {
      throw invalid("Invalid number of argument(s) for the " + operator + " ComparisonOperator");
    }
  }

  private static String text(JsonNode entry, String field) {
    JsonNode node = entry.get(field);
    return node == null ? "" : node.asText();
  }

  private static List<JsonNode> values(JsonNode entry) {
    List<JsonNode> values = new ArrayList<>();
    JsonNode list = entry.get("AttributeValueList");
    if (list != null) {
      list.forEach(values::add);
    }
    return values;
  }

  private static ExpressionException invalid(String detail) {
    return new ExpressionException("One or more parameter values were invalid: " + detail);
  }
}
