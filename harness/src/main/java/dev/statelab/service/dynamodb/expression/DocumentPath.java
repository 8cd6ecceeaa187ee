package dev.statelab.service.dynamodb.expression;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A document path after placeholder substitution: top-level name, then map keys and list indexes.
 *
 * @param steps the steps; the first is always a {@link Key}
 */
record DocumentPath(List<Step> steps) {

  DocumentPath {
    steps = List.copyOf(steps);
  }

  /** One step of a path. */
  sealed interface Step permits Key, Index {}

  /** A map key (or the top-level attribute name). */
  record Key(String name) implements Step {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A list index. */
  record Index(int index) implements Step {
    @Override
    public String toString() {
      return "[" + index + "]";
    }
  }

  /** The top-level attribute name. */
  String topName() {
    return ((Key) steps.get(0)).name();
  }

  /** The last step. */
  Step last() {
    return steps.get(steps.size() - 1);
  }

  /** The path without its last step. */
  DocumentPath parent() {
    return new DocumentPath(steps.subList(0, steps.size() - 1));
  }

  /** Whether one path is a prefix of (or equal to) the other. */
  boolean overlaps(DocumentPath other) {
    int n = Math.min(steps.size(), other.steps.size());
    return steps.subList(0, n).equals(other.steps.subList(0, n));
  }

  /**
   * Whether the paths agree up to a step where one has a map key and the other a list index
   * ({@code a.b} and {@code a[0]}), so they cannot both be valid.
   */
  boolean conflicts(DocumentPath other) {
    int n = Math.min(steps.size(), other.steps.size());
    for (int i = 0; i < n; i++) {
      Step mine = steps.get(i);
      Step theirs = other.steps.get(i);
      if (mine.getClass() != theirs.getClass()) {
        return true;
      }
      if (!mine.equals(theirs)) {
        return false;
      }
    }
    return false;
  }

  /** The path as AWS prints it in overlap errors: {@code [a, b, [0]]}. */
  @Override
  public String toString() {
    return steps.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
  }
}
