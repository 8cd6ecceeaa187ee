package dev.statelab.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.json.Json;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The world's registry of task integrations: which code answers which Resource ARN.
 *
 * <p>In-JVM functions registered by name answer both a Lambda function ARN
 * ({@code arn:aws:lambda:<region>:<account>:function:<name>}) and the optimized
 * {@code arn:aws:states:::lambda:invoke} integration with {@code FunctionName}, wrapped in
 * Lambda's response shape. Any other ARN (or ARN prefix ending in {@code :}) can be bound to an
 * {@link Integration}.
 */
public final class Integrations {

  private final Map<String, Integration> byArn = new ConcurrentHashMap<>();
  private final java.util.List<TaskInterceptor> interceptors = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final java.util.List<IntegrationResolver> resolvers = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Adds an interceptor consulted before any integration (mocked responses, fault plans). */
  public Integrations intercept(TaskInterceptor interceptor) {
    interceptors.add(interceptor);
    return this;
  }

  /** Adds a resolver consulted for resources no exact binding or function answers (stand-ins). */
  public Integrations resolver(IntegrationResolver resolver) {
    resolvers.add(resolver);
    return this;
  }

  /** The interceptors, in the order they were added. */
  public java.util.List<TaskInterceptor> interceptors() {
    return interceptors;
  }
  private final Map<String, Integration> byFunctionName = new ConcurrentHashMap<>();

  /** Binds an integration to an exact Resource ARN (pattern suffix included). */
  public Integrations register(String resourceArn, Integration integration) {
    byArn.put(resourceArn, integration);
    return this;
  }

  /** Removes the integration bound to an exact Resource ARN, if any. */
  public Integrations unregister(String resourceArn) {
    byArn.remove(resourceArn);
    return this;
  }

  /** Registers an asynchronous function (it sees the whole request) under a Lambda function name. */
  public Integrations asyncFunction(String name, Integration integration) {
    byFunctionName.put(functionName(name), integration);
    return this;
  }

  /** Registers a synchronous function under a Lambda function name (or its ARN). */
  public Integrations function(String name, TaskFunction function) {
    return asyncFunction(name, request -> call(function, request.parameters()));
  }

  /** True when a function of that name (or ARN) is registered. */
  public boolean hasFunction(String nameOrArn) {
    return byFunctionName.containsKey(functionName(nameOrArn));
  }

  /**
   * Finds what answers a Task: an exact binding, then a registered function.
   *
   * @return the integration, or null when nothing answers the resource
   */
  public Integration resolve(ResourceArn arn, JsonNode parameters) {
    Integration found = resolveDirect(arn, parameters);
    if (found != null) {
      return found;
    }
    for (IntegrationResolver resolver : resolvers) {
      Integration r = resolver.resolve(arn, parameters);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  private Integration resolveDirect(ResourceArn arn, JsonNode parameters) {
    Integration exact = byArn.get(arn.arn());
    if (exact != null) {
      return exact;
    }
    if (arn.kind() == ResourceArn.Kind.LAMBDA_FUNCTION) {
      return byFunctionName.get(functionName(arn.name()));
    }
    if (arn.kind() == ResourceArn.Kind.SERVICE && arn.resourceType().equals("lambda") && arn.action().equals("invoke")) {
      JsonNode name = parameters == null ? null : parameters.get("FunctionName");
      if (name == null || !name.isTextual()) {
        return null;
      }
      Integration fn = byFunctionName.get(functionName(name.asText()));
      if (fn == null) {
        return null;
      }
      return request -> {
        JsonNode payload = request.parameters().get("Payload");
        TaskRequest inner = request.withParameters(payload == null ? Json.NODES.nullNode() : payload);
        return fn.invoke(inner).thenApply(Integrations::lambdaInvokeResponse);
      };
    }
    return null;
  }

  /** The output of {@code lambda:invoke}: the function's result under {@code Payload}. */
  static JsonNode lambdaInvokeResponse(JsonNode payload) {
    ObjectNode out = Json.object();
    out.put("ExecutedVersion", "$LATEST");
    out.set("Payload", payload);
    out.put("StatusCode", 200);
    return out;
  }

  /** Runs a synchronous function, turning exceptions into task errors. */
  public static CompletionStage<JsonNode> call(TaskFunction function, JsonNode input) {
    try {
      JsonNode result = function.apply(input);
      return CompletableFuture.completedFuture(result == null ? Json.NODES.nullNode() : result);
    } catch (StatesError e) {
      return CompletableFuture.failedFuture(e);
    } catch (Exception e) {
      ObjectNode cause = Json.object();
      cause.put("errorMessage", String.valueOf(e.getMessage()));
      cause.put("errorType", e.getClass().getName());
      return CompletableFuture.failedFuture(new StatesError(e.getClass().getName(), Json.write(cause)));
    }
  }

  private static String functionName(String nameOrArn) {
    String name = nameOrArn;
    if (name.startsWith("arn:")) {
      String[] parts = name.split(":");
      name = parts.length > 6 ? parts[6] : name;
    }
    return name;
  }
}
