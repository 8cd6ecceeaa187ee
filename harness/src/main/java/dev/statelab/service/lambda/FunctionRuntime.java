package dev.statelab.service.lambda;

import java.util.concurrent.CompletionStage;

/**
 * Runs a function's code: in the JVM, in a local process, or by forwarding over HTTP. The stage
 * completes with the response (an error payload for function errors and timeouts) or fails with
 * a {@link dev.statelab.gateway.AwsServiceException} for Lambda service errors.
 */
public interface FunctionRuntime extends AutoCloseable {

  /** Runs one invocation with the function's current configuration. */
  CompletionStage<RuntimeResponse> invoke(FunctionConfig config, byte[] event, LambdaContext context);

  /** Releases what the runtime holds (temporary code directories); no-op by default. */
  @Override
  default void close() {}

  /**
   * A runtime's answer.
   *
   * @param payload the response bytes
   * @param error true when {@code payload} is an error payload
   * @param outcome how the run ended
   * @param logs what the function wrote to its log (empty when the runtime keeps none)
   */
  record RuntimeResponse(byte[] payload, boolean error, InvocationRecord.Outcome outcome, String logs) {

    /** A successful response. */
    public static RuntimeResponse ok(byte[] payload) {
      return new RuntimeResponse(payload, false, InvocationRecord.Outcome.SUCCESS, "");
    }

    /** A function error. */
    public static RuntimeResponse error(byte[] payload) {
      return new RuntimeResponse(payload, true, InvocationRecord.Outcome.FUNCTION_ERROR, "");
    }

    /** A timeout (Lambda reports it as an unhandled error). */
    public static RuntimeResponse timeout(byte[] payload) {
      return new RuntimeResponse(payload, true, InvocationRecord.Outcome.TIMEOUT, "");
    }

    /** This response with the function's log output. */
    public RuntimeResponse withLogs(String text) {
      return new RuntimeResponse(payload, error, outcome, text);
    }
  }
}
