package dev.statelab.asl.query.intrinsic;

/**
 * An intrinsic function call that cannot be parsed: bad syntax, an unknown function, a wrong
 * number of arguments, an invalid escape in a string literal or more than ten levels of nesting.
 *
 * <p>AWS rejects such definitions at {@code CreateStateMachine} time (the engine reports them as
 * {@code SCHEMA_VALIDATION_FAILED: The value for the field '...' must be a valid JSONPath or a valid
 * intrinsic function call}); the message here says what exactly is wrong, for people.
 */
public final class IntrinsicSyntaxException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String text;
  private final int position;

  /**
   * Creates the exception.
   *
   * @param text the call as written
   * @param position the 0-based character offset where the problem was found
   * @param problem what is wrong
   */
  public IntrinsicSyntaxException(String text, int position, String problem) {
    super(problem + " at position " + position + " in '" + text + "'");
    this.text = text;
    this.position = position;
  }

  /** The call as written. */
  public String text() {
    return text;
  }

  /** The 0-based character offset where the problem was found. */
  public int position() {
    return position;
  }
}
