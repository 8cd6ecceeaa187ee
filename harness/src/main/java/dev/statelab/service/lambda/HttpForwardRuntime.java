package dev.statelab.service.lambda;

import dev.statelab.gateway.AwsServiceException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A function whose code is an HTTP endpoint (e.g. a WireMock stub): the event is POSTed there.
 * A 2xx answer is the function's response ({@code X-Amz-Function-Error} on it marks an error
 * payload); 429, 404, other 4xx and 5xx answers and connection failures become Lambda service
 * errors; no answer within the function timeout is a timeout.
 */
final class HttpForwardRuntime implements FunctionRuntime {

  private final URI url;
  private final HttpClient client;

  HttpForwardRuntime(URI url, HttpClient client) {
    this.url = url;
    this.client = client;
  }

  /** The URL invocations are forwarded to. */
  URI url() {
    return url;
  }

  @Override
  public CompletionStage<RuntimeResponse> invoke(FunctionConfig config, byte[] event, LambdaContext context) {
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(Duration.ofSeconds(config.timeoutSeconds()))
        .header("Content-Type", "application/json")
        .header("X-Amz-Function-Name", config.name())
        .header("X-Amzn-RequestId", context.awsRequestId())
        .POST(HttpRequest.BodyPublishers.ofByteArray(event.length == 0 ? "{}".getBytes() : event))
        .build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .handle((response, failure) -> {
          if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
            if (cause instanceof HttpTimeoutException) {
              return RuntimeResponse.timeout(ErrorPayloads.timeout(
                  Clock.systemUTC().instant(), context.awsRequestId(), config.timeoutSeconds()));
            }
            throw new AwsServiceException("ServiceException",
                "The function's endpoint failed: " + describe(cause), 500);
          }
          int status = response.statusCode();
          if (status >= 200 && status < 300) {
            boolean error = response.headers().firstValue("X-Amz-Function-Error").isPresent();
            return error ? RuntimeResponse.error(response.body()) : RuntimeResponse.ok(response.body());
          }
          throw serviceError(status);
        });
  }

  private static AwsServiceException serviceError(int status) {
    if (status == 429) {
      return new AwsServiceException("TooManyRequestsException", "Rate Exceeded.", 429);
    }
    if (status == 404) {
      return new AwsServiceException("ResourceNotFoundException", "The function's endpoint answered 404", 404);
    }
    if (status >= 400 && status < 500) {
      return new AwsServiceException("InvalidRequestContentException",
          "The function's endpoint answered " + status, 400);
    }
    return new AwsServiceException("ServiceException", "The function's endpoint answered " + status, 500);
  }

  private static String describe(Throwable t) {
    String message = t instanceof IOException && t.getMessage() == null ? "connection closed" : t.getMessage();
    return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
