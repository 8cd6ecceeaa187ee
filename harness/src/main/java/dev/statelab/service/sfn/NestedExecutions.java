package dev.statelab.service.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.errors.ErrorNames;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldListener;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.integration.Integration;
import dev.statelab.integration.IntegrationResolver;
import dev.statelab.integration.ResourceArn;
import dev.statelab.integration.TaskRequest;
import dev.statelab.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The optimized {@code arn:aws:states:::states:startExecution} integration in all its patterns:
 * a Task starts a child execution of a state machine this service knows.
 *
 * <ul>
 *   <li>request-response and {@code .waitForTaskToken}: {@code {ExecutionArn, StartDate,
 *       SdkHttpMetadata, SdkResponseMetadata}} as soon as the child has started;
 *   <li>{@code .sync}: TaskSubmitted with that answer, then the DescribeExecution-shaped child with
 *       {@code Input} and {@code Output} as JSON strings; {@code .sync:2}: the same with parsed JSON;
 *   <li>a child that fails, times out or is aborted fails the task with {@code States.TaskFailed}
 *       whose cause is the JSON of the child's description (with {@code Error} and {@code Cause}).
 * </ul>
 *
 * <p>StartExecution errors surface as {@code StepFunctions.<Code>Exception}, e.g. {@code
 * StepFunctions.StateMachineDoesNotExistException}. When a parent ends while a {@code .sync}
 * child runs (stopped, failed elsewhere), the child is stopped, as AWS's best-effort cancel does.
 */
final class NestedExecutions implements IntegrationResolver, WorldListener {

  private final World world;
  private final ExecutionOperations executions;
  private final Map<String, List<Execution>> syncChildren = new ConcurrentHashMap<>();

  NestedExecutions(World world, ExecutionOperations executions) {
    this.world = world;
    this.executions = executions;
  }

  @Override
  public Integration resolve(ResourceArn arn, JsonNode parameters) {
    if (arn.kind() != ResourceArn.Kind.SERVICE || !arn.resourceType().equals("states")
        || !arn.action().equals("startExecution")) {
      return null;
    }
    return this::invoke;
  }

  private CompletionStage<JsonNode> invoke(TaskRequest request) {
    ResourceArn arn = ResourceArn.parse(request.resource());
    JsonNode p = request.parameters() == null ? Json.object() : request.parameters();
    ObjectNode body = Json.object();
    copyText(p, "StateMachineArn", body, "stateMachineArn");
    copyText(p, "Name", body, "name");
    copyText(p, "TraceHeader", body, "traceHeader");
    JsonNode input = p.get("Input");
    if (input != null && !input.isNull()) {
      body.put("input", input.isTextual() ? input.asText() : Json.write(input));
    }
    Execution child;
    try {
      child = executions.startForTask(new Params(body));
    } catch (AwsServiceException e) {
      return CompletableFuture.failedFuture(startError(e, request));
    }
    ObjectNode started = Json.object();
    started.put("ExecutionArn", child.arn());
    started.put("StartDate", child.startDate().toEpochMilli());
    String requestId = UUID.nameUUIDFromBytes(child.arn().getBytes(StandardCharsets.UTF_8)).toString();
    started.set("SdkHttpMetadata", httpMetadata(requestId));
    started.putObject("SdkResponseMetadata").put("RequestId", requestId);
    if (arn.pattern() != ResourceArn.Pattern.SYNC) {
      return CompletableFuture.completedFuture(started);
    }
    boolean parsed = arn.resource().endsWith(".sync:2");
    request.progress().submitted(started);
    if (!child.status().isTerminal()) {
      syncChildren.computeIfAbsent(request.executionArn(), k -> new ArrayList<>()).add(child);
    }
    return child.completion().thenCompose(done -> {
      List<Execution> running = syncChildren.get(request.executionArn());
      if (running != null) {
        running.remove(done);
      }
      ObjectNode described = describe(done, parsed);
      if (done.status() == ExecutionStatus.SUCCEEDED) {
        return CompletableFuture.completedFuture((JsonNode) described);
      }
      return CompletableFuture.failedFuture(
          new StatesError(ErrorNames.TASK_FAILED, Json.write(described)));
    });
  }

  /** The DescribeExecution-like object a {@code .sync} task returns (or fails with). */
  static ObjectNode describe(Execution e, boolean parsed) {
    ObjectNode out = Json.object();
    if (e.status() != ExecutionStatus.SUCCEEDED) {
      if (e.cause() != null) {
        out.put("Cause", e.cause());
      }
      if (e.error() != null) {
        out.put("Error", e.error());
      }
    }
    out.put("ExecutionArn", e.arn());
    putPayload(out, "Input", e.input(), parsed);
    out.putObject("InputDetails").put("Included", true);
    out.put("Name", e.name());
    if (e.status() == ExecutionStatus.SUCCEEDED) {
      putPayload(out, "Output", e.output(), parsed);
      out.putObject("OutputDetails").put("Included", true);
    }
    out.put("StartDate", e.startDate().toEpochMilli());
    out.put("StateMachineArn", e.stateMachineArn());
    out.put("Status", e.status().name());
    Instant stop = e.stopDate();
    if (stop != null) {
      out.put("StopDate", stop.toEpochMilli());
    }
    return out;
  }

  private static void putPayload(ObjectNode out, String field, JsonNode value, boolean parsed) {
    JsonNode v = value == null ? Json.NODES.nullNode() : value;
    if (parsed) {
      out.set(field, v);
    } else {
      out.put(field, Json.write(v));
    }
  }

  /** A StartExecution error as the optimized integration names it. */
  private static StatesError startError(AwsServiceException e, TaskRequest request) {
    String code = e.shortCode();
    String exception = code.endsWith("Exception") ? code : code + "Exception";
    String requestId = UUID.nameUUIDFromBytes((request.executionArn() + "/" + request.stateName()
        + "/" + request.nowMillis()).getBytes(StandardCharsets.UTF_8)).toString();
    return new StatesError("StepFunctions." + exception, e.getMessage()
        + " (Service: AWSStepFunctions; Status Code: " + e.status() + "; Error Code: " + code
        + "; Request ID: " + requestId + "; Proxy: null)");
  }

  private static ObjectNode httpMetadata(String requestId) {
    ObjectNode meta = Json.object();
    ObjectNode all = meta.putObject("AllHttpHeaders");
    all.putArray("x-amzn-RequestId").add(requestId);
    all.putArray("Content-Type").add("application/x-amz-json-1.0");
    ObjectNode headers = meta.putObject("HttpHeaders");
    headers.put("x-amzn-RequestId", requestId);
    headers.put("Content-Type", "application/x-amz-json-1.0");
    meta.put("HttpStatusCode", 200);
    return meta;
  }

  private static void copyText(JsonNode from, String field, ObjectNode to, String wireField) {
    JsonNode v = from.get(field);
    if (v != null && !v.isNull()) {
      to.put(wireField, v.isTextual() ? v.asText() : Json.write(v));
    }
  }

  @Override
  public void executionEnded(Execution execution) {
    List<Execution> children = syncChildren.remove(execution.arn());
    if (children == null) {
      return;
    }
    for (Execution child : List.copyOf(children)) {
      if (!child.status().isTerminal()) {
        try {
          world.stop(child, null, "The parent execution " + execution.arn() + " ended");
        } catch (RuntimeException ignored) {
          // Best effort, as in AWS.
        }
      }
    }
  }
}
