package dev.statelab.service.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.service.dynamodb.expression.Token.Kind;
import java.util.List;

/**
 * Recursive-descent parser for condition and filter expressions.
 *
 * <pre>
 * condition  := or EOF
 * or         := and (OR and)*
 * and        := not (AND not)*
 * not        := NOT not | primary
 * primary    := '(' or ')' | function | operand comparator operand
 *             | operand BETWEEN operand AND operand | operand IN '(' operand (',' operand)* ')'
 * operand    := path | :value | size '(' path ')'
 * </pre>
 */
final class ConditionParser extends ExpressionParser {

  /** The most operands AWS accepts on the right of IN. */
  static final int MAX_IN_OPERANDS = 100;

  /** The most operators and functions AWS accepts in one expression. */
  static final int MAX_OPERATORS = 300;

  private int operators;

  ConditionParser(String kind, String text, ExpressionContext context) {
    super(kind, text, context);
  }

  /** Counts one operator or function, failing past AWS's limit. */
  private void countOperator() {
    if (++operators > MAX_OPERATORS) {
      throw invalid("The expression contains too many operators; operator count: " + operators);
    }
  }

  /** Parses the whole text. */
  Condition parse() {
    Condition condition = or();
    expectEnd();
    return condition;
  }

  private Condition or() {
    Condition left = and();
    while (atKeyword("OR")) {
      next();
      countOperator();
      Condition l = left;
      Condition r = and();
      left = item -> l.test(item) || r.test(item);
    }
    return left;
  }

  private Condition and() {
    Condition left = not();
    while (atKeyword("AND")) {
      next();
      countOperator();
      Condition l = left;
      Condition r = not();
      left = item -> l.test(item) && r.test(item);
    }
    return left;
  }

  private Condition not() {
    if (atKeyword("NOT")) {
      next();
      countOperator();
      Condition inner = not();
      return item -> !inner.test(item);
    }
    return primary();
  }

  private Condition primary() {
    if (at(Kind.LPAREN)) {
      rejectRedundantParentheses();
      next();
      Condition inner = or();
      expect(Kind.RPAREN);
      return inner;
    }
    if (at(Kind.IDENTIFIER) && peekNext().kind() == Kind.LPAREN && !peek().text().equals("size")) {
      return function();
    }
    Operand left = operand();
    if (atKeyword("BETWEEN")) {
      next();
      countOperator();
      checkOrderable("BETWEEN", left);
      Operand low = operand();
      checkOrderable("BETWEEN", low);
      expectKeyword("AND");
      Operand high = operand();
      checkOrderable("BETWEEN", high);
      checkBounds(low, high);
      return item -> between(left.eval(item), low.eval(item), high.eval(item));
    }
    if (atKeyword("IN")) {
      next();
      countOperator();
      return in(left);
    }
    Kind comparator = peek().kind();
    if (!Comparison.isComparator(comparator)) {
      if (left instanceof Operand.Size && (at(Kind.EOF) || atKeyword("AND") || atKeyword("OR")
          || at(Kind.RPAREN))) {
        throw invalid("The function is not allowed to be used this way in an expression; function: size");
      }
      throw syntaxError();
    }
    next();
    countOperator();
    Operand right = operand();
    checkDistinct(Comparison.symbol(comparator), left, right);
    if (comparator != Kind.EQ && comparator != Kind.NE) {
      checkOrderable(Comparison.symbol(comparator), left);
      checkOrderable(Comparison.symbol(comparator), right);
    }
    return item -> Comparison.compare(comparator, left.eval(item), right.eval(item));
  }

  private Condition in(Operand left) {
    expect(Kind.LPAREN);
    List<Operand> options = commaList(this::operand);
    expect(Kind.RPAREN);
    if (options.size() > MAX_IN_OPERANDS) {
      throw invalid("The IN operator is provided with too many operands; number of operands: "
          + options.size());
    }
    return item -> {
      JsonNode value = left.eval(item);
      if (value == null) {
        return false;
      }
      for (Operand option : options) {
        JsonNode candidate = option.eval(item);
        if (candidate != null && AttributeValues.equal(value, candidate)) {
          return true;
        }
      }
      return false;
    };
  }

  /** Ordering comparisons and BETWEEN take only strings, numbers and binaries as values. */
  private void checkOrderable(String operator, Operand operand) {
    checkOperandType(operator, operand, List.of("S", "N", "B"));
  }

  /** Comparing a path with itself is rejected, as AWS does. */
  private void checkDistinct(String operator, Operand first, Operand second) {
    if (first instanceof Operand.Path a && second instanceof Operand.Path b && a.equals(b)) {
      throw invalid("The first operand must be distinct from the remaining operands for this operator "
          + "or function; operator: " + operator + ", first operand: " + a.path());
    }
  }

