package dev.statelab.service.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.math.BigDecimal;
import java.time.Instant;

/** How values go on the wire: epoch-second timestamps and JSON payloads as strings. */
final class Wire {

  private Wire() {}

  /** Epoch seconds with milliseconds as the fraction, e.g. {@code 1714643996.18}. */
  static BigDecimal seconds(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
  }

  /** Puts a timestamp member when the instant is known. */
  static void putTime(ObjectNode node, String field, Instant instant) {
    if (instant != null) {
      node.put(field, seconds(instant));
    }
  }

  /** Puts a payload member as a JSON string, when the value is known. */
  static void putPayload(ObjectNode node, String field, JsonNode value) {
    if (value != null) {
      node.put(field, Json.write(value));
    }
  }

  /** {@code {"included": included}}, the shape of inputDetails and outputDetails. */
  static ObjectNode included(boolean included) {
    ObjectNode node = Json.object();
    node.put("included", included);
    return node;
  }

  /** Puts a string member when the value is not null. */
  static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
