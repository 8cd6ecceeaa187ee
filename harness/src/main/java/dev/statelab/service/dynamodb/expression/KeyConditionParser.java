package dev.statelab.service.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.service.dynamodb.expression.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parser for key condition expressions.
 *
 * <pre>
 * keyCondition := part (AND part)? EOF
 * part         := '(' part ')' | begins_with '(' path ',' :value ')'
 *               | path comparator :value | path BETWEEN :value AND :value
 * </pre>
 */
final class KeyConditionParser extends ExpressionParser {

  KeyConditionParser(String text, ExpressionContext context) {
    super("KeyConditionExpression", text, context);
  }

  /** Parses the whole text. */
  KeyCondition parse() {
    List<Part> parts = new ArrayList<>();
    parts.add(parenthesised());
    while (atKeyword("AND")) {
      next();
      parts.add(parenthesised());
    }
    rejectOperator();
    expectEnd();
    if (parts.stream().map(Part::name).distinct().count() < parts.size()) {
      throw invalid("KeyConditionExpressions must only contain one condition per key");
    }
    return new Plan(parts);
  }

  private Part parenthesised() {
    if (at(Kind.LPAREN)) {
      rejectRedundantParentheses();
      next();
      Part part = parenthesised();
      rejectOperator();
      expect(Kind.RPAREN);
      return part;
    }
    rejectOperator();
    return part();
  }

  private void rejectOperator() {
    Token token = peek();
    if (token.isKeyword("OR") || token.isKeyword("NOT") || token.isKeyword("IN")) {
      throw new ExpressionException(
          "Invalid operator used in KeyConditionExpression: " + token.text().toUpperCase());
    }
    if (token.kind() == Kind.NE) {
      throw new ExpressionException("Invalid operator used in KeyConditionExpression: <>");
    }
  }

  private Part part() {
    if (at(Kind.IDENTIFIER) && peekNext().kind() == Kind.LPAREN) {
      Token function = next();
      if (!function.text().equals("begins_with")) {
        if (Functions.CONDITION.contains(function.text())) {
          throw new ExpressionException(
              "Invalid operator used in KeyConditionExpression: " + function.text());
        }
        throw invalid("Invalid function name; function: " + function.text());
      }
      expect(Kind.LPAREN);
      String name = keyName();
      expect(Kind.COMMA);
      JsonNode prefix = parseValue();
      expect(Kind.RPAREN);
      String type = AttributeValues.type(prefix);
      if (!type.equals("S") && !type.equals("B")) {
        throw invalid("Incorrect operand type for operator or function; operator or function: "
            + "begins_with, operand type: " + type);
      }
      return new Part(name, "begins_with", prefix, null);
    }
    if (at(Kind.VALUE_PLACEHOLDER)) {
      JsonNode value = parseValue();
      Token comparator = comparator();
      checkOrderingOperand(comparator.kind(), value);
      return new Part(keyName(), Comparison.mirror(comparator.kind()).name(), value, null);
    }
    String name = keyName();
    if (atKeyword("BETWEEN")) {
      next();
      JsonNode low = parseValue();
      checkOperandType("BETWEEN", low);
      expectKeyword("AND");
      JsonNode high = parseValue();
      checkOperandType("BETWEEN", high);
      Integer order = AttributeValues.compare(low, high);
      if (order != null && order > 0) {
        throw invalid("The BETWEEN operator requires upper bound to be greater than or equal to lower "
            + "bound; lower bound operand: AttributeValue: " + Comparison.show(low)
            + ", upper bound operand: AttributeValue: " + Comparison.show(high));
      }
      return new Part(name, "BETWEEN", low, high);
    }
    Token comparator = comparator();
    JsonNode value = parseValue();
    checkOrderingOperand(comparator.kind(), value);
    return new Part(name, comparator.kind().name(), value, null);
  }

  private Token comparator() {
    rejectOperator();
    if (!Comparison.isComparator(peek().kind())) {
      throw syntaxError();
    }
    return next();
  }

