package dev.statelab.asl.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;

/** States.UUID. */
final class UuidFunctions {

  private UuidFunctions() {}

  /**
   * {@code States.UUID()}: a version 4 UUID drawn from the scope's random source. Arguments, which
   * AWS accepts and ignores, are ignored.
   */
  static JsonNode uuid(Invocation invocation) {
    return Json.text(invocation.scope().random().uuid());
  }
}
