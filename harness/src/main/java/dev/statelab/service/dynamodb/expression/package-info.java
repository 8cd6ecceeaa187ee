/**
 * DynamoDB's expression language: condition, filter, update, projection and key condition
 * expressions, parsed by a hand-written lexer and recursive-descent parsers into evaluators over
 * items in DynamoDB's JSON wire shape ({@code {"id":{"S":"a"}}}).
 *
 * <p>Use per request: one {@link dev.statelab.service.dynamodb.expression.ExpressionContext} for
 * the request's ExpressionAttributeNames/Values, then
 * {@link dev.statelab.service.dynamodb.expression.Expressions#condition},
 * {@link dev.statelab.service.dynamodb.expression.Expressions#filter},
 * {@link dev.statelab.service.dynamodb.expression.Expressions#update},
 * {@link dev.statelab.service.dynamodb.expression.Expressions#projection} or
 * {@link dev.statelab.service.dynamodb.expression.Expressions#keyCondition} for each expression
 * the request carries, then {@code ctx.checkAllUsed()}. Every problem is an
 * {@link dev.statelab.service.dynamodb.expression.ExpressionException} whose message is AWS's
 * ValidationException text; AWS wraps some of them in {@code "1 validation error detected: "}
 * depending on the operation and region, which is the caller's concern.
 *
 * <p>The legacy parameters (Expected, QueryFilter/ScanFilter, KeyConditions) convert to the same
 * evaluators through {@link dev.statelab.service.dynamodb.expression.LegacyConditions}, and
 * {@link dev.statelab.service.dynamodb.expression.Numbers#canonical} gives the stored form of a
 * request number.
 */
package dev.statelab.service.dynamodb.expression;