  private void checkOrderingOperand(Kind comparator, JsonNode value) {
    if (comparator != Kind.EQ) {
      checkOperandType(Comparison.symbol(comparator), value);
    }
  }

  private void checkOperandType(String operator, JsonNode value) {
    String type = AttributeValues.type(value);
    if (!type.equals("S") && !type.equals("N") && !type.equals("B")) {
      throw invalid("Incorrect operand type for operator or function; operator or function: "
          + operator + ", operand type: " + type);
    }
  }

  private String keyName() {
    DocumentPath path = parsePath();
    if (path.steps().size() > 1) {
      throw invalid("KeyConditionExpressions cannot have conditions on nested attributes");
    }
    return path.topName();
  }

  /** One key condition: {@code operator} is a comparator token name, BETWEEN or begins_with. */
  record Part(String name, String operator, JsonNode value, JsonNode high) {

    boolean matches(JsonNode attribute) {
      return switch (operator) {
        case "begins_with" -> Comparison.beginsWith(attribute, value);
        case "BETWEEN" -> Comparison.compare(Kind.GE, attribute, value)
            && Comparison.compare(Kind.LE, attribute, high);
        default -> Comparison.compare(Kind.valueOf(operator), attribute, value);
      };
    }
  }

  /** The parsed key condition; the partition part is the first equality until validated. */
  static final class Plan implements KeyCondition {
    private final List<Part> parts;
    private Part partition;
    private Part sort;

    Plan(List<Part> parts) {
      this.parts = List.copyOf(parts);
      this.partition = parts.stream().filter(p -> p.operator().equals("EQ")).findFirst()
          .orElse(parts.get(0));
      this.sort = parts.stream().filter(p -> p != partition).findFirst().orElse(null);
    }

    @Override
    public String partitionKeyName() {
      return partition.name();
    }

    @Override
    public JsonNode partitionKeyValue() {
      return partition.value();
    }

    @Override
    public Optional<String> sortKeyName() {
      return Optional.ofNullable(sort).map(Part::name);
    }

    @Override
    public boolean matchesSortKey(JsonNode sortKeyAttributeValue) {
      return sort == null || sort.matches(sortKeyAttributeValue);
    }

    @Override
    public void validate(String hashKeyName, String rangeKeyNameOrNull) {
      int keyCount = rangeKeyNameOrNull == null ? 1 : 2;
      if (parts.size() > keyCount) {
        throw new ExpressionException("The number of query conditions (" + parts.size()
            + ") exceeds the number of key attributes defined in the schema (" + keyCount + ")");
      }
      Part hash = parts.stream().filter(p -> p.name().equals(hashKeyName)).findFirst()
          .orElseThrow(() -> new ExpressionException(
              "Query condition missed key schema element: " + hashKeyName));
      if (!hash.operator().equals("EQ")) {
        throw new ExpressionException("Query key condition not supported");
      }
      Part other = parts.stream().filter(p -> p != hash).findFirst().orElse(null);
      if (other != null && !other.name().equals(rangeKeyNameOrNull)) {
        throw new ExpressionException(
            "Query condition missed key schema element: " + rangeKeyNameOrNull);
      }
      partition = hash;
      sort = other;
    }

    @Override
    public void validate(String hashKeyName, String hashKeyType, String rangeKeyNameOrNull,
        String rangeKeyTypeOrNull) {
      validate(hashKeyName, rangeKeyNameOrNull);
      checkSchemaType(partition, hashKeyType);
      if (sort != null) {
        checkSchemaType(sort, rangeKeyTypeOrNull);
      }
    }

    private static void checkSchemaType(Part part, String type) {
      boolean matches = AttributeValues.type(part.value()).equals(type)
          && (part.high() == null || AttributeValues.type(part.high()).equals(type));
      if (!matches) {
        throw new ExpressionException("One or more parameter values were invalid: "
            + "Condition parameter type does not match schema type");
      }
    }
  }
}
