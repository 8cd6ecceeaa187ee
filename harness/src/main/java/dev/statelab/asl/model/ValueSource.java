package dev.statelab.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.jsonata.JsonataTemplate;
import dev.statelab.asl.query.Path;

/**
 * A field whose value is a literal, a {@code ...Path} variant, or a JSONata expression
 * (TimeoutSeconds, HeartbeatSeconds, MaxConcurrency, ToleratedFailure*, Wait Seconds/Timestamp).
 *
 * @param literal the literal value, or null
 * @param path the path of the {@code ...Path} form, or null
 * @param expression the JSONata template, or null
 * @param pathField the name of the path field as written (e.g. {@code SecondsPath}), for messages
 */
public record ValueSource(JsonNode literal, Path path, JsonataTemplate expression, String pathField) {

  /** A literal value. */
  public static ValueSource literal(JsonNode value) {
    return new ValueSource(value, null, null, null);
  }
}
