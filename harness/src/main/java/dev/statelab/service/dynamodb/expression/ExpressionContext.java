package dev.statelab.service.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ExpressionAttributeNames and ExpressionAttributeValues of one request, tracking which
 * placeholders the request's expressions used.
 */
public final class ExpressionContext {

  private final Map<String, String> names;
  private final Map<String, JsonNode> values;
  private final Set<String> usedNames = new LinkedHashSet<>();
  private final Set<String> usedValues = new LinkedHashSet<>();

  /**
   * Creates the context for one request.
   *
   * @param names ExpressionAttributeNames, or null
   * @param values ExpressionAttributeValues, or null
   * @throws ExpressionException when a map is empty or has a key AWS would reject
   */
  public ExpressionContext(Map<String, String> names, Map<String, JsonNode> values) {
    this.names = names == null ? Map.of() : new LinkedHashMap<>(names);
    this.values = values == null ? Map.of() : new LinkedHashMap<>(values);
    if (names != null && names.isEmpty()) {
      throw new ExpressionException("ExpressionAttributeNames must not be empty");
    }
    if (values != null && values.isEmpty()) {
      throw new ExpressionException("ExpressionAttributeValues must not be empty");
    }
    checkKeys("ExpressionAttributeNames", this.names.keySet(), '#');
    checkKeys("ExpressionAttributeValues", this.values.keySet(), ':');
  }

  private static void checkKeys(String field, Set<String> keys, char sigil) {
    for (String key : keys) {
      if (key.length() < 2 || key.charAt(0) != sigil || !Lexer.allWordChars(key, 1)) {
        throw new ExpressionException(
            field + " contains invalid key: Syntax error; key: \"" + key + "\"");
      }
    }
  }

  /**
   * Throws when a placeholder was given but no expression of the request used it.
   *
   * @throws ExpressionException AWS's "unused in expressions" text
   */
  public void checkAllUsed() {
    List<String> unusedValues =
        values.keySet().stream().filter(k -> !usedValues.contains(k)).toList();
    if (!unusedValues.isEmpty()) {
      throw new ExpressionException(
          "Value provided in ExpressionAttributeValues unused in expressions: keys: {"
              + String.join(", ", unusedValues) + "}");
    }
    List<String> unusedNames = names.keySet().stream().filter(k -> !usedNames.contains(k)).toList();
    if (!unusedNames.isEmpty()) {
      throw new ExpressionException(
          "Value provided in ExpressionAttributeNames unused in expressions: keys: {"
              + String.join(", ", unusedNames) + "}");
    }
  }

  /** The attribute name behind {@code #placeholder}; {@code expressionKind} prefixes the error. */
  String name(String placeholder, String expressionKind) {
    String name = names.get(placeholder);
    if (name == null) {
      throw new ExpressionException("Invalid " + expressionKind
          + ": An expression attribute name used in the document path is not defined; attribute name: "
          + placeholder);
    }
    usedNames.add(placeholder);
    return name;
  }

  /** The attribute value behind {@code :placeholder}; {@code expressionKind} prefixes the error. */
  JsonNode value(String placeholder, String expressionKind) {
    JsonNode value = values.get(placeholder);
    if (value == null) {
      throw new ExpressionException("Invalid " + expressionKind
          + ": An expression attribute value used in expression is not defined; attribute value: "
          + placeholder);
    }
    usedValues.add(placeholder);
    return value;
  }
}
