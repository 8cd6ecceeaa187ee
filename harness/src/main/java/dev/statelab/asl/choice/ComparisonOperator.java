package dev.statelab.asl.choice;

import java.util.HashMap;
import java.util.Map;

/**
 * The comparison operators of JSONPath-mode Choice rules: a {@link ValueType}, a {@link Relation}
 * and whether the right-hand side is a literal or a path ({@code ...Path} variants).
 *
 * <p>{@code StringMatches} and the {@code Is*} type tests are not comparisons; see {@link
 * StringMatch} and {@link TypeTestOperator}.
 */
public enum ComparisonOperator {
  /** {@code StringEquals}. */
  STRING_EQUALS(ValueType.STRING, Relation.EQUALS, false),
  /** {@code StringEqualsPath}. */
  STRING_EQUALS_PATH(ValueType.STRING, Relation.EQUALS, true),
  /** {@code StringLessThan}. */
  STRING_LESS_THAN(ValueType.STRING, Relation.LESS_THAN, false),
  /** {@code StringLessThanPath}. */
  STRING_LESS_THAN_PATH(ValueType.STRING, Relation.LESS_THAN, true),
  /** {@code StringGreaterThan}. */
  STRING_GREATER_THAN(ValueType.STRING, Relation.GREATER_THAN, false),
  /** {@code StringGreaterThanPath}. */
  STRING_GREATER_THAN_PATH(ValueType.STRING, Relation.GREATER_THAN, true),
  /** {@code StringLessThanEquals}. */
  STRING_LESS_THAN_EQUALS(ValueType.STRING, Relation.LESS_THAN_EQUALS, false),
  /** {@code StringLessThanEqualsPath}. */
  STRING_LESS_THAN_EQUALS_PATH(ValueType.STRING, Relation.LESS_THAN_EQUALS, true),
  /** {@code StringGreaterThanEquals}. */
  STRING_GREATER_THAN_EQUALS(ValueType.STRING, Relation.GREATER_THAN_EQUALS, false),
  /** {@code StringGreaterThanEqualsPath}. */
  STRING_GREATER_THAN_EQUALS_PATH(ValueType.STRING, Relation.GREATER_THAN_EQUALS, true),
  /** {@code NumericEquals}. */
  NUMERIC_EQUALS(ValueType.NUMERIC, Relation.EQUALS, false),
  /** {@code NumericEqualsPath}. */
  NUMERIC_EQUALS_PATH(ValueType.NUMERIC, Relation.EQUALS, true),
  /** {@code NumericLessThan}. */
  NUMERIC_LESS_THAN(ValueType.NUMERIC, Relation.LESS_THAN, false),
  /** {@code NumericLessThanPath}. */
  NUMERIC_LESS_THAN_PATH(ValueType.NUMERIC, Relation.LESS_THAN, true),
  /** {@code NumericGreaterThan}. */
  NUMERIC_GREATER_THAN(ValueType.NUMERIC, Relation.GREATER_THAN, false),
  /** {@code NumericGreaterThanPath}. */
  NUMERIC_GREATER_THAN_PATH(ValueType.NUMERIC, Relation.GREATER_THAN, true),
  /** {@code NumericLessThanEquals}. */
  NUMERIC_LESS_THAN_EQUALS(ValueType.NUMERIC, Relation.LESS_THAN_EQUALS, false),
  /** {@code NumericLessThanEqualsPath}. */
  NUMERIC_LESS_THAN_EQUALS_PATH(ValueType.NUMERIC, Relation.LESS_THAN_EQUALS, true),
  /** {@code NumericGreaterThanEquals}. */
  NUMERIC_GREATER_THAN_EQUALS(ValueType.NUMERIC, Relation.GREATER_THAN_EQUALS, false),
  /** {@code NumericGreaterThanEqualsPath}. */
  NUMERIC_GREATER_THAN_EQUALS_PATH(ValueType.NUMERIC, Relation.GREATER_THAN_EQUALS, true),
  /** {@code BooleanEquals}. */
  BOOLEAN_EQUALS(ValueType.BOOLEAN, Relation.EQUALS, false),
  /** {@code BooleanEqualsPath}. */
  BOOLEAN_EQUALS_PATH(ValueType.BOOLEAN, Relation.EQUALS, true),
  /** {@code TimestampEquals}. */
  TIMESTAMP_EQUALS(ValueType.TIMESTAMP, Relation.EQUALS, false),
  /** {@code TimestampEqualsPath}. */
  TIMESTAMP_EQUALS_PATH(ValueType.TIMESTAMP, Relation.EQUALS, true),
  /** {@code TimestampLessThan}. */
  TIMESTAMP_LESS_THAN(ValueType.TIMESTAMP, Relation.LESS_THAN, false),
  /** {@code TimestampLessThanPath}. */
  TIMESTAMP_LESS_THAN_PATH(ValueType.TIMESTAMP, Relation.LESS_THAN, true),
  /** {@code TimestampGreaterThan}. */
  TIMESTAMP_GREATER_THAN(ValueType.TIMESTAMP, Relation.GREATER_THAN, false),
  /** {@code TimestampGreaterThanPath}. */
  TIMESTAMP_GREATER_THAN_PATH(ValueType.TIMESTAMP, Relation.GREATER_THAN, true),
  /** {@code TimestampLessThanEquals}. */
  TIMESTAMP_LESS_THAN_EQUALS(ValueType.TIMESTAMP, Relation.LESS_THAN_EQUALS, false),
  /** {@code TimestampLessThanEqualsPath}. */
  TIMESTAMP_LESS_THAN_EQUALS_PATH(ValueType.TIMESTAMP, Relation.LESS_THAN_EQUALS, true),
  /** {@code TimestampGreaterThanEquals}. */
  TIMESTAMP_GREATER_THAN_EQUALS(ValueType.TIMESTAMP, Relation.GREATER_THAN_EQUALS, false),
  /** {@code TimestampGreaterThanEqualsPath}. */
  TIMESTAMP_GREATER_THAN_EQUALS_PATH(ValueType.TIMESTAMP, Relation.GREATER_THAN_EQUALS, true);

  private static final Map<String, ComparisonOperator> BY_NAME = new HashMap<>();

  static {
    for (ComparisonOperator operator : values()) {
      BY_NAME.put(operator.awsName, operator);
    }
  }

  private final ValueType type;
  private final Relation relation;
  private final boolean path;
  private final String awsName;

  ComparisonOperator(ValueType type, Relation relation, boolean path) {
    this.type = type;
    this.relation = relation;
    this.path = path;
    this.awsName = type.prefix() + relation.suffix() + (path ? "Path" : "");
  }

  /** The operator with this ASL field name, or null. */
  public static ComparisonOperator byName(String name) {
    return BY_NAME.get(name);
  }

  /** The field name in ASL, e.g. {@code NumericLessThanPath}. */
  public String awsName() {
    return awsName;
  }

  /** The kind of values compared. */
  public ValueType type() {
    return type;
  }

  /** How the values must relate. */
  public Relation relation() {
    return relation;
  }

  /** True for the {@code ...Path} variants, whose operand is a path to the right-hand value. */
  public boolean isPath() {
    return path;
  }
}
