/**
 * The HTTP gateway: one local port that speaks AWS's wire protocols for every stand-in service.
 *
 * <p>{@link dev.statelab.gateway.Gateway} serves {@link dev.statelab.gateway.AwsService}s, each
 * described by a {@link dev.statelab.gateway.ServiceSpec} (signing name, protocol, {@code
 * X-Amz-Target} prefix or REST routes). Handlers receive an {@link
 * dev.statelab.gateway.AwsRequest} and answer an {@link dev.statelab.gateway.AwsResponse} or throw
 * an {@link dev.statelab.gateway.AwsServiceException}. {@link dev.statelab.gateway.SdkClients}
 * builds AWS SDK v2 clients configured for the gateway.
 *
 * <p>This package depends only on {@code dev.statelab.json}, the JDK and the AWS SDK.
 */
package dev.statelab.gateway;
