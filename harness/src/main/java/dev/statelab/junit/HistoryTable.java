package dev.statelab.junit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.Execution;
import dev.statelab.history.HistoryEvent;
import java.time.Duration;
import java.util.List;

/**
 * Renders an execution's history as a compact table: one line per event with its id, the world
 * time since the start, the type, the state and the error or cause when there is one.
 *
 * <pre>
 * Execution order-1 (FAILED: Payment.Declined), 7 events, 3 transitions, 2.000s
 *   id  +time     type                      state    detail
 *    1  0.000s    ExecutionStarted
 *    2  0.000s    TaskStateEntered          Charge
 * </pre>
 */
public final class HistoryTable {

  private static final int DETAIL_WIDTH = 100;

  private HistoryTable() {}

  /** The table for one execution. */
  public static String render(Execution execution) {
    List<HistoryEvent> events = execution.history();
    long start = events.isEmpty() ? 0 : events.get(0).timestampMillis();
    long end = events.isEmpty() ? 0 : events.get(events.size() - 1).timestampMillis();
    StringBuilder out = new StringBuilder();
    out.append("Execution ").append(execution.name()).append(" (").append(execution.status());
    if (execution.error() != null) {
      out.append(": ").append(execution.error());
    }
    out.append("), ").append(events.size()).append(" events, ").append(execution.transitions())
        .append(" transitions, ").append(seconds(end - start)).append('\n');
    out.append(String.format("  %4s  %-10s  %-34s  %-20s  %s%n", "id", "+time", "type", "state", "detail"));
    for (HistoryEvent e : events) {
      out.append(String.format("  %4d  %-10s  %-34s  %-20s  %s", e.id(), seconds(e.timestampMillis() - start),
          e.type(), e.stateName() == null ? "" : e.stateName(), detail(e)).stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** The tables for several executions, separated by blank lines. */
  public static String render(List<Execution> executions) {
    StringBuilder out = new StringBuilder();
    for (Execution e : executions) {
      out.append(render(e)).append('\n');
    }
    return out.toString();
  }

  private static String seconds(long millis) {
    Duration d = Duration.ofMillis(millis);
    return String.format("%d.%03ds", d.getSeconds(), d.toMillisPart());
  }

  private static String detail(HistoryEvent e) {
    JsonNode d = e.details();
    if (d == null) {
      return "";
    }
    StringBuilder s = new StringBuilder();
    if (d.hasNonNull("error")) {
      s.append(d.get("error").asText());
    }
    if (d.hasNonNull("cause")) {
      s.append(s.length() > 0 ? ": " : "").append(d.get("cause").asText());
    }
    if (s.length() == 0 && d.hasNonNull("resource")) {
      s.append(d.has("resourceType") ? d.get("resourceType").asText() + ":" : "").append(d.get("resource").asText());
    }
    String text = s.toString().replace('\n', ' ');
    return text.length() > DETAIL_WIDTH ? text.substring(0, DETAIL_WIDTH - 3) + "..." : text;
  }
}
