package dev.statelab.asl.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;

/**
 * An error as a value: the {@code {"Error": ..., "Cause": ...}} object that Catch hands on.
 *
 * @param error the error name, or null when the failing state named none
 * @param cause the cause, or null
 */
public record ErrorOutput(String error, String cause) {

  /** The prefix AWS puts before the cause of a failure it detects inside a state. */
  public static String stateCausePrefix(String stateName, long enteredEventId) {
    return "An error occurred while executing the state '"
        + stateName
        + "' (entered at the event id #"
        + enteredEventId
        + "). ";
  }

  /** The error object a catcher receives; keys are absent when their value is null. */
  public JsonNode toJson() {
    ObjectNode node = Json.object();
    if (error != null) {
      node.put("Error", error);
    }
    if (cause != null) {
      node.put("Cause", cause);
    }
    return node;
  }

  /** This value as a throwable, to unwind a state's evaluation. */
  public StatesError toError() {
    return new StatesError(error, cause);
  }
}
