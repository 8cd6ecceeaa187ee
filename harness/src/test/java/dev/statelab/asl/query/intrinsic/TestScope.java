package dev.statelab.asl.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.query.QueryScope;
import dev.statelab.asl.query.Randomness;
import dev.statelab.json.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** A plain scope for tests: fixed input, context and variables, and a seeded random source. */
record TestScope(JsonNode input, JsonNode context, Map<String, JsonNode> variables, Randomness random)
    implements QueryScope {

  /** A scope over an input given as JSON text, with an empty context and no variables. */
  static TestScope of(String inputJson) {
    return new TestScope(Json.parse(inputJson), Json.object(), Map.of(), seeded(7));
  }

  /** A copy with another context object. */
  TestScope withContext(String contextJson) {
    return new TestScope(input, Json.parse(contextJson), variables, random);
  }

  /** A copy with a variable set. */
  TestScope withVariable(String name, String valueJson) {
    Map<String, JsonNode> copy = new HashMap<>(variables);
    copy.put(name, Json.parse(valueJson));
    return new TestScope(input, context, Map.copyOf(copy), random);
  }

  /** A copy drawing from another random source. */
  TestScope withRandom(Randomness newRandom) {
    return new TestScope(input, context, variables, newRandom);
  }

  @Override
  public JsonNode variable(String name) {
    return variables.get(name);
  }

  /** A random source backed by {@code java.util.Random} with a seed. */
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

  /** A random source whose {@code nextDouble} always answers the same value. */
  static Randomness constant(double value) {
    return new Randomness() {
      @Override
      public double nextDouble() {
        return value;
      }

      @Override
      public long nextLong() {
        return Double.doubleToLongBits(value);
      }
    };
  }
}
