package dev.statelab.service.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.integration.Integration;
import dev.statelab.integration.IntegrationResolver;
import dev.statelab.integration.ResourceArn;
import dev.statelab.integration.TaskRequest;
import dev.statelab.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Answers Lambda Task states from a {@link LambdaStore}: {@code arn:aws:states:::lambda:invoke}
 * (and {@code .waitForTaskToken}) with Lambda's optimized response shape, and bare function ARNs
 * with the function's result. In-JVM functions registered on
 * {@link dev.statelab.integration.Integrations#function} are consulted first and keep working.
 */
final class LambdaIntegrations implements IntegrationResolver {

  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final String NO_ERROR_TYPE =
      "The cause could not be determined because Lambda did not return an error type. Returned payload: ";

  private final LambdaStore store;

  LambdaIntegrations(LambdaStore store) {
    this.store = store;
  }

  @Override
  public Integration resolve(ResourceArn arn, JsonNode parameters) {
    if (arn.kind() == ResourceArn.Kind.LAMBDA_FUNCTION) {
      return this::invokeFunctionArn;
    }
    if (arn.kind() == ResourceArn.Kind.SERVICE && arn.resourceType().equals("lambda")
        && arn.action().equals("invoke")) {
      return this::invokeOptimized;
    }
    return null;
  }

  /** A bare function ARN: the effective input is the event; the output is the function's result. */
  private CompletionStage<JsonNode> invokeFunctionArn(TaskRequest request) {
    byte[] event = Json.write(request.parameters()).getBytes(StandardCharsets.UTF_8);
    return store.invoke(ResourceArn.parse(request.resource()).name(), event, InvocationType.REQUEST_RESPONSE)
        .handle((r, failure) -> {
          if (failure != null) {
            throw serviceError(failure);
          }
          throwIfFunctionError(r);
          return parsePayload(r.payload());
        });
  }

  /** {@code lambda:invoke}: FunctionName, Payload, InvocationType; the output wraps the response. */
  private CompletionStage<JsonNode> invokeOptimized(TaskRequest request) {
    JsonNode p = request.parameters();
    JsonNode name = p == null ? null : p.get("FunctionName");
    if (name == null || !name.isTextual()) {
      throw new StatesError("States.Runtime", "The lambda:invoke task needs a FunctionName string parameter");
    }
    InvocationType type;
    try {
      type = InvocationType.parse(p.path("InvocationType").asText(null));
    } catch (AwsServiceException e) {
      throw serviceError(e);
    }
    JsonNode payload = p.get("Payload");
    byte[] event = payload == null || payload.isNull() ? new byte[0]
        : (payload.isTextual() ? payload.asText() : Json.write(payload)).getBytes(StandardCharsets.UTF_8);
    return store.invoke(name.asText(), event, type).handle((r, failure) -> {
      if (failure != null) {
        throw serviceError(failure);
      }
      throwIfFunctionError(r);
      return response(r, "Tail".equals(p.path("LogType").asText()));
    });
  }

  private JsonNode response(InvocationResult r, boolean tail) {
    ObjectNode out = Json.object();
    out.put("ExecutedVersion", "$LATEST");
    if (tail && r.statusCode() == 200) {
      out.put("LogResult", r.logTail());
    }
    if (r.statusCode() == 200) {
      out.set("Payload", parsePayload(r.payload()));
    } else {
      out.put("Payload", "");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (tail && r.statusCode() == 200) {
      headers.put("X-Amz-Log-Result", r.logTail());
    }
    headers.put("X-Amz-Executed-Version", "$LATEST");
    headers.put("x-amzn-Remapped-Content-Length", "0");
    headers.put("Connection", "keep-alive");
    headers.put("x-amzn-RequestId", r.requestId());
    headers.put("Content-Length", Integer.toString(r.payload().length));
    headers.put("Date", HTTP_DATE.format(store.world().now()));
    headers.put("X-Amzn-Trace-Id", traceId(r.requestId(), store.world().now()));
    headers.put("Content-Type", "application/json");
    ObjectNode meta = out.putObject("SdkHttpMetadata");
    ObjectNode all = meta.putObject("AllHttpHeaders");
    headers.forEach((k, v) -> all.putArray(k).add(v));
    ObjectNode single = meta.putObject("HttpHeaders");
    headers.keySet().stream().sorted(String.CASE_INSENSITIVE_ORDER).forEach(k -> single.put(k, headers.get(k)));
    meta.put("HttpStatusCode", r.statusCode());
    out.putObject("SdkResponseMetadata").put("RequestId", r.requestId());
    out.put("StatusCode", r.statusCode());
    return out;
  }

  private static String traceId(String requestId, Instant now) {
    String hex = requestId.replace("-", "");
    return "Root=1-" + Long.toHexString(now.getEpochSecond()) + "-" + hex.substring(0, 24) + ";Sampled=0";
  }

  /** Fails the task with the function's errorType (or Lambda.Unknown) and the payload as cause. */
  private static void throwIfFunctionError(InvocationResult r) {
    if (!r.isFunctionError()) {
      return;
    }
    String text = r.payloadText();
    String errorType = null;
    if (r.outcome() == InvocationRecord.Outcome.FUNCTION_ERROR) {
      try {
        JsonNode node = Json.parse(text);
        JsonNode t = node.get("errorType");
        errorType = t != null && t.isTextual() ? t.asText() : null;
      } catch (IllegalArgumentException e) {
        errorType = null;
      }
    }
    if (errorType == null) {
      throw new StatesError("Lambda.Unknown", NO_ERROR_TYPE + text);
    }
    throw new StatesError(errorType, text);
  }

  /** A Lambda service error as Step Functions names it: {@code Lambda.<Code>}, SDK v1 style cause. */
  private static StatesError serviceError(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof StatesError se) {
      return se;
    }
    if (cause instanceof AwsServiceException e) {
      String code = e.shortCode();
      String name = code.endsWith("Exception") ? code : code + "Exception";
      return new StatesError("Lambda." + name, e.getMessage() + " (Service: AWSLambda; Status Code: "
          + e.status() + "; Error Code: " + code + "; Request ID: " + UUID.randomUUID()
          + "; Proxy: null)");
    }
    return new StatesError("Lambda.SdkClientException", "Unable to execute HTTP request: " + cause.getMessage());
  }

  private static JsonNode parsePayload(byte[] payload) {
    String text = new String(payload, StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return Json.NODES.nullNode();
    }
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      return Json.text(text);
    }
  }
}
