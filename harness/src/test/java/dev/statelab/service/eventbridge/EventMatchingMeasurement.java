package dev.statelab.service.eventbridge;

import static dev.statelab.service.eventbridge.EventBridgeTesting.entry;
import static dev.statelab.service.eventbridge.EventBridgeTesting.obj;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.World;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures in-process PutEvents throughput with no rules and with 100 rules (numeric and prefix patterns, no
 * targets) on the default bus. Not part of the suite (the name does not end in Tests): run
 * {@code ./mvnw -B -o -q -pl harness test -Dtest=EventMatchingMeasurement}.
 */
class EventMatchingMeasurement {

  @Test
  void putEventsThroughputWithAHundredRules() {
    for (int round = 0; round < 2; round++) {
      measure(0);
      measure(100);
    }
  }

  private static void measure(int ruleCount) {
    try (World world = EventBridgeTesting.world()) {
      EventBridgeStore events = EventBridgeStore.of(world);
      for (int i = 0; i < ruleCount; i++) {
        events.putRule(obj("Name", "r" + i, "EventPattern", i % 2 == 0
            ? "{\"detail\":{\"amount\":[{\"numeric\":[\">\"," + (i * 10) + "]}]}}"
            : "{\"source\":[{\"prefix\":\"shop-" + i + "\"}]}"));
      }
      List<JsonNode> entries = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        entries.add(entry("{\"amount\":" + (i * 100) + ",\"customer\":\"c" + i + "\"}"));
      }
      JsonNode request = EventBridgeTesting.events(entries.toArray(JsonNode[]::new));
      for (int warm = 0; warm < 500; warm++) {
        events.putEvents(request);
      }
      int calls = 3000;
      long start = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        events.putEvents(request);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("PutEvents, " + ruleCount + " rules: %d events in %.2f s = %.0f events/s (%.1f us/event)%n",
          calls * 10, seconds, calls * 10 / seconds, seconds * 1e6 / (calls * 10));
    }
  }
}
