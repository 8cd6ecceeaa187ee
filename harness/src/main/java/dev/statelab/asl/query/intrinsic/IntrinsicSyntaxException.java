package dev.statelab.asl.query.intrinsic;

/** STUB until the intrinsic branch lands. */
public final class IntrinsicSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public IntrinsicSyntaxException(String message) {
    super(message);
  }
}
