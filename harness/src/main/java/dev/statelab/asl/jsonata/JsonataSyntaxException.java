package dev.statelab.asl.jsonata;

/**
 * A {@code "{% ... %}"} string in a definition is not a valid JSONata expression.
 *
 * <p>Raised when a template is compiled, so a definition can be rejected before it runs.
 */
public final class JsonataSyntaxException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String expression;
  private final String jsonataError;
  private final int position;

  /**
   * Creates the exception.
   *
   * @param field the field path, e.g. {@code Output/result}
   * @param expression the expression text between the delimiters, trimmed
   * @param jsonataError the parser's error, e.g. {@code S0207: Unexpected end of expression}
   * @param position the character offset in the expression where parsing failed, or -1
   */
  public JsonataSyntaxException(
      String field, String expression, String jsonataError, int position) {
    super(
        "The JSONata expression '"
            + expression
            + "' specified for the field '"
            + field
            + "' is not valid: "
            + jsonataError,
        null,
        false,
        false);
    this.field = field;
    this.expression = expression;
    this.jsonataError = jsonataError;
    this.position = position;
  }

  /** The field path, e.g. {@code Output/result}. */
  public String field() {
    return field;
  }

  /** The expression text between the delimiters, trimmed. */
  public String expression() {
    return expression;
  }

  /** The JSONata parser's code and message, e.g. {@code S0207: Unexpected end of expression}. */
  public String jsonataError() {
    return jsonataError;
  }

  /** The character offset in the expression where parsing failed, or -1 when unknown. */
  public int position() {
    return position;
  }
}
