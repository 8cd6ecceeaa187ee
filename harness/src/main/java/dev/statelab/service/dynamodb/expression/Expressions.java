package dev.statelab.service.dynamodb.expression;

/**
 * Entry point: parses DynamoDB's condition, filter, update, projection and key condition
 * expressions into evaluators, failing with AWS's ValidationException texts.
 */
public final class Expressions {

  private Expressions() {}

  /** Parses a ConditionExpression. */
  public static Condition condition(String text, ExpressionContext ctx) {
    return new ConditionParser("ConditionExpression", text, ctx).parse();
  }

  /** Parses a FilterExpression (same grammar as conditions; errors name FilterExpression). */
  public static Condition filter(String text, ExpressionContext ctx) {
    return new ConditionParser("FilterExpression", text, ctx).parse();
  }

  /** Parses an UpdateExpression. */
  public static Update update(String text, ExpressionContext ctx) {
    return new UpdateParser(text, ctx).parse();
  }

  /** Parses a ProjectionExpression. */
  public static Projection projection(String text, ExpressionContext ctx) {
    return new ProjectionParser(text, ctx).parse();
  }

  /** Parses a KeyConditionExpression. */
  public static KeyCondition keyCondition(String text, ExpressionContext ctx) {
    return new KeyConditionParser(text, ctx).parse();
  }
}
