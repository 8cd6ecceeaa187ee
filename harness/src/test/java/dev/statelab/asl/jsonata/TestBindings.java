package dev.statelab.asl.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.query.Randomness;
import dev.statelab.json.Json;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** Small helpers to build bindings in tests. */
final class TestBindings {

  /** A fixed instant for $now(). */
  static final Instant NOW = Instant.parse("2024-05-06T07:08:09.123Z");

  private TestBindings() {}

  /** A seeded random source. */
  static Randomness seeded(long seed) {
    Random random = new Random(seed);
    return new Randomness() {
      @Override
      public double nextDouble() {
        return random.nextDouble();
      }

      @Override
      public long nextLong() {
        return random.nextLong();
      }
    };
  }

  /** Bindings with $states.input set to the given JSON text and no variables. */
  static JsonataBindings input(String inputJson) {
    return with(inputJson, Map.of());
  }

  /** Bindings with $states.input and variables given as JSON texts. */
  static JsonataBindings with(String inputJson, Map<String, String> variablesJson) {
    ObjectNode states = Json.object();
    states.set("input", Json.parse(inputJson));
    states.set("context", Json.parse("{\"State\":{\"Name\":\"S\"}}"));
    Map<String, JsonNode> variables = new HashMap<>();
    variablesJson.forEach((k, v) -> variables.put(k, Json.parse(v)));
    return JsonataBindings.of(states, variables, seeded(42), () -> NOW);
  }

  /** Bindings over a prepared $states object. */
  static JsonataBindings states(JsonNode states) {
    return JsonataBindings.of(states, Map.of(), seeded(42), () -> NOW);
  }
}
