package dev.statelab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.history.HistoryEvent;
import dev.statelab.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/** Small helpers shared by the engine's behaviour tests: pinned worlds, runs and history reads. */
final class EngineTesting {

  /** Every test world starts at this instant, so history timestamps can be asserted exactly. */
  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  /** The ARN prefix of the in-JVM functions a world answers. */
  static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:";

  private EngineTesting() {}

  /** A virtual-clock world with seed 7 starting at {@link #START}. */
  static World newWorld() {
    return newWorld(7);
  }

  /** A virtual-clock world with the given seed starting at {@link #START}. */
  static World newWorld(long seed) {
    return World.newInstance(WorldOptions.newBuilder().seed(seed).startTime(START).build());
  }

  static JsonNode json(String text) {
    return Json.parse(text);
  }

  /** Parses a definition, runs it to the end on the world and returns the execution. */
  static Execution run(World world, String definition, String input) {
    return world.run(StateMachine.parse(definition), json(input));
  }

  /** The event types of the history, in order. */
  static List<String> types(Execution execution) {
    return execution.history().stream().map(HistoryEvent::type).toList();
  }

  /** Every event of a type, in order. */
  static List<HistoryEvent> events(Execution execution, String type) {
    return execution.history().stream().filter(e -> e.type().equals(type)).toList();
  }

  /** The first event of a type; fails when there is none. */
  static HistoryEvent first(Execution execution, String type) {
    return execution.history().stream()
        .filter(e -> e.type().equals(type))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " event in " + types(execution)));
  }

  /** The last event of a type; fails when there is none. */
  static HistoryEvent last(Execution execution, String type) {
    List<HistoryEvent> all = events(execution, type);
    if (all.isEmpty()) {
      throw new AssertionError("no " + type + " event in " + types(execution));
    }
    return all.get(all.size() - 1);
  }

  /** The StateEntered event of a named state (its first visit). */
  static HistoryEvent entered(Execution execution, String stateName) {
    return execution.history().stream()
        .filter(e -> e.type().endsWith("StateEntered") && stateName.equals(e.stateName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("state " + stateName + " was never entered: " + types(execution)));
  }

  /** The StateExited event of a named state (its first visit). */
  static HistoryEvent exited(Execution execution, String stateName) {
    return execution.history().stream()
        .filter(e -> e.type().endsWith("StateExited") && stateName.equals(e.stateName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("state " + stateName + " never exited: " + types(execution)));
  }

  /** How long after {@link #START} an event happened, on the world clock. */
  static Duration at(HistoryEvent event) {
    return Duration.between(START, event.timestamp());
  }

  /** The gaps between consecutive events of a type, on the world clock. */
  static List<Duration> gapsBetween(Execution execution, String type) {
    List<HistoryEvent> all = events(execution, type);
    return IntStream.range(1, all.size())
        .mapToObj(i -> Duration.between(all.get(i - 1).timestamp(), all.get(i).timestamp()))
        .toList();
  }
}
