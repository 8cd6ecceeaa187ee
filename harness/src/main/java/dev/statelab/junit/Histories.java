package dev.statelab.junit;

import dev.statelab.history.HistoryEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an execution's history the way the assertions need it: which state an event belongs to
 * (by following {@code previousEventId} back to a {@code *StateEntered} event) and the attempts a
 * Task state made.
 */
final class Histories {

  /**
   * One attempt of a Task state.
   *
   * @param scheduled its {@code *Scheduled} event
   * @param failure the event that failed it ({@code *Failed}, {@code *TimedOut}), or null
   */
  record Attempt(HistoryEvent scheduled, HistoryEvent failure) {}

  private final List<HistoryEvent> events;
  private final Map<Long, HistoryEvent> byId = new HashMap<>();

  Histories(List<HistoryEvent> events) {
    this.events = events;
    events.forEach(e -> byId.put(e.id(), e));
  }

  /** The names of the states entered, in order. */
  List<String> entered() {
    return WorldClockControl.enteredNames(events);
  }

  /** The state an event belongs to, or null. */
  String stateOf(HistoryEvent event) {
    HistoryEvent e = event;
    int guard = events.size() + 1;
    while (e != null && guard-- > 0) {
      if (e.type().endsWith("StateEntered")) {
        return e.stateName();
      }
      e = byId.get(e.previousEventId());
    }
    return null;
  }

  private boolean follows(HistoryEvent event, long ancestorId) {
    HistoryEvent e = event;
    int guard = events.size() + 1;
    while (e != null && guard-- > 0) {
      if (e.id() == ancestorId) {
        return true;
      }
      e = byId.get(e.previousEventId());
    }
    return false;
  }

  /** The attempts the named state made, in order. */
  List<Attempt> attempts(String state) {
    List<Attempt> attempts = new ArrayList<>();
    for (HistoryEvent e : events) {
      if (e.type().endsWith("Scheduled") && state.equals(stateOf(e))) {
        attempts.add(new Attempt(e, failureAfter(e)));
      }
    }
    return attempts;
  }

  private HistoryEvent failureAfter(HistoryEvent scheduled) {
    for (HistoryEvent e : events) {
      if (e.id() > scheduled.id() && isFailure(e) && follows(e, scheduled.id())) {
        return e;
      }
    }
    return null;
  }

  static boolean isFailure(HistoryEvent e) {
    String t = e.type();
    return !t.startsWith("Execution") && (t.endsWith("Failed") || t.endsWith("TimedOut"));
  }

  /** The named state's last exit, if it exited. */
  Optional<HistoryEvent> lastExit(String state) {
    HistoryEvent last = null;
    for (HistoryEvent e : events) {
      if (e.type().endsWith("StateExited") && state.equals(e.stateName())) {
        last = e;
      }
    }
    return Optional.ofNullable(last);
  }

  /** The state entered right after an event, if any. */
  Optional<HistoryEvent> enteredAfter(HistoryEvent event) {
    return events.stream()
        .filter(e -> e.previousEventId() == event.id() && e.type().endsWith("StateEntered"))
        .findFirst();
  }
}
