package dev.statelab.service.lambda;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * What an invocation returned, as the Invoke API reports it.
 *
 * @param requestId the invocation's request id
 * @param statusCode 200, 202 (Event) or 204 (DryRun)
 * @param payload the response bytes (the error payload for a function error)
 * @param functionError {@code Unhandled} for a function error or timeout, else null
 * @param outcome how the invocation ended, for the usage ledger
 * @param log the invocation's log: START, what the function wrote, END and REPORT lines
 */
public record InvocationResult(
    String requestId, int statusCode, byte[] payload, String functionError, InvocationRecord.Outcome outcome,
    String log) {

  /** The last 4 KB of the log, base64, as {@code X-Amz-Log-Result} carries it for {@code LogType: Tail}. */
  public String logTail() {
    byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
    int from = Math.max(0, bytes.length - 4096);
    return Base64.getEncoder().encodeToString(Arrays.copyOfRange(bytes, from, bytes.length));
  }

  /** The payload as UTF-8 text. */
  public String payloadText() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  /** True when the function failed (an error payload came back). */
  public boolean isFunctionError() {
    return functionError != null;
  }
}
