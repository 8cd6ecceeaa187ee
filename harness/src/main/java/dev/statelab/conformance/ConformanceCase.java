package dev.statelab.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One execution recorded against real AWS: definition, input and what AWS did (the format of
 * {@code shared/conformance/localstack-aws-recorded}).
 *
 * @param id the case id
 * @param category the case category (choice_operators, map, jsonata, ...)
 * @param definition the state machine definition
 * @param input the execution input
 * @param expected {@code {status, output | error, cause | message, last_event_type}}
 * @param eventTypes the recorded history event types in order, or null when no history was recorded
 * @param notes the case's caveats
 * @param parallelNormalised true when branch events were sorted and ParallelStateSucceeded dropped
 * @param raw the whole case file
 */
public record ConformanceCase(
    String id,
    String category,
    JsonNode definition,
    JsonNode input,
    JsonNode expected,
    List<String> eventTypes,
    List<String> notes,
    boolean parallelNormalised,
    JsonNode raw) {

  /** Reads a case file. */
  public static ConformanceCase read(Path file) {
    try {
      return of(Json.parse(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds a case from its parsed file. */
  public static ConformanceCase of(JsonNode node) {
    List<String> types = null;
    JsonNode et = node.get("event_types");
    if (et != null && et.isArray()) {
      types = new ArrayList<>();
      for (JsonNode t : et) {
        types.add(t.asText());
      }
    }
    List<String> notes = new ArrayList<>();
    JsonNode n = node.get("notes");
    if (n != null) {
      n.forEach(x -> notes.add(x.asText()));
    }
    JsonNode source = node.path("source");
    return new ConformanceCase(
        node.path("id").asText(),
        node.path("category").asText(),
        node.get("definition"),
        node.has("input") ? node.get("input") : Json.object(),
        node.get("expected"),
        types == null ? null : List.copyOf(types),
        List.copyOf(notes),
        source.path("events_parallel_normalised").asBoolean(false),
        node);
  }

  /** The expected status. */
  public String expectedStatus() {
    return expected.path("status").asText();
  }

  /** True when the recording says the test stopped the execution while it ran. */
  public boolean stoppedByTest() {
    return notes.stream().anyMatch(n -> n.contains("stop_execution"));
  }

  /**
   * True when the recording was taken while the execution ran (the test stopped it, or recorded
   * it RUNNING): such a case is observed before time moves on.
   */
  public boolean observedWhileRunning() {
    return stoppedByTest() || "RUNNING".equals(expectedStatus());
  }

  /** Lists the case files in a folder, sorted by name. */
  public static List<Path> list(Path dir) {
    try (var stream = Files.list(dir)) {
      return stream.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
