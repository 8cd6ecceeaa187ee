package dev.statelab.asl.jsonata;

/** STUB until the jsonata branch lands. */
public final class JsonataSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public JsonataSyntaxException(String message) {
    super(message);
  }
}
