package dev.statelab.service.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one request's members with the model's constraints; every violation is a {@code
 * ValidationException} worded as AWS's front end words it.
 */
final class Params {

  private final JsonNode body;

  Params(JsonNode body) {
    this.body = body;
  }

  private JsonNode node(String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value;
  }

  boolean has(String field) {
    return node(field) != null;
  }

  /** A required string of 1..max characters. */
  String required(String field, int max) {
    String value = string(field, max);
    if (value == null) {
      throw SfnErrors.constraint(field, null, "Member must not be null");
    }
    return value;
  }

  /** An optional string of 1..max characters, or null. */
  String string(String field, int max) {
    return string(field, 1, max);
  }

  /** An optional string of min..max characters, or null. */
  String string(String field, int min, int max) {
    JsonNode value = node(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw SfnErrors.serialization("Expected a string for '" + field + "'");
    }
    String text = value.asText();
    int length = text.codePointCount(0, text.length());
    if (length < min) {
      throw SfnErrors.constraint(field, text,
          "Member must have length greater than or equal to " + min);
    }
    if (length > max) {
      throw SfnErrors.constraint(field, text, "Member must have length less than or equal to " + max);
    }
    return text;
  }

  /** An optional enum member, checked against its value set (listed in the model's order). */
  String enumValue(String field, List<String> allowed) {
    JsonNode value = node(field);
    if (value == null) {
      return null;
    }
    String text = value.asText();
    if (!allowed.contains(text)) {
      throw SfnErrors.constraint(field, text,
          "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
    }
    return text;
  }

  /** An optional integer in min..max, or the default. */
  int integer(String field, int min, int max, int defaultValue) {
    JsonNode value = node(field);
    if (value == null) {
      return defaultValue;
    }
    if (!value.isIntegralNumber()) {
      throw SfnErrors.serialization("Expected an integer for '" + field + "'");
    }
    long number = value.asLong();
    if (number < min) {
      throw SfnErrors.constraint(field, number,
          "Member must have value greater than or equal to " + min);
    }
    if (number > max) {
      throw SfnErrors.constraint(field, number,
          "Member must have value less than or equal to " + max);
    }
    return (int) number;
  }

  /** A number member (present). */
  double number(String field) {
    JsonNode value = node(field);
    if (value == null || !value.isNumber()) {
      throw SfnErrors.serialization("Expected a number for '" + field + "'");
    }
    return value.asDouble();
  }

  /** An optional boolean, or the default. */
  boolean bool(String field, boolean defaultValue) {
    JsonNode value = node(field);
    if (value == null) {
      return defaultValue;
    }
    if (!value.isBoolean()) {
      throw SfnErrors.serialization("Expected a boolean for '" + field + "'");
    }
    return value.asBoolean();
  }

  /** An optional structure, or null. */
  JsonNode object(String field) {
    JsonNode value = node(field);
    if (value == null) {
      return null;
    }
    if (!value.isObject()) {
      throw SfnErrors.serialization("Expected a structure for '" + field + "'");
    }
    return value;
  }

  /** An optional list, or an empty one. */
  List<JsonNode> list(String field) {
    JsonNode value = node(field);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      throw SfnErrors.serialization("Expected a list for '" + field + "'");
    }
    List<JsonNode> items = new ArrayList<>();
    value.forEach(items::add);
    return items;
  }
}
