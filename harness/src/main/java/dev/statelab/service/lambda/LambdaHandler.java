package dev.statelab.service.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;

/**
 * An in-JVM Lambda function: the raw event bytes in, the raw response bytes out, as Lambda's
 * stream handlers see them. Throw a {@link LambdaFunctionException} to fail with a chosen
 * {@code errorType}; any other exception fails with its class name, as Lambda's Java runtime
 * reports it.
 */
@FunctionalInterface
public interface LambdaHandler {

  /** Handles one invocation; {@code event} is {@code {}} when the caller sent no payload. */
  byte[] handle(byte[] event, LambdaContext context) throws Exception;

  /** A handler over parsed JSON: the event in, the result out (null becomes JSON null). */
  static LambdaHandler json(Function<JsonNode, JsonNode> function) {
    Objects.requireNonNull(function, "function");
    return (event, context) -> {
      JsonNode result = function.apply(parse(event));
      return Json.write(result == null ? Json.NODES.nullNode() : result).getBytes(StandardCharsets.UTF_8);
    };
  }

  /** A handler over parsed JSON that also sees the context. */
  static LambdaHandler json(JsonFunction function) {
    Objects.requireNonNull(function, "function");
    return (event, context) -> {
      JsonNode result = function.apply(parse(event), context);
      return Json.write(result == null ? Json.NODES.nullNode() : result).getBytes(StandardCharsets.UTF_8);
    };
  }

  /** The event bytes as JSON ({@code {}} for an empty event, a string if it is not JSON). */
  static JsonNode parse(byte[] event) {
    if (event == null || event.length == 0) {
      return Json.object();
    }
    String text = new String(event, StandardCharsets.UTF_8);
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      return Json.text(text);
    }
  }

  /** A JSON handler that sees the invocation context. */
  @FunctionalInterface
  interface JsonFunction {

    /** Handles one event. */
    JsonNode apply(JsonNode event, LambdaContext context) throws Exception;
  }
}
