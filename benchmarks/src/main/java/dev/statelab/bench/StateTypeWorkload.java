package dev.statelab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.util.Locale;

/**
 * A chain of ten states of one type, written in one query language, as an ASL definition built
 * in code: the unit of {@link StateTypeThroughputBenchmark}.
 *
 * <p>Every state carries the whole payload on to the next, so the payload size decides how much
 * JSON each transition copies, selects and writes. The chain ends in a Succeed state.
 */
public enum StateTypeWorkload {

  /** Pass states that add a small result to the payload. */
  PASS,
  /** Task states calling an in-JVM function that echoes its input. */
  TASK,
  /** Choice states testing a number and going on through their Default. */
  CHOICE,
  /** Wait states of one second, on the virtual clock. */
  WAIT,
  /** Inline Map states over ten small items, each processed by one Pass state. */
  MAP,
  /** Parallel states with two branches of one Pass state each. */
  PARALLEL;

  /** The states in each chain. */
  static final int LENGTH = 10;

  /** The name the echo function is registered under. */
  static final String ECHO = "echo";

  /** The definition: {@link #LENGTH} states of this type, then Succeed. */
  String definition(QueryLanguage language) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("QueryLanguage", language.aslName);
    root.put("StartAt", name(0));
    ObjectNode states = root.putObject("States");
    for (int i = 0; i < LENGTH; i++) {
      String next = i + 1 < LENGTH ? name(i + 1) : "Done";
      states.set(name(i), state(language, i, next));
    }
    states.putObject("Done").put("Type", "Succeed");
    return Json.write(root);
  }

  private String name(int i) {
    return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT) + i;
  }

  private ObjectNode state(QueryLanguage language, int i, String next) {
    boolean jsonata = language == QueryLanguage.JSONATA;
    ObjectNode s = Json.MAPPER.createObjectNode();
    switch (this) {
      case PASS -> {
        s.put("Type", "Pass");
        if (jsonata) {
          s.put("Output", "{% $merge([$states.input, {'step': " + i + "}]) %}");
        } else {
          s.putObject("Result").put("step", i);
          s.put("ResultPath", "$.step");
        }
      }
      case TASK -> {
        s.put("Type", "Task");
        s.put("Resource", "arn:aws:lambda:us-east-1:123456789012:function:" + ECHO);
      }
      case CHOICE -> {
        s.put("Type", "Choice");
        ObjectNode rule = s.putArray("Choices").addObject();
        if (jsonata) {
          rule.put("Condition", "{% $states.input.counter < 0 %}");
        } else {
          rule.put("Variable", "$.counter");
          rule.put("NumericLessThan", 0);
        }
        rule.put("Next", "Done");
        s.put("Default", next);
        return s;
      }
      case WAIT -> {
        s.put("Type", "Wait");
        s.put("Seconds", 1);
      }
      case MAP -> {
        s.put("Type", "Map");
        if (jsonata) {
          s.put("Items", "{% $states.input.items %}");
          s.put("Output", "{% $merge([$states.input, {'mapped': $count($states.result)}]) %}");
        } else {
          s.put("ItemsPath", "$.items");
          s.put("ResultPath", "$.mapped");
        }
        ObjectNode processor = s.putObject("ItemProcessor");
        processor.put("StartAt", "Item" + i);
        processor.putObject("States").putObject("Item" + i).put("Type", "Pass").put("End", true);
      }
      case PARALLEL -> {
        s.put("Type", "Parallel");
        if (jsonata) {
          s.put("Output", "{% $states.input %}");
        } else {
          s.putNull("ResultPath");
        }
        ArrayNode branches = s.putArray("Branches");
        for (int b = 0; b < 2; b++) {
          ObjectNode branch = branches.addObject();
          branch.put("StartAt", "Branch" + i + "_" + b);
          branch.putObject("States").putObject("Branch" + i + "_" + b).put("Type", "Pass").put("End", true);
        }
      }
      default -> throw new AssertionError(this);
    }
    s.put("Next", next);
    return s;
  }

  /**
   * An input of about {@code bytes} bytes: a counter, ten small items for Map states, and a list
   * of records that pads the payload to the size asked for.
   */
  static JsonNode input(int bytes) {
    ObjectNode input = Json.MAPPER.createObjectNode();
    input.put("counter", 1);
    ArrayNode items = input.putArray("items");
    for (int i = 0; i < 10; i++) {
      items.addObject().put("id", i);
    }
    ArrayNode records = input.putArray("records");
    int i = 0;
    while (Json.byteSize(input) < bytes) {
      records.addObject().put("id", "r-" + i).put("amount", i * 7 % 1000).put("note", "padding record " + i);
      i++;
    }
    return input;
  }

  /** The two query languages of ASL, with their names in definitions. */
  public enum QueryLanguage {
    /** JSONPath (the default). */
    JSONPATH("JSONPath"),
    /** JSONata. */
    JSONATA("JSONata");

    final String aslName;

    QueryLanguage(String aslName) {
      this.aslName = aslName;
    }
  }
}
