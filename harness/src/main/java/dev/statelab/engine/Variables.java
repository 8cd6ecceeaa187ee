package dev.statelab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Workflow variables in nested scopes: an execution's top level, each Parallel branch and each
 * Map iteration. Inner scopes read outer ones but never assign them: an assignment always lands
 * in the scope that makes it, and disappears with it.
 */
final class Variables {

  private final Variables parent;
  private final Map<String, JsonNode> values = new HashMap<>();

  private Variables(Variables parent) {
    this.parent = parent;
  }

  static Variables root() {
    return new Variables(null);
  }

  Variables child() {
    return new Variables(this);
  }

  JsonNode get(String name) {
    for (Variables v = this; v != null; v = v.parent) {
      JsonNode value = v.values.get(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  void set(String name, JsonNode value) {
    values.put(name, value);
  }
}
