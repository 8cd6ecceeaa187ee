package dev.statelab.asl.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.query.Randomness;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One evaluation of a template: the bindings, the instant {@code $now()} reports, and the JSONata
 * values converted from the bindings, shared by the template's expressions.
 *
 * <p>The functions Step Functions adds find the scope of the evaluation running on their thread
 * through {@link #current()}; dashjoin evaluates an expression on the calling thread.
 */
final class EvaluationScope {

  private static final ThreadLocal<EvaluationScope> CURRENT = new ThreadLocal<>();
  private static final Object ABSENT = new Object();

  private final JsonataBindings bindings;
  private long nowMillis = -1;
  private final Set<String> statesFields;
  private final boolean wholeStates;
  private Map<String, Object> states;
  private final Map<String, Object> variables = new HashMap<>();

  /**
   * Creates a scope.
   *
   * @param statesFields the {@code $states} fields the template reads
   * @param wholeStates whether the template reads {@code $states} as a whole
   */
  EvaluationScope(JsonataBindings bindings, Set<String> statesFields, boolean wholeStates) {
    this.bindings = bindings;
    this.statesFields = statesFields;
    this.wholeStates = wholeStates;
  }

  /** The scope of the evaluation running on this thread, or null outside one. */
  static EvaluationScope current() {
    return CURRENT.get();
  }

  /** Makes this the thread's current scope and returns the one it replaces. */
  EvaluationScope enter() {
    EvaluationScope previous = CURRENT.get();
    CURRENT.set(this);
    return previous;
  }

  /** Restores the scope that {@link #enter()} replaced. */
  static void exit(EvaluationScope previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  /** The instant {@code $now()} and {@code $millis()} report, fixed for the whole evaluation. */
  long nowMillis() {
    if (nowMillis < 0) {
      nowMillis = bindings.now().toEpochMilli();
    }
    return nowMillis;
  }

  /** The world's random source. */
  Randomness random() {
    return bindings.random();
  }

  /** The {@code $states} object as JSONata sees it, holding only the fields the template reads. */
  Map<String, Object> states() {
    if (states == null) {
      Map<String, Object> map = new LinkedHashMap<>();
      JsonNode node = bindings.states();
      if (node != null && node.isObject()) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          if (wholeStates || statesFields.contains(field.getKey())) {
            map.put(field.getKey(), JsonConversion.toJsonata(field.getValue()));
          }
        }
      }
      states = map;
    }
    return states;
  }

  /** A workflow variable as JSONata sees it, or null when it is not defined. */
  Object variable(String name) {
    Object value = variables.get(name);
    if (value == null) {
      JsonNode node = bindings.variable(name);
      value = node == null ? ABSENT : JsonConversion.toJsonata(node);
      variables.put(name, value);
    }
    return value == ABSENT ? null : value;
  }
}
