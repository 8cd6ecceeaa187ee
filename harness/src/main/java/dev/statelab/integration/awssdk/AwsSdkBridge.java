package dev.statelab.integration.awssdk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.engine.World;
import dev.statelab.gateway.AwsProtocol;
import dev.statelab.gateway.AwsRequest;
import dev.statelab.gateway.AwsResponse;
import dev.statelab.gateway.AwsService;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.gateway.RestRoute;
import dev.statelab.gateway.ServiceSpec;
import dev.statelab.integration.Integration;
import dev.statelab.integration.IntegrationResolver;
import dev.statelab.integration.ResourceArn;
import dev.statelab.integration.TaskRequest;
import dev.statelab.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generic {@code arn:aws:states:::aws-sdk:<service>:<action>} integration: a per-world
 * registry of in-process {@link AwsService}s by aws-sdk service id ({@code sfn}, {@code dynamodb},
 * ...), and the resolver that calls them.
 *
 * <pre>{@code
 * AwsSdkBridge.register(world, "sfn", sfnService);   // SfnService does this itself
 * // "Resource": "arn:aws:states:::aws-sdk:sfn:startExecution" now calls StartExecution in-process
 * }</pre>
 *
 * <p>The action becomes the PascalCase operation ({@code startExecution} → {@code
 * StartExecution}); PascalCase Parameters are renamed to the service's wire members and the answer
 * back to PascalCase ({@link MemberNaming}). Service errors become {@code
 * <ServicePrefix>.<Name>Exception} ({@code Sfn.ExecutionDoesNotExistException}); validation
 * errors {@code <Prefix>.<Prefix>Exception}. A REST service is called on its operation's route,
 * with {@code {Label}} path segments taken from the Parameters member of that name; members go
 * in the JSON body (raw payloads such as Lambda's Invoke body are not modelled).
 */
public final class AwsSdkBridge implements IntegrationResolver {

  /** The aws-sdk service ids whose error prefix is not just the id capitalized. */
  private static final Map<String, String> PREFIXES = Map.ofEntries(
      Map.entry("sfn", "Sfn"), Map.entry("dynamodb", "DynamoDb"),
      Map.entry("dynamodbstreams", "DynamoDbStreams"), Map.entry("eventbridge", "EventBridge"),
      Map.entry("costexplorer", "CostExplorer"), Map.entry("acmpca", "AcmPca"),
      Map.entry("secretsmanager", "SecretsManager"), Map.entry("apigateway", "ApiGateway"),
      Map.entry("cloudwatch", "CloudWatch"), Map.entry("cloudwatchlogs", "CloudWatchLogs"),
      Map.entry("sqs", "Sqs"), Map.entry("sns", "Sns"), Map.entry("s3", "S3"),
      Map.entry("lambda", "Lambda"), Map.entry("batch", "Batch"), Map.entry("ecs", "Ecs"));

  private static final Pattern LABEL = Pattern.compile("\\{([^}]+)\\}");

  private final World world;
  private final Map<String, Binding> services = new ConcurrentHashMap<>();

  private AwsSdkBridge(World world) {
    this.world = world;
  }

  /** The world's bridge, installed as an integration resolver on first use. */
  public static AwsSdkBridge of(World world) {
    Objects.requireNonNull(world, "world");
    return world.component(AwsSdkBridge.class, () -> {
      AwsSdkBridge bridge = new AwsSdkBridge(world);
      world.integrations().resolver(bridge);
      return bridge;
    });
  }

  /** Registers a service under an aws-sdk id with the naming {@link #namingOf} guesses. */
  public static AwsSdkBridge register(World world, String serviceId, AwsService service) {
    return register(world, serviceId, service, namingOf(serviceId));
  }

  /** Registers a service under an aws-sdk id with an explicit wire naming. */
  public static AwsSdkBridge register(World world, String serviceId, AwsService service, MemberNaming naming) {
    AwsSdkBridge bridge = of(world);
    bridge.services.put(serviceId.toLowerCase(Locale.ROOT),
        new Binding(Objects.requireNonNull(service, "service"), Objects.requireNonNull(naming, "naming")));
    return bridge;
  }

  /**
   * Registers a gateway service under the aws-sdk id its spec implies ({@code states} → {@code
   * sfn}, {@code events} → {@code eventbridge}, {@code ce} → {@code costexplorer}), unless one
   * is registered under that id already.
   *
   * @return whether the service was registered
   */
  public static boolean registerBySpec(World world, AwsService service) {
    ServiceSpec spec = service.spec();
    String id = serviceIdOf(spec);
    if (of(world).services.containsKey(id)) {
      return false;
    }
    register(world, id, service);
    return true;
  }

  /** The aws-sdk service id a gateway spec stands for. */
  static String serviceIdOf(ServiceSpec spec) {
    String target = spec.targetPrefix() == null ? "" : spec.targetPrefix();
    if (target.startsWith("DynamoDBStreams")) {
      return "dynamodbstreams";
    }
    return switch (spec.signingName()) {
      case "states" -> "sfn";
      case "events" -> "eventbridge";
      case "ce" -> "costexplorer";
      default -> spec.signingName().toLowerCase(Locale.ROOT);
    };
  }

  /** The wire naming of an aws-sdk service id: camelCase for Step Functions, Lambda and Batch. */
  public static MemberNaming namingOf(String serviceId) {
    return switch (serviceId.toLowerCase(Locale.ROOT)) {
      case "sfn", "lambda", "batch", "ecs", "pipes", "scheduler" -> MemberNaming.CAMEL_CASE;
      default -> MemberNaming.PASCAL_CASE;
    };
  }

  /** The error-name prefix of an aws-sdk service id, e.g. {@code DynamoDb} for {@code dynamodb}. */
  public static String errorPrefix(String serviceId) {
    String id = serviceId.toLowerCase(Locale.ROOT);
    String known = PREFIXES.get(id);
    return known != null ? known : MemberNaming.upperFirst(id);
  }

  /** The aws-sdk error name of a service error, e.g. {@code Sfn.InvalidTokenException}. */
  public static String errorName(String serviceId, String code) {
    String prefix = errorPrefix(serviceId);
    if (code.equals("ValidationException") || code.equals("ValidationError")
        || code.equals("SerializationException") || code.equals("InternalFailure")) {
      return prefix + "." + prefix + "Exception";
    }
    return prefix + "." + (code.endsWith("Exception") ? code : code + "Exception");
  }

  /** The services registered, by aws-sdk id. */
  public Set<String> serviceIds() {
    return new TreeSet<>(services.keySet());
  }

  @Override
  public Integration resolve(ResourceArn arn, JsonNode parameters) {
    if (arn.kind() != ResourceArn.Kind.SERVICE || !arn.resourceType().startsWith("aws-sdk:")) {
      return null;
    }
    String serviceId = arn.resourceType().substring("aws-sdk:".length());
    if (arn.pattern() == ResourceArn.Pattern.SYNC) {
      return request -> CompletableFuture.failedFuture(StatesError.runtime(
          "The aws-sdk integration does not support the .sync pattern: '" + arn.arn() + "'"));
    }
    Binding binding = services.get(serviceId.toLowerCase(Locale.ROOT));
    if (binding == null) {
      return request -> CompletableFuture.failedFuture(StatesError.runtime(
          "No stand-in answers the aws-sdk service '" + serviceId + "' (resource '" + arn.arn()
              + "'). Registered aws-sdk services: " + serviceIds()
              + ". Register one with AwsSdkBridge.register(world, \"" + serviceId + "\", service)."));
    }
    return request -> call(binding, serviceId, arn.action(), request);
  }

  private CompletionStage<JsonNode> call(Binding binding, String serviceId, String action, TaskRequest task) {
    String operation = MemberNaming.upperFirst(action);
    JsonNode params = task.parameters() == null ? Json.object() : task.parameters();
    String requestId = UUID.nameUUIDFromBytes((task.executionArn() + "/" + task.stateName() + "/"
        + task.nowMillis()).getBytes(StandardCharsets.UTF_8)).toString();
    AwsRequest.Builder builder = AwsRequest.newBuilder()
        .operation(operation)
        .body(binding.naming().toWire(params))
        .region(world.options().region())
        .accountId(world.options().accountId())
        .requestId(requestId);
    CompletionStage<AwsResponse> answer;
    try {
      ServiceSpec spec = binding.service().spec();
      if (spec.protocol() == AwsProtocol.REST_JSON_1) {
        route(spec, operation, params, builder, serviceId, action);
      }
      AwsRequest request = builder.build();
      if (!binding.service().spec().operations().isEmpty()
          && !binding.service().spec().operations().contains(operation)) {
        throw new AwsServiceException("UnknownOperationException",
            "The action '" + action + "' is not an operation of aws-sdk:" + serviceId);
      }
      answer = binding.service().handleAsync(request);
    } catch (AwsServiceException e) {
      return CompletableFuture.failedFuture(error(serviceId, e, requestId));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(failure(serviceId, e, requestId));
    }
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    answer.whenComplete((response, thrown) -> {
      Throwable t = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
      if (t instanceof AwsServiceException e) {
        result.completeExceptionally(error(serviceId, e, requestId));
      } else if (t != null) {
        result.completeExceptionally(failure(serviceId, t, requestId));
      } else {
        JsonNode body = response.jsonBody().orElseGet(() -> {
          byte[] bytes = response.bodyBytes();
          return bytes.length == 0 ? Json.object() : Json.parse(new String(bytes, StandardCharsets.UTF_8));
        });
        result.complete(binding.naming().fromWire(body));
      }
    });
    return result;
  }

  /** Puts a REST operation's method and path (labels filled from Parameters) on the request. */
  private static void route(ServiceSpec spec, String operation, JsonNode params,
      AwsRequest.Builder builder, String serviceId, String action) {
    RestRoute route = spec.routes().stream().filter(r -> r.operation().equals(operation))
        .findFirst().orElseThrow(() -> new AwsServiceException("UnknownOperationException",
            "The action '" + action + "' is not an operation of aws-sdk:" + serviceId));
    Matcher m = LABEL.matcher(route.pathTemplate());
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      String label = m.group(1).replace("+", "");
      JsonNode value = params.get(label);
      if (value == null) {
        value = params.get(MemberNaming.upperFirst(label));
      }
      if (value == null || value.isNull()) {
        throw new AwsServiceException("ValidationException",
            "Missing required parameter " + MemberNaming.upperFirst(label) + " for " + operation);
      }
      String text = value.isTextual() ? value.asText() : Json.write(value);
      builder.pathParam(label, text);
      m.appendReplacement(path, Matcher.quoteReplacement(text));
    }
    m.appendTail(path);
    builder.http(route.method(), path.toString());
  }

  private static StatesError error(String serviceId, AwsServiceException e, String requestId) {
    return new StatesError(errorName(serviceId, e.shortCode()), e.getMessage() + " (Service: "
        + errorPrefix(serviceId) + ", Status Code: " + e.status() + ", Request ID: " + requestId + ")");
  }

  private static StatesError failure(String serviceId, Throwable t, String requestId) {
    String prefix = errorPrefix(serviceId);
    return new StatesError(prefix + "." + prefix + "Exception", String.valueOf(t.getMessage())
        + " (Service: " + prefix + ", Status Code: 500, Request ID: " + requestId + ")");
  }

  /** A registered service and how it spells its members. */
  private record Binding(AwsService service, MemberNaming naming) {}
}
