package dev.statelab.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** The type-test operators ({@code IsNull}, {@code IsPresent}, ...), each taking {@code true} or {@code false}. */
public enum TypeTestOperator {
  /** The value is JSON {@code null}. */
  IS_NULL("IsNull"),
  /** The path selects something (a {@code null} value counts as present). */
  IS_PRESENT("IsPresent"),
  /** The value is a JSON number. */
  IS_NUMERIC("IsNumeric"),
  /** The value is a JSON string. */
  IS_STRING("IsString"),
  /** The value is a JSON boolean. */
  IS_BOOLEAN("IsBoolean"),
  /** The value is a string holding a timestamp as {@link Timestamps} accepts it. */
  IS_TIMESTAMP("IsTimestamp");

  private static final Map<String, TypeTestOperator> BY_NAME = new HashMap<>();

  static {
    for (TypeTestOperator operator : values()) {
      BY_NAME.put(operator.awsName, operator);
    }
  }

  private final String awsName;

  TypeTestOperator(String awsName) {
    this.awsName = awsName;
  }

  /** The operator with this ASL field name, or null. */
  public static TypeTestOperator byName(String name) {
    return BY_NAME.get(name);
  }

  /** The field name in ASL, e.g. {@code IsTimestamp}. */
  public String awsName() {
    return awsName;
  }

  /** True when a present value has the tested type ({@link #IS_PRESENT} is decided before this). */
  boolean test(JsonNode value) {
    return switch (this) {
      case IS_NULL -> value.isNull();
      case IS_PRESENT -> true;
      case IS_NUMERIC -> value.isNumber();
      case IS_STRING -> value.isTextual();
      case IS_BOOLEAN -> value.isBoolean();
      case IS_TIMESTAMP -> value.isTextual() && Timestamps.isTimestamp(value.textValue());
    };
  }
}
