package dev.statelab.reports.view;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.reports.data.ExecutionData;
import dev.statelab.reports.data.ExecutionData.Event;
import dev.statelab.reports.graph.PathHighlights;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a run's history against its definition: which states ran when, which were retried,
 * which errors were caught, which edges were taken.
 */
public final class RunAnalysis {

  private final ExecutionData run;
  private final Map<Long, Event> byId = new HashMap<>();
  private final Map<String, JsonNode> statesByName = new LinkedHashMap<>();

  /**
   * One state's time on the clock.
   *
   * @param state the state name
   * @param type the state's Type
   * @param startMs when it was entered, ms after the execution started
   * @param endMs when it exited (or the run stopped), ms after the execution started
   * @param outcome ok, retried, caught or failed
   * @param attempts task attempts made in this entry (0 for states that call nothing)
   */
  public record Bar(String state, String type, long startMs, long endMs, String outcome, int attempts) {}

  /** Analyses one run. */
  public RunAnalysis(ExecutionData run) {
    this.run = run;
    run.events().forEach(e -> byId.put(e.id(), e));
    collectStates(run.definition());
  }

  private void collectStates(JsonNode scope) {
    JsonNode states = scope.path("States");
    for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      statesByName.put(e.getKey(), e.getValue());
      e.getValue().path("Branches").forEach(this::collectStates);
      collectStates(e.getValue().path("ItemProcessor"));
      collectStates(e.getValue().path("Iterator"));
    }
  }

  /** True for the events that start one attempt of a task. */
  static boolean isAttempt(String type) {
    return type.endsWith("Scheduled") && !type.startsWith("MapRun");
  }

  /** True for the events that end an attempt or a state with an error. */
  static boolean isFailure(String type) {
    return !type.startsWith("Execution") && !type.startsWith("MapRun")
        && (type.endsWith("Failed") || type.endsWith("TimedOut") || type.endsWith("Aborted"));
  }

  /**
   * The state whose entry an event belongs to: the StateEntered reached through previousEventId
   * (for Parallel and Map events, the ParallelStateEntered or MapStateEntered), or null.
   */
  String owner(Event event) {
    String type = event.type();
    String compound = type.startsWith("ParallelState") ? "ParallelStateEntered"
        : type.startsWith("MapState") ? "MapStateEntered" : null;
    Event e = event;
    for (int guard = 0; e != null && guard < 100_000; guard++) {
      if (compound != null ? e.type().equals(compound) : e.type().endsWith("StateEntered")) {
        return e.stateName();
      }
      if (compound == null && e != event && e.type().endsWith("StateExited")) {
        return null;
      }
      e = byId.get(e.previousEventId());
    }
    return null;
  }

  /** The states' bars on the virtual clock, in order of entry. */
  public List<Bar> bars() {
    long t0 = run.startDate() == null ? 0 : run.startDate().toEpochMilli();
    long stop = run.stopDate() == null ? t0 : run.stopDate().toEpochMilli();
    Map<String, Deque<Event>> open = new HashMap<>();
    Map<Long, Integer> attempts = new HashMap<>();
    Map<Long, Boolean> lastFailed = new HashMap<>();
    Map<String, Event> lastEntry = new HashMap<>();
    List<long[]> spans = new ArrayList<>();
    List<Event> enteredOrder = new ArrayList<>();
    Map<Long, Event> exits = new HashMap<>();
    for (Event e : run.events()) {
      String type = e.type();
      if (type.endsWith("StateEntered")) {
        open.computeIfAbsent(e.stateName(), k -> new ArrayDeque<>()).add(e);
        lastEntry.put(e.stateName(), e);
        enteredOrder.add(e);
      } else if (type.endsWith("StateExited")) {
        Deque<Event> q = open.get(e.stateName());
        if (q != null && !q.isEmpty()) {
          exits.put(q.poll().id(), e);
        }
      } else {
        String owner = owner(e);
        Event entry = owner == null ? null : lastEntry.get(owner);
        if (entry != null) {
          if (isAttempt(type)) {
            attempts.merge(entry.id(), 1, Integer::sum);
          }
          if (isFailure(type)) {
            lastFailed.put(entry.id(), true);
          } else if (type.endsWith("Succeeded")) {
            lastFailed.put(entry.id(), false);
          }
        }
      }
    }
    List<Bar> bars = new ArrayList<>();
    for (Event entered : enteredOrder) {
      Event exited = exits.get(entered.id());
      int n = attempts.getOrDefault(entered.id(), 0);
      boolean failedLast = lastFailed.getOrDefault(entered.id(), false);
      String outcome = exited == null ? (run.status().equals("SUCCEEDED") ? "ok" : "failed")
          : failedLast ? "caught" : n > 1 ? "retried" : "ok";
      long end = exited == null ? stop : exited.timestamp().toEpochMilli();
      bars.add(new Bar(entered.stateName(), type(entered.stateName()), entered.timestamp().toEpochMilli() - t0,
          end - t0, outcome, n));
    }
    bars.sort(Comparator.comparingLong(Bar::startMs));
    return bars;
  }

  private String type(String state) {
    JsonNode s = statesByName.get(state);
    return s == null ? "" : s.path("Type").asText();
  }

  /** What the graph should highlight. */
  public PathHighlights highlights() {
    Set<String> visited = new LinkedHashSet<>();
    Map<String, Integer> retries = new LinkedHashMap<>();
    Set<String> caught = new LinkedHashSet<>();
    Set<String> failed = new LinkedHashSet<>();
    for (Bar bar : bars()) {
      visited.add(bar.state());
      if (bar.attempts() > 1) {
        retries.merge(bar.state(), bar.attempts() - 1, Integer::sum);
      }
      if (bar.outcome().equals("caught")) {
        caught.add(bar.state());
      } else if (bar.outcome().equals("failed")) {
        failed.add(bar.state());
      }
    }
    Set<String> transitions = new LinkedHashSet<>();
    for (Event e : run.events()) {
      if (e.type().endsWith("StateEntered")) {
        Event prev = byId.get(e.previousEventId());
        if (prev != null && prev.type().endsWith("StateExited")) {
          transitions.add(PathHighlights.edge(prev.stateName(), e.stateName()));
        } else if (prev == null || prev.type().equals("ExecutionStarted")) {
          transitions.add(PathHighlights.edge("Start", e.stateName()));
        }
      } else if (e.type().equals("ExecutionSucceeded") || e.type().equals("ExecutionFailed")) {
        Event prev = byId.get(e.previousEventId());
        if (prev != null && (prev.type().endsWith("StateExited") || prev.type().equals("FailStateEntered"))) {
          transitions.add(PathHighlights.edge(prev.stateName(), "End"));
        }
      }
    }
    if (!visited.isEmpty()) {
      visited.add("Start");
      if (run.status().equals("SUCCEEDED") || transitions.stream().anyMatch(t -> t.endsWith(" -> End"))) {
        visited.add("End");
      }
    }
    return new PathHighlights(visited, retries, caught, failed, transitions);
  }
}
