package dev.statelab.service.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lambda's error payloads: function errors, timeouts and runtime crashes. */
final class ErrorPayloads {

  private ErrorPayloads() {}

  /** {@code {"errorMessage","errorType","requestId","stackTrace"}}. */
  static byte[] functionError(String errorType, String message, String requestId, List<String> stackTrace) {
    ObjectNode o = Json.object();
    o.put("errorMessage", message == null ? "" : message);
    o.put("errorType", errorType);
    o.put("requestId", requestId);
    ArrayNode trace = o.putArray("stackTrace");
    stackTrace.forEach(trace::add);
    return bytes(o);
  }

  /** The payload of a Java exception, named by its class as Lambda's Java runtime does. */
  static byte[] javaError(Throwable t, String requestId) {
    if (t instanceof LambdaFunctionException e) {
      return functionError(e.errorType(), e.getMessage(), requestId, e.stackTraceLines());
    }
    List<String> trace = new ArrayList<>();
    for (StackTraceElement element : t.getStackTrace()) {
      trace.add(element.toString());
      if (trace.size() == 20) {
        break;
      }
    }
    return functionError(t.getClass().getName(), t.getMessage(), requestId, trace);
  }

  /** {@code {"errorMessage":"<time> <requestId> Task timed out after 3.00 seconds"}}. */
  static byte[] timeout(Instant now, String requestId, int timeoutSeconds) {
    ObjectNode o = Json.object();
    o.put("errorMessage", now + " " + requestId + " Task timed out after "
        + String.format(Locale.ROOT, "%.2f", (double) timeoutSeconds) + " seconds");
    return bytes(o);
  }

  /** A runtime that exited without answering. */
  static byte[] exitError(String requestId, int exitCode) {
    ObjectNode o = Json.object();
    o.put("errorType", "Runtime.ExitError");
    o.put("errorMessage", "RequestId: " + requestId + " Error: Runtime exited with error: exit status " + exitCode);
    return bytes(o);
  }

  private static byte[] bytes(ObjectNode o) {
    return Json.write(o).getBytes(StandardCharsets.UTF_8);
  }
}
