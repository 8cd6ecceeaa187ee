package dev.statelab.asl.model;

/**
 * Where a state goes when it succeeds: to {@code next}, or nowhere when it ends its graph.
 *
 * @param next the next state's name, or null when {@code end}
 * @param end true when the state ends its graph
 */
public record Transition(String next, boolean end) {

  /** A transition to the named state. */
  public static Transition to(String next) {
    return new Transition(next, false);
  }

  /** The end of the graph. */
  public static final Transition END = new Transition(null, true);
}
