package dev.statelab.reports.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One recorded run of a scenario ({@code executions/<scenario>.json}).
 *
 * @param scenario the scenario name (the file name without {@code .json} when absent)
 * @param executionArn the execution ARN, may be empty
 * @param type STANDARD or EXPRESS
 * @param definition the state machine's ASL definition
 * @param events the history, in GetExecutionHistory's shape
 * @param status SUCCEEDED, FAILED, TIMED_OUT or ABORTED
 * @param input the execution input, or a missing node
 * @param output the execution output, or a missing node
 * @param error the error name when it did not succeed, may be empty
 * @param cause the cause when it did not succeed, may be empty
 * @param startDate the start on the world (virtual) clock
 * @param stopDate the stop on the world clock
 * @param cost what the run costs
 */
public record ExecutionData(
    String scenario,
    String executionArn,
    String type,
    JsonNode definition,
    List<Event> events,
    String status,
    JsonNode input,
    JsonNode output,
    String error,
    String cause,
    Instant startDate,
    Instant stopDate,
    RunCost cost) {

  /**
   * One history event as {@code HistoryEvent.toJson(true, true)} writes it.
   *
   * @param id the event id
   * @param previousEventId the event it follows, or 0
   * @param timestamp when it happened (world clock)
   * @param type the event type, e.g. {@code TaskStateEntered}
   * @param details the {@code *EventDetails} member, or a missing node
   */
  public record Event(long id, long previousEventId, Instant timestamp, String type, JsonNode details) {

    /** The state name in the details, or null. */
    public String stateName() {
      JsonNode name = details.get("name");
      return name == null ? null : name.asText();
    }
  }

  /**
   * The cost of this one run.
   *
   * @param transitions billed state transitions (Standard)
   * @param standardCost the run's cost as a Standard workflow, USD
   * @param expressCost the run's cost as an Express workflow, USD
   * @param byService other services' charges for the run, USD
   */
  public record RunCost(double transitions, double standardCost, double expressCost, Map<String, Double> byService) {}

  /** The run's length on the world clock in milliseconds (0 when unknown). */
  public long durationMillis() {
    return startDate == null || stopDate == null ? 0 : stopDate.toEpochMilli() - startDate.toEpochMilli();
  }

  /** Reads one execution file; {@code fallbackName} is used when it names no scenario. */
  public static ExecutionData from(JsonNode root, String fallbackName) {
    List<Event> events = Fields.list(root, ExecutionData::event, "events", "history");
    Instant start = instant(Fields.text(root, null, "startDate", "start"));
    Instant stop = instant(Fields.text(root, null, "stopDate", "stop"));
    if (start == null && !events.isEmpty()) {
      start = events.get(0).timestamp();
    }
    if (stop == null && !events.isEmpty()) {
      stop = events.get(events.size() - 1).timestamp();
    }
    JsonNode definition = Fields.first(root, "definition");
    if (definition.isTextual()) {
      definition = dev.statelab.json.Json.parse(definition.asText());
    }
    return new ExecutionData(
        Fields.text(root, fallbackName, "scenario", "name"),
        Fields.text(root, "", "executionArn"),
        Fields.text(root, "STANDARD", "type"),
        definition,
        events,
        Fields.text(root, "UNKNOWN", "status"),
        Fields.first(root, "input"),
        Fields.first(root, "output"),
        Fields.text(root, "", "error"),
        Fields.text(root, "", "cause"),
        start,
        stop,
        cost(Fields.first(root, "cost")));
  }

  private static Event event(JsonNode e) {
    JsonNode details = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().endsWith("EventDetails")) {
        details = field.getValue();
      }
    }
    return new Event(e.path("id").asLong(), e.path("previousEventId").asLong(),
        instant(Fields.text(e, null, "timestamp")), Fields.text(e, "", "type"), details);
  }

  private static RunCost cost(JsonNode c) {
    Map<String, Double> byService = new LinkedHashMap<>();
    JsonNode services = Fields.first(c, "byService");
    for (Iterator<String> it = services.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      byService.put(name, Fields.asNumber(services.get(name)));
    }
    return new RunCost(Fields.number(c, "transitions"),
        Fields.number(c, "standardCost", "standard"), Fields.number(c, "expressCost", "express"), byService);
  }

  /** An ISO-8601 instant or epoch seconds (as the wire format writes them), or null. */
  static Instant instant(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      try {
        return Instant.ofEpochMilli(new java.math.BigDecimal(text).movePointRight(3).longValue());
      } catch (NumberFormatException notNumber) {
        return null;
      }
    }
  }
}
