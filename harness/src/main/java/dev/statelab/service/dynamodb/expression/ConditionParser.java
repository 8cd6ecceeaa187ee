package dev.statelab.service.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.service.dynamodb.expression.Token.Kind;
import java.util.ArrayList;
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

  ConditionParser(String kind, String text, ExpressionContext context) {
    super(kind, text, context);
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
      Condition l = left;
      Condition r = not();
      left = item -> l.test(item) && r.test(item);
    }
    return left;
  }

  private Condition not() {
    if (atKeyword("NOT")) {
      next();
      Condition inner = not();
      return item -> !inner.test(item);
    }
    return primary();
  }

  private Condition primary() {
    if (at(Kind.LPAREN)) {
      if (peekNext().kind() == Kind.LPAREN && redundantParentheses()) {
        throw invalid("The expression has redundant parentheses;");
      }
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
      Operand low = operand();
      expectKeyword("AND");
      Operand high = operand();
      checkBounds(low, high);
      return item -> between(left.eval(item), low.eval(item), high.eval(item));
    }
    if (atKeyword("IN")) {
      next();
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
    Operand right = operand();
    return item -> Comparison.compare(comparator, left.eval(item), right.eval(item));
  }

  /** Whether the parenthesis at the current token directly wraps another parenthesised group. */
  private boolean redundantParentheses() {
    return matchingClose(0) == matchingClose(1) + 1;
  }

  private int matchingClose(int offset) {
    int depth = 0;
    for (int i = offset; ; i++) {
      Token token = lookAhead(i);
      if (token.kind() == Kind.EOF) {
        return -1 - offset;
      }
      if (token.kind() == Kind.LPAREN) {
        depth++;
      } else if (token.kind() == Kind.RPAREN && --depth == 0) {
        return i;
      }
    }
  }

  private Condition in(Operand left) {
    expect(Kind.LPAREN);
    List<Operand> options = new ArrayList<>();
    options.add(operand());
    while (at(Kind.COMMA)) {
      next();
      options.add(operand());
    }
    expect(Kind.RPAREN);
    if (options.size() > MAX_IN_OPERANDS) {
      throw invalid("The expression contains too many operands for the IN operator; "
          + "the maximum is " + MAX_IN_OPERANDS + ", found: " + options.size());
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

  private void checkBounds(Operand low, Operand high) {
    if (low instanceof Operand.Constant l && high instanceof Operand.Constant h) {
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
      List<Operand> args = arguments(name.text(), 1);
      return new Operand.Size(pathArgument(name.text(), args.get(0)));
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
    expect(Kind.LPAREN);
    List<Operand> args = new ArrayList<>();
    args.add(operand());
    while (at(Kind.COMMA)) {
      next();
      args.add(operand());
    }
    expect(Kind.RPAREN);
    if (args.size() != count) {
      throw invalid("Incorrect number of operands for operator or function; operator or function: "
          + function + ", number of operands: " + args.size());
    }
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
        DocumentPath path = pathArgument(function, args.get(0));
        checkOperandType(function, args.get(1), List.of("S"));
        if (args.get(1) instanceof Operand.Constant c
            && !AttributeValues.TYPES.contains(c.value().get("S").asText())) {
          throw invalid("Invalid attribute type name found; type: " + c.value().get("S").asText()
              + ", valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }");
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
        checkOperandType(function, args.get(0), List.of("S", "B"));
        checkOperandType(function, args.get(1), List.of("S", "B"));
        return item -> Comparison.beginsWith(args.get(0).eval(item), args.get(1).eval(item));
      }
      case "contains" -> {
        List<Operand> args = arguments(function, 2);
        return item -> Comparison.contains(args.get(0).eval(item), args.get(1).eval(item));
      }
      default -> throw invalid("Invalid function name; function: " + function);
    }
  }
}
