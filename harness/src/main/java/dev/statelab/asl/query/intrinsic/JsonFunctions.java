package dev.statelab.asl.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;

/** States.StringToJson, States.JsonToString and States.JsonMerge. */
final class JsonFunctions {

  private JsonFunctions() {}

  /**
   * {@code States.StringToJson(string)}: parses JSON text. A blank string gives {@code null}, as
   * recorded against AWS; text that is not JSON is invalid.
   */
  static JsonNode stringToJson(Invocation invocation) {
    String text = invocation.string(0);
    if (text.isBlank()) {
      return Json.NODES.nullNode();
    }
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw invocation.invalid();
    }
  }

  /** {@code States.JsonToString(value)}: the compact JSON text of a value, key order kept. */
  static JsonNode jsonToString(Invocation invocation) {
    return Json.text(Json.write(invocation.value(0)));
  }

  /**
   * {@code States.JsonMerge(object1, object2, false)}: a shallow merge where the second object's
   * keys win. Deep merge ({@code true}) is not supported; AWS treats any other third value as
   * shallow.
   */
  static JsonNode jsonMerge(Invocation invocation) {
    JsonNode first = invocation.value(0);
    JsonNode second = invocation.value(1);
    JsonNode deep = invocation.value(2);
    if (!first.isObject() || !second.isObject() || (deep.isBoolean() && deep.booleanValue())) {
      throw invocation.invalid();
    }
    ObjectNode merged = ((ObjectNode) first).deepCopy();
    merged.setAll((ObjectNode) second);
    return merged;
  }
}
