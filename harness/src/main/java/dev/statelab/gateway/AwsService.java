package dev.statelab.gateway;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A service the gateway serves: a {@link ServiceSpec} for routing plus a handler.
 *
 * <p>The gateway calls {@link #handleAsync}; its default runs {@link #handle} on a gateway thread.
 * A service that waits (a long poll such as {@code GetActivityTask}, or {@code
 * StartSyncExecution} waiting for an Express execution) overrides {@code handleAsync} and
 * completes the stage later from any thread, so no gateway thread is held while it waits.
 */
public interface AwsService extends AwsHandler {

  /** How requests reach this service. */
  ServiceSpec spec();

  /**
   * Handles a request; the stage may complete on any thread.
   *
   * <p>A stage completed with an {@link AwsServiceException} becomes that AWS error; any other
   * failure becomes a 500 {@code InternalFailure}.
   */
  default CompletionStage<AwsResponse> handleAsync(AwsRequest request) {
    return CompletableFuture.completedFuture(handle(request));
  }

  /** A service made of a spec and a synchronous handler, e.g. a fake in a test. */
  static AwsService of(ServiceSpec spec, AwsHandler handler) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(handler, "handler");
    return new AwsService() {
      @Override
      public ServiceSpec spec() {
        return spec;
      }

      @Override
      public AwsResponse handle(AwsRequest request) {
        return handler.handle(request);
      }

      @Override
      public String toString() {
        return "AwsService[" + spec + "]";
      }
    };
  }
}
