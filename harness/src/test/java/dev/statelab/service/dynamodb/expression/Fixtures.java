package dev.statelab.service.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Items and contexts for expression tests, written as JSON with single quotes. */
final class Fixtures {

  private Fixtures() {}

  /** Parses JSON written with single quotes. */
  static JsonNode json(String singleQuoted) {
    return Json.parse(singleQuoted.replace('\'', '"'));
  }

  /** An item in DynamoDB JSON. */
  static ObjectNode item(String singleQuoted) {
    return (ObjectNode) json(singleQuoted);
  }

  /** A context with only ExpressionAttributeValues. */
  static ExpressionContext values(String singleQuoted) {
    return context(null, singleQuoted);
  }

  /** A context with names and values, either may be null. */
  static ExpressionContext context(String namesJson, String valuesJson) {
    Map<String, String> names = null;
    if (namesJson != null) {
      names = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : json(namesJson).properties()) {
        names.put(e.getKey(), e.getValue().asText());
      }
    }
    Map<String, JsonNode> values = null;
    if (valuesJson != null) {
      values = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : json(valuesJson).properties()) {
        values.put(e.getKey(), e.getValue());
      }
    }
    return new ExpressionContext(names, values);
  }

  /** A context without placeholders. */
  static ExpressionContext none() {
    return new ExpressionContext(null, null);
  }
}
