package dev.statelab.gateway;

/** Answers one decoded AWS request; see {@link AwsService#of}. */
@FunctionalInterface
public interface AwsHandler {

  /**
   * Handles a request.
   *
   * @throws AwsServiceException to answer with an AWS error; any other exception becomes a 500
   *     {@code InternalFailure}
   */
  AwsResponse handle(AwsRequest request);
}
