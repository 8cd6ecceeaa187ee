package dev.statelab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Workflow variables in nested scopes: an execution's top level, each Parallel branch and each
 * Map iteration. Inner scopes read outer ones; assignments land in the scope that holds the name,
 * else in the innermost.
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
    for (Variables v = this; v != null; v = v.parent) {
      if (v.values.containsKey(name)) {
        v.values.put(name, value);
        return;
      }
    }
    values.put(name, value);
  }
}
