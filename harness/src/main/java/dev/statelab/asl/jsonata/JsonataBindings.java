package dev.statelab.asl.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.query.Randomness;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a JSONata expression can see while a state runs: the {@code $states} object, the workflow
 * variables, the world's random source and clock.
 */
public interface JsonataBindings {

  /**
   * The {@code $states} object: {@code {"input":..., "context":...}}, plus {@code "result"} and
   * {@code "errorOutput"} only where AWS allows them.
   */
  JsonNode states();

  /** A workflow variable's value, or null when no variable of that name is visible. */
  JsonNode variable(String name);

  /** The random source for {@code $random()} and {@code $uuid()}. */
  Randomness random();

  /**
   * The current time for {@code $now()} and {@code $millis()}; the world's clock when it has one.
   */
  default Instant now() {
    return Instant.now();
  }

  /** Bindings over fixed values, with the system clock. */
  static JsonataBindings of(JsonNode states, Map<String, JsonNode> variables, Randomness random) {
    return of(states, variables, random, Instant::now);
  }

  /** Bindings over fixed values and a clock. */
  static JsonataBindings of(
      JsonNode states,
      Map<String, JsonNode> variables,
      Randomness random,
      Supplier<Instant> clock) {
    Objects.requireNonNull(states, "states");
    Map<String, JsonNode> vars = Map.copyOf(variables);
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(clock, "clock");
    return new JsonataBindings() {
      @Override
      public JsonNode states() {
        return states;
      }

      @Override
      public JsonNode variable(String name) {
        return vars.get(name);
      }

      @Override
      public Randomness random() {
        return random;
      }

      @Override
      public Instant now() {
        return clock.get();
      }
    };
  }
}
