package dev.statelab.service.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.service.dynamodb.expression.Token.Kind;

/** Evaluation of comparators and the value-testing functions, with DynamoDB's type rules. */
final class Comparison {

  private Comparison() {}

  /** Whether the token kind is one of {@code = <> < <= > >=}. */
  static boolean isComparator(Kind kind) {
    return switch (kind) {
      case EQ, NE, LT, LE, GT, GE -> true;
      default -> false;
    };
  }

  /** The comparator that gives the same result with the operands swapped ({@code <} for {@code >}). */
  static Kind mirror(Kind comparator) {
    return switch (comparator) {
      case LT -> Kind.GT;
      case LE -> Kind.GE;
      case GT -> Kind.LT;
      case GE -> Kind.LE;
      default -> comparator;
    };
  }

  /** The comparator as written in expressions. */
  static String symbol(Kind comparator) {
    return switch (comparator) {
      case EQ -> "=";
      case NE -> "<>";
      case LT -> "<";
      case LE -> "<=";
      case GT -> ">";
      default -> ">=";
    };
  }

  /**
   * Applies a comparator. A missing operand or mismatched types make the comparison false, except
   * {@code <>}, which is then true.
   */
  static boolean compare(Kind comparator, JsonNode left, JsonNode right) {
    if (comparator == Kind.EQ || comparator == Kind.NE) {
      boolean equal = left != null && right != null && AttributeValues.equal(left, right);
      return equal == (comparator == Kind.EQ);
    }
    if (left == null || right == null) {
      return false;
    }
    Integer order = AttributeValues.compare(left, right);
    if (order == null) {
      return false;
    }
    return switch (comparator) {
      case LT -> order < 0;
      case LE -> order <= 0;
      case GT -> order > 0;
      default -> order >= 0;
    };
  }

  /** {@code begins_with}: a string or binary prefix test; other types are false. */
  static boolean beginsWith(JsonNode value, JsonNode prefix) {
    if (value == null || prefix == null) {
      return false;
    }
    String type = AttributeValues.type(value);
    if (!type.equals(AttributeValues.type(prefix))) {
      return false;
    }
    return switch (type) {
      case "S" -> value.get("S").asText().startsWith(prefix.get("S").asText());
      case "B" -> AttributeValues.startsWith(
          AttributeValues.bytes(value.get("B")), AttributeValues.bytes(prefix.get("B")));
      default -> false;
    };
  }

  /** {@code contains}: substring of a string or binary, member of a set, element of a list. */
  static boolean contains(JsonNode value, JsonNode operand) {
    if (value == null || operand == null) {
      return false;
    }
    String type = AttributeValues.type(value);
    String operandType = AttributeValues.type(operand);
    return switch (type) {
      case "S" -> operandType.equals("S")
          && value.get("S").asText().contains(operand.get("S").asText());
      case "B" -> operandType.equals("B") && AttributeValues.containsBytes(
          AttributeValues.bytes(value.get("B")), AttributeValues.bytes(operand.get("B")));
      case "SS", "NS", "BS" -> operandType.equals(type.substring(0, 1))
          && AttributeValues.setContains(type, value.get(type), AttributeValues.payload(operand));
      case "L" -> {
        for (JsonNode element : value.get("L")) {
          if (AttributeValues.equal(element, operand)) {
            yield true;
          }
        }
        yield false;
      }
      default -> false;
    };
  }

  /** An attribute value as AWS prints it in messages: {@code {N:5}}. */
  static String show(JsonNode value) {
    return "{" + AttributeValues.type(value) + ":" + AttributeValues.payload(value).asText() + "}";
  }
}
