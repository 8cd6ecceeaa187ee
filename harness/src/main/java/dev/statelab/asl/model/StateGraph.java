package dev.statelab.asl.model;

import java.util.Map;

/**
 * A set of states with a start state: the whole machine, a Parallel branch or a Map processor.
 *
 * @param startAt the first state's name
 * @param states the states by name, in definition order
 * @param location the graph's JSON Pointer in the definition ("" for the top level)
 */
public record StateGraph(String startAt, Map<String, State> states, String location) {

  /** The state of that name, or null. */
  public State state(String name) {
    return states.get(name);
  }

  /** The start state. */
  public State start() {
    return states.get(startAt);
  }
}
