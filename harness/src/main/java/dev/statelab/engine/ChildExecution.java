package dev.statelab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.history.HistoryEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A child workflow execution of a distributed Map: it runs on the parent's event loop, but its
 * history is its own, as in AWS, where the parent shows only Map Run events.
 */
final class ChildExecution {

  private final String mapRunArn;
  private final int index;
  private final JsonNode input;
  private final List<HistoryEvent> history = new ArrayList<>();

  ChildExecution(String mapRunArn, int index, JsonNode input) {
    this.mapRunArn = mapRunArn;
    this.index = index;
    this.input = input;
  }

  long emit(String type, ObjectNode details, long previous, long nowMillis) {
    long id = history.size() + 1L;
    history.add(new HistoryEvent(id, previous, nowMillis, type, details));
    return id;
  }

  String mapRunArn() {
    return mapRunArn;
  }

  int index() {
    return index;
  }

  JsonNode input() {
    return input;
  }

  List<HistoryEvent> history() {
    return List.copyOf(history);
  }
}
