package dev.statelab.service.dynamodb.expression;

/**
 * A DynamoDB expression that AWS would reject; the message is AWS's ValidationException text.
 */
public final class ExpressionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with AWS's message text. */
  public ExpressionException(String message) {
    super(message);
  }
}
