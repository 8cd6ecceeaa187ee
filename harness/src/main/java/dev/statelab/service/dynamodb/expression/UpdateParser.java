package dev.statelab.service.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.service.dynamodb.expression.Token.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent parser for update expressions.
 *
 * <pre>
 * update   := clause+ EOF              (each of SET, REMOVE, ADD, DELETE at most once)
 * clause   := SET path '=' value (',' path '=' value)*
 *           | REMOVE path (',' path)*
 *           | ADD path :value (',' path :value)*
 *           | DELETE path :value (',' path :value)*
 * value    := term (('+' | '-') term)?
 * term     := :value | path | if_not_exists '(' path ',' term ')' | list_append '(' term ',' term ')'
 * </pre>
 */
final class UpdateParser extends ExpressionParser {

  private static final List<String> CLAUSES = List.of("SET", "REMOVE", "ADD", "DELETE");

  private final Set<String> seenClauses = new LinkedHashSet<>();
  private final List<UpdateAction> actions = new ArrayList<>();

  UpdateParser(String text, ExpressionContext context) {
    super("UpdateExpression", text, context);
  }

  /** Parses the whole text. */
  Update parse() {
    do {
      clause();
    } while (!at(Kind.EOF));
    checkNoOverlap(actions.stream().map(UpdateAction::path).toList());
    return new UpdateAction.Plan(actions);
  }

  private void clause() {
    String clause = peek().text().toUpperCase(Locale.ROOT);
    if (!at(Kind.IDENTIFIER) || !CLAUSES.contains(clause)) {
      throw syntaxError();
    }
    next();
    if (!seenClauses.add(clause)) {
      throw invalid("The \"" + clause + "\" section can only be used once in an update expression;");
    }
    actions.addAll(commaList(() -> action(clause)));
  }

  private UpdateAction action(String clause) {
    DocumentPath path = parsePath();
    switch (clause) {
      case "SET" -> {
        expect(Kind.EQ);
        return new UpdateAction.Set(path, value());
      }
      case "REMOVE" -> {
        return new UpdateAction.Remove(path);
      }
      default -> {
        JsonNode value = parseValue();
        String type = AttributeValues.type(value);
        List<String> allowed = clause.equals("ADD") ? List.of("N", "SS", "NS", "BS") : List.of("SS", "NS", "BS");
        if (!allowed.contains(type)) {
          throw invalid("Incorrect operand type for operator or function; operator: " + clause
              + ", operand type: " + longTypeName(type));
        }
        return clause.equals("ADD") ? new UpdateAction.Add(path, value) : new UpdateAction.Delete(path, value);
      }
    }
  }

  private static String longTypeName(String type) {
    return switch (type) {
      case "S" -> "STRING";
      case "N" -> "NUMBER";
      case "B" -> "BINARY";
      case "BOOL" -> "BOOLEAN";
      case "L" -> "LIST";
      case "M" -> "MAP";
      default -> type;
    };
  }

  private UpdateValue value() {
    UpdateValue left;
    if (at(Kind.LPAREN)) {
      next();
      left = value();
      expect(Kind.RPAREN);
    } else {
      left = term();
    }
    if (at(Kind.PLUS) || at(Kind.MINUS)) {
      String operator = next().text();
      UpdateValue right = term();
      requireType(operator, left, "N");
      requireType(operator, right, "N");
      return new UpdateValue.Arithmetic(operator.equals("+"), left, right);
    }
    return left;
  }

  private UpdateValue term() {
    if (at(Kind.VALUE_PLACEHOLDER)) {
      return new UpdateValue.Constant(parseValue());
    }
    if (at(Kind.IDENTIFIER) && peekNext().kind() == Kind.LPAREN) {
      Token name = next();
      String function = name.text();
      if (!Functions.UPDATE.contains(function)) {
        throw invalid("Invalid function name; function: " + function);
      }
      expect(Kind.LPAREN);
      List<UpdateValue> args = commaList(this::term);
      expect(Kind.RPAREN);
      checkOperandCount(function, args, 2);
      if (function.equals("if_not_exists")) {
        if (!(args.get(0) instanceof UpdateValue.Path path)) {
          throw invalid("Operator or function requires a document path; operator or function: " + function);
        }
        return new UpdateValue.IfNotExists(path.path(), args.get(1));
      }
      requireType(function, args.get(0), "L");
      requireType(function, args.get(1), "L");
      return new UpdateValue.ListAppend(args.get(0), args.get(1));
    }
    if (atPath()) {
      return new UpdateValue.Path(parsePath());
    }
    throw syntaxError();
  }

  private void requireType(String function, UpdateValue value, String type) {
    if (value instanceof UpdateValue.Constant c && !AttributeValues.type(c.value()).equals(type)) {
      throw invalid("Incorrect operand type for operator or function; operator or function: "
          + function + ", operand type: " + AttributeValues.type(c.value()));
    }
  }

  /** The right-hand side of a SET action. */
  sealed interface UpdateValue {

    /** The value against the item as it was before the update. */
    JsonNode eval(ObjectNode item);

    /** The payload of an operand's value, which must have the type, else AWS's data type error. */
    private static JsonNode payload(UpdateValue operand, ObjectNode item, String type) {
      JsonNode value = operand.eval(item);
      if (!value.has(type)) {
        throw UpdateAction.incorrectDataType();
      }
      return value.get(type);
    }

    /** An expression attribute value. */
    record Constant(JsonNode value) implements UpdateValue {
      @Override
      public JsonNode eval(ObjectNode item) {
        return value.deepCopy();
      }
    }

    /** A path that must exist in the item. */
    record Path(DocumentPath path) implements UpdateValue {
      @Override
      public JsonNode eval(ObjectNode item) {
        JsonNode value = AttributeValues.get(item, path);
        if (value == null) {
          throw new ExpressionException(
              "The provided expression refers to an attribute that does not exist in the item");
        }
        return value.deepCopy();
      }
    }

    /** {@code if_not_exists(path, value)}. */
    record IfNotExists(DocumentPath path, UpdateValue fallback) implements UpdateValue {
      @Override
      public JsonNode eval(ObjectNode item) {
        JsonNode value = AttributeValues.get(item, path);
        return value != null ? value.deepCopy() : fallback.eval(item);
      }
    }

    /** {@code list_append(a, b)}. */
    record ListAppend(UpdateValue first, UpdateValue second) implements UpdateValue {
      @Override
      public JsonNode eval(ObjectNode item) {
        ArrayNode joined = ((ArrayNode) payload(first, item, "L")).deepCopy();
        joined.addAll((ArrayNode) payload(second, item, "L"));
        return AttributeValues.of("L", joined);
      }
    }

    /** {@code a + b} or {@code a - b} on numbers. */
    record Arithmetic(boolean plus, UpdateValue left, UpdateValue right) implements UpdateValue {
      @Override
      public JsonNode eval(ObjectNode item) {
        BigDecimal x = Numbers.parse(payload(left, item, "N").asText());
        BigDecimal y = Numbers.parse(payload(right, item, "N").asText());
        return AttributeValues.number(Numbers.check(plus ? x.add(y) : x.subtract(y)));
      }
    }
  }
}
