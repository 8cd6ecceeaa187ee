package dev.statelab.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The kind of value a comparison operator works on, and how two such values compare.
 *
 * <p>Comparisons never coerce: a value of another JSON type (a numeric string for a Numeric
 * operator, a number for a String operator, a string that is not a timestamp for a Timestamp
 * operator) makes the comparison not match.
 */
public enum ValueType {
  /** JSON strings, ordered by UTF-16 code units as {@link String#compareTo} orders them. */
  STRING("String"),
  /** JSON numbers, compared exactly as decimals ({@code 1} equals {@code 1.0}). */
  NUMERIC("Numeric"),
  /** JSON booleans; only equality exists. */
  BOOLEAN("Boolean"),
  /** Strings holding timestamps, compared as instants (see {@link Timestamps}). */
  TIMESTAMP("Timestamp");

  private final String prefix;

  ValueType(String prefix) {
    this.prefix = prefix;
  }

  /** The operator name part AWS uses, e.g. {@code Numeric}. */
  public String prefix() {
    return prefix;
  }

  /** True when an operator literal of this type is acceptable (type only; timestamps are checked apart). */
  boolean acceptsLiteral(JsonNode value) {
    return switch (this) {
      case STRING, TIMESTAMP -> value.isTextual();
      case NUMERIC -> value.isNumber();
      case BOOLEAN -> value.isBoolean();
    };
  }

  /** The JSON type name AWS uses for this type in schema messages. */
  String schemaTypeName() {
    return switch (this) {
      case STRING, TIMESTAMP -> "String";
      case NUMERIC -> "Number";
      case BOOLEAN -> "Boolean";
    };
  }

  /**
   * Compares two values of this type.
   *
   * @return the {@code compareTo}-style order, or null when either value is not of this type
   */
  Integer compare(JsonNode left, JsonNode right) {
    switch (this) {
      case STRING -> {
        if (left.isTextual() && right.isTextual()) {
          return Integer.signum(left.textValue().compareTo(right.textValue()));
        }
        return null;
      }
      case NUMERIC -> {
        if (left.isNumber() && right.isNumber()) {
          return left.decimalValue().compareTo(right.decimalValue());
        }
        return null;
      }
      case BOOLEAN -> {
        if (left.isBoolean() && right.isBoolean()) {
          return left.booleanValue() == right.booleanValue() ? 0 : 1;
        }
        return null;
      }
      default -> {
        if (!left.isTextual() || !right.isTextual()) {
          return null;
        }
        Instant a = Timestamps.parse(left.textValue());
        Instant b = Timestamps.parse(right.textValue());
        if (a == null || b == null) {
          return null;
        }
        return a.compareTo(b);
      }
    }
  }
}
