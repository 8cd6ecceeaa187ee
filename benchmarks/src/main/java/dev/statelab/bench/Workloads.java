package dev.statelab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.util.Locale;

/**
 * The benchmark workloads: each one an ASL definition generated in code, an input, and the number
 * of state transitions one successful execution makes.
 *
 * <p>The definitions are built as JSON trees and written with {@link Json#write}, so they are
 * exactly what {@code StateMachine.parse} reads; nothing is loaded from files.
 */
public enum Workloads {

  /** A chain of 100 Pass states with default input/output processing. */
  PASS_CHAIN_100 {
    @Override
    ObjectNode definition() {
      return passChain(100);
    }

    @Override
    JsonNode input() {
      return Json.parse("{\"orderId\":\"o-1\",\"amount\":42,\"tags\":[\"a\",\"b\"]}");
    }
  },

  /**
   * A loop of 1,000 iterations: a Pass state increments {@code $.counter} with {@code
   * States.MathAdd} in Parameters, and a Choice loops back while it is NumericLessThan 1000.
   */
  CHOICE_LOOP_1000 {
    @Override
    ObjectNode definition() {
      return choiceLoop(1000);
    }

    @Override
    JsonNode input() {
      return Json.parse("{\"counter\":0}");
    }
  },

  /** An inline Map over 100 items, MaxConcurrency 0, whose processor is one Pass state. */
  MAP_100 {
    @Override
    ObjectNode definition() {
      return inlineMap();
    }

    @Override
    JsonNode input() {
      return items(100);
    }
  },

  /** A Parallel state with 10 branches, each one Pass state. */
  PARALLEL_10 {
    @Override
    ObjectNode definition() {
      return parallel(10);
    }

    @Override
    JsonNode input() {
      return Json.parse("{\"orderId\":\"o-1\",\"amount\":42}");
    }
  };

  /** The definition as a JSON tree. */
  abstract ObjectNode definition();

  /** A fresh input document for one execution. */
  abstract JsonNode input();

  /** The definition as ASL text, as a user would pass it to {@code StateMachine.parse}. */
  public String definitionText() {
    return Json.write(definition());
  }

  // ---------------------------------------------------------------- generators

  /** {@code n} Pass states, {@code Step000 -> Step001 -> ... -> Step(n-1)} (End). */
  static ObjectNode passChain(int n) {
    ObjectNode def = Json.object();
    def.put("Comment", "StateLab benchmark: " + n + "-state Pass chain");
    def.put("StartAt", stepName(0));
    ObjectNode states = def.putObject("States");
    for (int i = 0; i < n; i++) {
      ObjectNode pass = states.putObject(stepName(i));
      pass.put("Type", "Pass");
      if (i + 1 < n) {
        pass.put("Next", stepName(i + 1));
      } else {
        pass.put("End", true);
      }
    }
    return def;
  }

  private static String stepName(int i) {
    return String.format(Locale.ROOT, "Step%03d", i);
  }

  /** {@code Increment} (Pass, MathAdd) and {@code Check} (Choice) looping {@code limit} times, then {@code Done}. */
  static ObjectNode choiceLoop(int limit) {
    ObjectNode def = Json.object();
    def.put("Comment", "StateLab benchmark: " + limit + "-iteration Choice loop");
    def.put("StartAt", "Increment");
    ObjectNode states = def.putObject("States");

    ObjectNode increment = states.putObject("Increment");
    increment.put("Type", "Pass");
    increment.putObject("Parameters").put("counter.$", "States.MathAdd($.counter, 1)");
    increment.put("Next", "Check");

    ObjectNode check = states.putObject("Check");
    check.put("Type", "Choice");
    ObjectNode rule = check.putArray("Choices").addObject();
    rule.put("Variable", "$.counter");
    rule.put("NumericLessThan", limit);
    rule.put("Next", "Increment");
    check.put("Default", "Done");

    states.putObject("Done").put("Type", "Succeed");
    return def;
  }

  /** An inline Map over {@code $.items} (MaxConcurrency 0) with a one-Pass-state processor. */
  static ObjectNode inlineMap() {
    ObjectNode def = Json.object();
    def.put("Comment", "StateLab benchmark: inline Map over a Pass processor");
    def.put("StartAt", "ForEach");
    ObjectNode map = def.putObject("States").putObject("ForEach");
    map.put("Type", "Map");
    map.put("ItemsPath", "$.items");
    map.put("MaxConcurrency", 0);
    ObjectNode processor = map.putObject("ItemProcessor");
    processor.putObject("ProcessorConfig").put("Mode", "INLINE");
    processor.put("StartAt", "Process");
    ObjectNode process = processor.putObject("States").putObject("Process");
    process.put("Type", "Pass");
    process.put("End", true);
    map.put("End", true);
    return def;
  }

  /** {@code {"items":[{"id":0},...]}} with {@code n} items. */
  static ObjectNode items(int n) {
    ObjectNode input = Json.object();
    ArrayNode items = input.putArray("items");
    for (int i = 0; i < n; i++) {
      items.addObject().put("id", i);
    }
    return input;
  }

  /** A Parallel state with {@code n} branches, each a single Pass state. */
  static ObjectNode parallel(int n) {
    ObjectNode def = Json.object();
    def.put("Comment", "StateLab benchmark: " + n + "-branch Parallel of Pass states");
    def.put("StartAt", "FanOut");
    ObjectNode par = def.putObject("States").putObject("FanOut");
    par.put("Type", "Parallel");
    ArrayNode branches = par.putArray("Branches");
    for (int i = 0; i < n; i++) {
      ObjectNode branch = branches.addObject();
      String name = "Branch" + i;
      branch.put("StartAt", name);
      ObjectNode pass = branch.putObject("States").putObject(name);
      pass.put("Type", "Pass");
      pass.put("End", true);
    }
    par.put("End", true);
    return def;
  }
}
