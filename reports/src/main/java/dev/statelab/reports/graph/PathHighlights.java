package dev.statelab.reports.graph;

import java.util.Map;
import java.util.Set;

/**
 * What one run did on a state machine's graph, for drawing.
 *
 * @param visited the states entered at least once
 * @param retries per state, how many attempts were retried (attempts minus entries)
 * @param caught the states whose failure a Catch handled
 * @param failed the states that ended with an error that was not caught
 * @param transitions the edges taken, as {@code from -> to} ({@code Start}, {@code End} for the ends)
 */
public record PathHighlights(
    Set<String> visited, Map<String, Integer> retries, Set<String> caught, Set<String> failed, Set<String> transitions) {

  /** Nothing highlighted. */
  public static PathHighlights none() {
    return new PathHighlights(Set.of(), Map.of(), Set.of(), Set.of(), Set.of());
  }

  /** The key of an edge in {@link #transitions}. */
  public static String edge(String from, String to) {
    return from + " -> " + to;
  }
}
