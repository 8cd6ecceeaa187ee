/**
 * The AWS Lambda stand-in: a per-world {@link dev.statelab.service.lambda.LambdaStore} of
 * functions (in-JVM handlers, local {@code python3}/{@code node} processes, HTTP-forwarding
 * functions), the Lambda API on the gateway ({@link dev.statelab.service.lambda.LambdaService}),
 * the Task integrations for {@code lambda:invoke} and function ARNs, and a usage ledger
 * ({@link dev.statelab.service.lambda.LambdaUsage}). Install it with
 * {@link dev.statelab.service.lambda.LambdaModule}.
 *
 * <p>Depends on {@code gateway}, {@code engine}, {@code integration}, {@code json} and the
 * {@code server} SPI; never on {@code service.sfn}.
 */
package dev.statelab.service.lambda;
