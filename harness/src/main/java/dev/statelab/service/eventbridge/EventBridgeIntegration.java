package dev.statelab.service.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.integration.Integration;
import dev.statelab.integration.IntegrationResolver;
import dev.statelab.integration.ResourceArn;
import dev.statelab.integration.TaskRequest;
import dev.statelab.json.Json;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The optimized integrations {@code arn:aws:states:::events:putEvents} and its {@code
 * .waitForTaskToken} form: an object {@code Detail} is serialized, the execution and state
 * machine ARNs are appended to each entry's {@code Resources}; the output is {@code {Entries,
 * FailedEntryCount}}, and any failed entry fails the task with {@code EventBridge.FailedEntry}
 * whose cause is that response.
 */
final class EventBridgeIntegration implements IntegrationResolver {

  private final EventBridgeStore store;

  EventBridgeIntegration(EventBridgeStore store) {
    this.store = store;
  }

  @Override
  public Integration resolve(ResourceArn arn, JsonNode parameters) {
    if (arn.kind() != ResourceArn.Kind.SERVICE || !arn.resourceType().equals("events")
        || !arn.action().equals("putEvents")) {
      return null;
    }
    return Integration.onWorldClock(this::invoke);
  }

  private CompletionStage<JsonNode> invoke(TaskRequest request) {
    JsonNode params = request.parameters() == null ? Json.object() : request.parameters();
    ObjectNode call = Json.object();
    ArrayNode entries = call.putArray("Entries");
    for (JsonNode e : params.path("Entries")) {
      ObjectNode entry = e.isObject() ? ((ObjectNode) e).deepCopy() : Json.object();
      JsonNode detail = entry.get("Detail");
      if (detail != null && !detail.isTextual()) {
        entry.put("Detail", Json.write(detail));
      }
      ArrayNode resources = entry.has("Resources") && entry.get("Resources").isArray()
          ? (ArrayNode) entry.get("Resources") : entry.putArray("Resources");
      resources.add(stateMachineArn(request.executionArn()));
      resources.add(request.executionArn());
      entries.add(entry);
    }
    JsonNode response;
    try {
      response = store.putEvents(call);
    } catch (AwsServiceException e) {
      return CompletableFuture.failedFuture(new StatesError("EventBridge." + e.shortCode(),
          e.getMessage() + " (Service: EventBridge; Status Code: " + e.status() + "; Error Code: "
              + e.shortCode() + ")"));
    }
    ObjectNode out = Json.object();
    out.set("Entries", response.get("Entries"));
    out.put("FailedEntryCount", response.get("FailedEntryCount").asInt());
    if (out.get("FailedEntryCount").asInt() > 0) {
      return CompletableFuture.failedFuture(new StatesError("EventBridge.FailedEntry", Json.write(out)));
    }
    return CompletableFuture.completedFuture(out);
  }

  /** The state machine ARN of an execution ARN (standard or express). */
  static String stateMachineArn(String executionArn) {
    String[] parts = executionArn.split(":");
    if (parts.length < 8) {
      return executionArn;
    }
    return String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], "stateMachine", parts[6]);
  }
}
