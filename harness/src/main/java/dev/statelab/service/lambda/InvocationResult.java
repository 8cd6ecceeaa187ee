package dev.statelab.service.lambda;

import java.nio.charset.StandardCharsets;

/**
 * What an invocation returned, as the Invoke API reports it.
 *
 * @param requestId the invocation's request id
 * @param statusCode 200, 202 (Event) or 204 (DryRun)
 * @param payload the response bytes (the error payload for a function error)
 * @param functionError {@code Unhandled} for a function error or timeout, else null
 * @param outcome how the invocation ended, for the usage ledger
 */
public record InvocationResult(
    String requestId, int statusCode, byte[] payload, String functionError, InvocationRecord.Outcome outcome) {

  /** The payload as UTF-8 text. */
  public String payloadText() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  /** True when the function failed (an error payload came back). */
  public boolean isFunctionError() {
    return functionError != null;
  }
}