  private void checkBounds(Operand low, Operand high) {
    if (low instanceof Operand.Constant l && high instanceof Operand.Constant h) {
      String lowType = AttributeValues.type(l.value());
      if (!lowType.equals(AttributeValues.type(h.value()))) {
        throw invalid("The BETWEEN operator requires same data type for lower and upper bounds; "
            + "lower bound operand: AttributeValue: " + Comparison.show(l.value())
            + ", upper bound operand: AttributeValue: " + Comparison.show(h.value()));
      }
      Integer order = AttributeValues.compare(l.value(), h.value());
      if (order != null && order > 0) {
        throw invalid("The BETWEEN operator requires upper bound to be greater than or equal to lower "
            + "bound; lower bound operand: AttributeValue: " + Comparison.show(l.value())
            + ", upper bound operand: AttributeValue: " + Comparison.show(h.value()));
      }
    }
  }

  private static boolean between(JsonNode value, JsonNode low, JsonNode high) {
    if (value == null || low == null || high == null) {
      return false;
    }
    Integer lo = AttributeValues.compare(value, low);
    Integer hi = AttributeValues.compare(value, high);
    return lo != null && hi != null && lo >= 0 && hi <= 0;
  }

  /** Parses a path, a value placeholder or {@code size(path)}. */
  Operand operand() {
    if (at(Kind.VALUE_PLACEHOLDER)) {
      return new Operand.Constant(parseValue());
    }
    if (at(Kind.IDENTIFIER) && peekNext().kind() == Kind.LPAREN) {
      Token name = next();
      if (!name.text().equals("size")) {
        checkFunctionName(name);
        throw invalid("The function is not allowed to be used this way in an expression; function: "
            + name.text());
      }
      Operand argument = arguments(name.text(), 1).get(0);
      if (argument instanceof Operand.Constant c) {
        checkOperandType("size", c, List.of("S", "B", "SS", "NS", "BS", "L", "M"));
      }
      return new Operand.Size(argument);
    }
    if (atPath()) {
      return new Operand.Path(parsePath());
    }
    throw syntaxError();
  }

  private void checkFunctionName(Token name) {
    if (!Functions.CONDITION.contains(name.text())) {
      throw invalid("Invalid function name; function: " + name.text());
    }
  }

  private List<Operand> arguments(String function, int count) {
    countOperator();
    expect(Kind.LPAREN);
    List<Operand> args = commaList(this::operand);
    expect(Kind.RPAREN);
    checkOperandCount(function, args, count);
    return args;
  }

  private DocumentPath pathArgument(String function, Operand operand) {
    if (operand instanceof Operand.Path path) {
      return path.path();
    }
    throw invalid("Operator or function requires a document path; operator or function: " + function);
  }

  private void checkOperandType(String function, Operand operand, List<String> allowed) {
    if (operand instanceof Operand.Constant c && !allowed.contains(AttributeValues.type(c.value()))) {
      throw invalid("Incorrect operand type for operator or function; operator or function: "
          + function + ", operand type: " + AttributeValues.type(c.value()));
    }
  }

  private Condition function() {
    Token name = next();
    checkFunctionName(name);
    String function = name.text();
    switch (function) {
      case "attribute_exists", "attribute_not_exists" -> {
        DocumentPath path = pathArgument(function, arguments(function, 1).get(0));
        boolean exists = function.equals("attribute_exists");
        return item -> (AttributeValues.get(item, path) != null) == exists;
      }
      case "attribute_type" -> {
        List<Operand> args = arguments(function, 2);
        checkDistinct(function, args.get(0), args.get(1));
        DocumentPath path = pathArgument(function, args.get(0));
        checkOperandType(function, args.get(1), List.of("S"));
        if (args.get(1) instanceof Operand.Constant c
            && !AttributeValues.TYPES.contains(c.value().get("S").asText())) {
          throw invalid("Invalid attribute type name found; type: " + c.value().get("S").asText()
              + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
        }
        Operand type = args.get(1);
        return item -> {
          JsonNode value = AttributeValues.get(item, path);
          JsonNode wanted = type.eval(item);
          return value != null && wanted != null && wanted.has("S")
              && AttributeValues.type(value).equals(wanted.get("S").asText());
        };
      }
      case "begins_with" -> {
        List<Operand> args = arguments(function, 2);
        checkDistinct(function, args.get(0), args.get(1));
        checkOperandType(function, args.get(0), List.of("S", "B"));
        checkOperandType(function, args.get(1), List.of("S", "B"));
        return item -> Comparison.beginsWith(args.get(0).eval(item), args.get(1).eval(item));
      }
      case "contains" -> {
        List<Operand> args = arguments(function, 2);
        checkDistinct(function, args.get(0), args.get(1));
        return item -> Comparison.contains(args.get(0).eval(item), args.get(1).eval(item));
      }
      default -> throw invalid("Invalid function name; function: " + function);
    }
  }
}
