package dev.statelab.asl.jsonata;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON type a field's value must have, named as AWS names it in causes. */
public enum ExpectedType {
  /** A JSON array. */
  ARRAY("array"),
  /** A JSON object. */
  OBJECT("object"),
  /** A JSON string. */
  STRING("string"),
  /** A JSON number. */
  NUMBER("number"),
  /** A JSON boolean. */
  BOOLEAN("boolean");

  private final String awsName;

  ExpectedType(String awsName) {
    this.awsName = awsName;
  }

  /** The name AWS uses in "Expected 'array', but was ..." causes. */
  public String awsName() {
    return awsName;
  }

  /** True when the value has this type. */
  public boolean matches(JsonNode value) {
    if (value == null) {
      return false;
    }
    return switch (this) {
      case ARRAY -> value.isArray();
      case OBJECT -> value.isObject();
      case STRING -> value.isTextual();
      case NUMBER -> value.isNumber();
      case BOOLEAN -> value.isBoolean();
    };
  }
}
