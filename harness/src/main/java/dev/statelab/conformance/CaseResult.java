package dev.statelab.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.util.List;

/**
 * What happened when a case ran, and how it compares with AWS's recording.
 *
 * @param id the case id
 * @param status the status StateLab reached (CREATE_FAILED when the definition was rejected)
 * @param output the output when SUCCEEDED, else null
 * @param error the error (or the API error code for CREATE_FAILED), else null
 * @param cause the cause (or the API error message for CREATE_FAILED), else null
 * @param events the history event types StateLab produced
 * @param outcomeMatches true when status and output, or error and cause, match the recording
 * @param historyMatches true when the event types match the recording (null when none was recorded)
 * @param difference a one-line description of the first difference, or null
 */
public record CaseResult(
    String id,
    String status,
    JsonNode output,
    String error,
    String cause,
    List<String> events,
    boolean outcomeMatches,
    Boolean historyMatches,
    String difference) {

  /** True when everything recorded matches. */
  public boolean passed() {
    return outcomeMatches && (historyMatches == null || historyMatches);
  }

  /** The report line: {@code {"id","status","output","error","cause","events"}}. */
  public ObjectNode toJson() {
    ObjectNode node = Json.object();
    node.put("id", id);
    node.put("status", status);
    node.set("output", output);
    node.put("error", error);
    node.put("cause", cause);
    ArrayNode types = node.putArray("events");
    events.forEach(types::add);
    return node;
  }
}
