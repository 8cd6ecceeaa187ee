/**
 * The Step Functions API as a StateLab service: {@link dev.statelab.service.sfn.SfnService} answers
 * every {@code AWSStepFunctions.*} operation over an in-memory store bound to one {@link
 * dev.statelab.engine.World}, and {@code dev.statelab.server.StateLabServer} starts a world and
 * a {@link dev.statelab.gateway.Gateway} together so AWS SDKs, boto3 and the AWS CLI work unchanged
 * against one local port.
 *
 * <p>Layout: a protocol handler ({@code SfnService}: parse, validate, dispatch), a store of records
 * ({@code SfnStore}), the activity long-poll queue ({@code Activities}), {@code TestState}
 * ({@code TestStateRunner}), and AWS's error codes and messages ({@code SfnErrors}).
 *
 * <p>This package depends on {@code gateway}, {@code engine}, {@code asl}, {@code history},
 * {@code integration} and {@code json}; nothing depends on it but the command line.
 */
package dev.statelab.service.sfn;
