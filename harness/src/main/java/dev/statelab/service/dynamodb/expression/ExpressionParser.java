package dev.statelab.service.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.service.dynamodb.expression.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The recursive-descent machinery shared by the four expression grammars. */
abstract class ExpressionParser {

  /** The longest expression AWS accepts, in UTF-8 bytes of the text as sent. */
  static final int MAX_EXPRESSION_BYTES = 4096;

  /** The expression kind as AWS names it in errors, e.g. {@code ConditionExpression}. */
  final String kind;
  final String text;
  final ExpressionContext context;
  private final List<Token> tokens;
  private int position;

  ExpressionParser(String kind, String text, ExpressionContext context) {
    this.kind = kind;
    this.text = text == null ? "" : text;
    this.context = context;
    if (this.text.isBlank()) {
      throw invalid("The expression can not be empty;");
    }
    int size = this.text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (size > MAX_EXPRESSION_BYTES) {
      throw invalid("Expression size has exceeded the maximum allowed size; expression size: " + size);
    }
    this.tokens = Lexer.tokenize(this.text);
  }

  /** The current token. */
  final Token peek() {
    return tokens.get(position);
  }

  /** The token after the current one. */
  final Token peekNext() {
    return tokens.get(Math.min(position + 1, tokens.size() - 1));
  }

  /** The token {@code offset} places after the current one (EOF past the end). */
  final Token lookAhead(int offset) {
    return tokens.get(Math.min(position + offset, tokens.size() - 1));
  }

  /** Consumes the current token. */
  final Token next() {
    Token token = tokens.get(position);
    if (token.kind() != Kind.EOF) {
      position++;
    }
    return token;
  }

  /** Whether the current token has the kind. */
  final boolean at(Kind tokenKind) {
    return peek().kind() == tokenKind;
  }

  /** Whether the current token is the keyword, ignoring case. */
  final boolean atKeyword(String keyword) {
    return peek().isKeyword(keyword);
  }

  /** Consumes a token of the kind or fails with a syntax error. */
  final Token expect(Kind tokenKind) {
    if (!at(tokenKind)) {
      throw syntaxError();
    }
    return next();
  }

  /** Consumes the keyword or fails with a syntax error. */
  final void expectKeyword(String keyword) {
    if (!atKeyword(keyword)) {
      throw syntaxError();
    }
    next();
  }

  /** Fails unless all tokens were consumed. */
  final void expectEnd() {
    if (!at(Kind.EOF)) {
      throw syntaxError();
    }
  }

  /**
   * AWS's syntax error at the current token: the token, and the source text from the previous
   * token to the next one ({@code near: "hits : incr"}).
   */
  final ExpressionException syntaxError() {
    Token token = peek();
    int nearStart = position == 0 ? token.start() : tokens.get(position - 1).start();
    int nearEnd = token.kind() == Kind.EOF ? text.length()
        : peekNext().kind() == Kind.EOF ? token.end() : peekNext().end();
    return invalid("Syntax error; token: \"" + token.shown() + "\", near: \""
        + text.substring(nearStart, nearEnd) + "\"");
  }

  /** A ValidationException text prefixed with {@code Invalid <kind>: }. */
  final ExpressionException invalid(String detail) {
    return new ExpressionException("Invalid " + kind + ": " + detail);
  }

  /** Whether the current token starts a document path. */
  final boolean atPath() {
    return at(Kind.NAME_PLACEHOLDER) || (at(Kind.IDENTIFIER) && peekNext().kind() != Kind.LPAREN);
  }

  /** Parses {@code name(.name | [n])*}, substituting {@code #placeholders}. */
  final DocumentPath parsePath() {
    List<DocumentPath.Step> steps = new ArrayList<>();
    steps.add(new DocumentPath.Key(pathName()));
    while (true) {
      if (at(Kind.DOT)) {
        next();
        steps.add(new DocumentPath.Key(pathName()));
      } else if (at(Kind.LBRACKET)) {
        next();
        Token index = expect(Kind.INTEGER);
        steps.add(new DocumentPath.Index(listIndex(index)));
        expect(Kind.RBRACKET);
      } else {
        return new DocumentPath(steps);
      }
    }
  }

  private int listIndex(Token token) {
    try {
      return Integer.parseInt(token.text());
    } catch (NumberFormatException e) {
      throw invalid("List index is too large; index: " + token.text());
    }
  }

  private String pathName() {
    Token token = peek();
    if (token.kind() == Kind.NAME_PLACEHOLDER) {
      next();
      return context.name(token.text(), kind);
    }
    if (token.kind() != Kind.IDENTIFIER || !Character.isLetter(token.text().charAt(0))
        && token.text().charAt(0) != '_') {
      throw syntaxError();
    }
    if (ReservedWords.isReserved(token.text())) {
      throw invalid("Attribute name is a reserved keyword; reserved keyword: " + token.text());
    }
    next();
    return token.text();
  }

  /** Consumes a {@code :placeholder} and returns its value. */
  final JsonNode parseValue() {
    Token token = expect(Kind.VALUE_PLACEHOLDER);
    return context.value(token.text(), kind);
  }

  /** Parses {@code element (',' element)*}. */
  final <T> List<T> commaList(Supplier<T> element) {
    List<T> elements = new ArrayList<>();
    elements.add(element.get());
    while (at(Kind.COMMA)) {
      next();
      elements.add(element.get());
    }
    return elements;
  }

  /** Fails unless a function got the number of operands it takes. */
  final void checkOperandCount(String function, List<?> operands, int count) {
    if (operands.size() != count) {
      throw invalid("Incorrect number of operands for operator or function; operator or function: "
          + function + ", number of operands: " + operands.size());
    }
  }

  /** Fails at {@code ((}...{@code ))}: parentheses directly wrapping a parenthesised group. */
  final void rejectRedundantParentheses() {
    if (at(Kind.LPAREN) && peekNext().kind() == Kind.LPAREN && matchingClose(0) == matchingClose(1) + 1) {
      throw invalid("The expression has redundant parentheses;");
    }
  }

  /** The offset of the parenthesis closing the one at {@code offset}, or a negative number. */
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

  /** Fails when two of the paths overlap or conflict, with AWS's text. */
  final void checkNoOverlap(List<DocumentPath> paths) {
    for (int j = 1; j < paths.size(); j++) {
      for (int i = 0; i < j; i++) {
        String problem = paths.get(i).overlaps(paths.get(j)) ? "overlap"
            : paths.get(i).conflicts(paths.get(j)) ? "conflict" : null;
        if (problem != null) {
          throw invalid("Two document paths " + problem + " with each other; must remove or rewrite "
              + "one of these paths; path one: " + paths.get(i) + ", path two: " + paths.get(j));
        }
      }
    }
  }
}
