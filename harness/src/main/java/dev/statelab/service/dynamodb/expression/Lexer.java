package dev.statelab.service.dynamodb.expression;

import dev.statelab.service.dynamodb.expression.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits expression text into tokens. A character outside the grammar becomes an INVALID token,
 * so the parser reports it as AWS does: {@code Syntax error; token: ":", near: "hits : incr"}.
 */
final class Lexer {

  private Lexer() {}

  /** Whether every character from {@code from} on is a letter, digit or underscore. */
  static boolean allWordChars(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (!isWordChar(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** Tokenizes the text, ending with an EOF token. */
  static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      Kind tokenKind;
      if (c == '#' || c == ':') {
        i++;
        while (i < text.length() && isWordChar(text.charAt(i))) {
          i++;
        }
        tokenKind = i == start + 1 ? Kind.INVALID
            : c == '#' ? Kind.NAME_PLACEHOLDER : Kind.VALUE_PLACEHOLDER;
      } else if (c >= '0' && c <= '9') {
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
          i++;
        }
        tokenKind = Kind.INTEGER;
      } else if (isWordChar(c)) {
        while (i < text.length() && isWordChar(text.charAt(i))) {
          i++;
        }
        tokenKind = Kind.IDENTIFIER;
      } else {
        tokenKind = punctuation(text, i);
        i += tokenKind == Kind.NE || tokenKind == Kind.LE || tokenKind == Kind.GE ? 2 : 1;
      }
      tokens.add(new Token(tokenKind, text.substring(start, i), start, i));
    }
    tokens.add(new Token(Kind.EOF, "", text.length(), text.length()));
    return tokens;
  }

  private static Kind punctuation(String text, int i) {
    char c = text.charAt(i);
    char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
    return switch (c) {
      case '(' -> Kind.LPAREN;
      case ')' -> Kind.RPAREN;
      case '[' -> Kind.LBRACKET;
      case ']' -> Kind.RBRACKET;
      case ',' -> Kind.COMMA;
      case '.' -> Kind.DOT;
      case '=' -> Kind.EQ;
      case '+' -> Kind.PLUS;
      case '-' -> Kind.MINUS;
      case '<' -> next == '>' ? Kind.NE : next == '=' ? Kind.LE : Kind.LT;
      case '>' -> next == '=' ? Kind.GE : Kind.GT;
      default -> Kind.INVALID;
    };
  }
}
