package dev.statelab.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.FrozenObjects;
import dev.statelab.json.Json;
import java.time.Instant;
import java.util.Set;

/**
 * One event of an execution's history, as GetExecutionHistory returns it.
 *
 * <p>Payload fields ({@code input}, {@code output}, {@code parameters}) are held as JSON nodes
 * and written as JSON strings, as AWS does, only when the event is rendered.
 *
 * @param id the event id, from 1
 * @param previousEventId the id of the event this one follows, or 0
 * @param timestampMillis when it happened on the world clock, epoch milliseconds
 * @param type AWS's event type, e.g. {@code PassStateEntered}
 * @param details the {@code *EventDetails} content, or null for events without details
 */
public record HistoryEvent(long id, long previousEventId, long timestampMillis, String type, ObjectNode details) {

  /** The detail fields that carry a payload (rendered as JSON strings; sized for Express memory). */
  public static final Set<String> PAYLOAD_FIELDS = Set.of("input", "output", "parameters");

  /**
   * The {@code *EventDetails} content, or null. Details recorded compactly ({@link
   * FrozenObjects}) come as a fresh ordinary copy, so changing it changes nothing recorded.
   */
  @Override
  public ObjectNode details() {
    return FrozenObjects.thaw(details);
  }

  /** One field of the details without copying them, or null (also for events without details). */
  public JsonNode detail(String field) {
    return details == null ? null : FrozenObjects.get(details, field);
  }

  /** When the event happened. */
  public Instant timestamp() {
    return Instant.ofEpochMilli(timestampMillis);
  }

  /** The name of the details member for this event's type, e.g. {@code stateEnteredEventDetails}. */
  public String detailsKey() {
    return detailsKey(type);
  }

  /** The details member name AWS uses for an event type. */
  public static String detailsKey(String type) {
    if (type.endsWith("StateEntered")) {
      return "stateEnteredEventDetails";
    }
    if (type.endsWith("StateExited")) {
      return "stateExitedEventDetails";
    }
    return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
  }

  /** The state name in the details, or null. */
  public String stateName() {
    JsonNode name = detail("name");
    return name == null ? null : name.asText();
  }

  /**
   * Renders the event in GetExecutionHistory's shape.
   *
   * @param includeData false to leave out payloads, as {@code includeExecutionData: false} does
   * @param isoTimestamps true for ISO-8601 strings, false for epoch seconds (the wire format)
   */
  public ObjectNode toJson(boolean includeData, boolean isoTimestamps) {
    ObjectNode node = Json.object();
    if (isoTimestamps) {
      node.put("timestamp", timestamp().toString());
    } else {
      node.put("timestamp", new java.math.BigDecimal(timestampMillis).movePointLeft(3));
    }
    node.put("type", type);
    node.put("id", id);
    node.put("previousEventId", previousEventId);
    if (details != null) {
      ObjectNode out = Json.object();
      FrozenObjects.forEachField(details, (key, value) -> {
        if (PAYLOAD_FIELDS.contains(key)) {
          if (includeData) {
            out.put(key, Json.write(value));
          }
        } else if (key.equals("assignedVariables")) {
          if (includeData) {
            ObjectNode vars = Json.object();
            value.fields().forEachRemaining(v -> vars.put(v.getKey(), Json.write(v.getValue())));
            out.set("assignedVariables", vars);
          }
        } else {
          out.set(key, value.deepCopy());
        }
      });
      node.set(detailsKey(), out);
    }
    return node;
  }
}
