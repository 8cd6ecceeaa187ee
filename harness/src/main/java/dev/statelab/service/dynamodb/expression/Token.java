package dev.statelab.service.dynamodb.expression;

/** One lexical token of an expression, with its place in the source text. */
record Token(Kind kind, String text, int start, int end) {

  /** The token kinds of DynamoDB's expression grammar. */
  enum Kind {
    IDENTIFIER, NAME_PLACEHOLDER, VALUE_PLACEHOLDER, INTEGER,
    LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT,
    EQ, NE, LT, LE, GT, GE, PLUS, MINUS,
    /** A character outside the grammar (or a bare {@code #} or {@code :}); no rule accepts it. */
    INVALID,
    EOF
  }

  /** Whether this is an identifier spelling the keyword, ignoring case. */
  boolean isKeyword(String keyword) {
    return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
  }

  /** The text AWS shows for the token in syntax errors. */
  String shown() {
    return kind == Kind.EOF ? "<EOF>" : text;
  }
}
