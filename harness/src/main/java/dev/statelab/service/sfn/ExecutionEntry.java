package dev.statelab.service.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.history.HistoryEvent;
import dev.statelab.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A Standard execution as the API reports it: the engine's execution plus what the API adds
 * (version, alias, the revision it ran, redrives). A redriven execution is a chain of engine
 * runs under one ARN; its history is their histories joined by an {@code ExecutionRedriven}
 * event.
 */
final class ExecutionEntry {

  final long sequence;
  final String arn;
  final String name;
  final String stateMachineArn;
  final String versionArn;
  final String aliasArn;
  final Revision revision;
  final JsonNode input;
  private volatile List<Attempt> attempts;

  /**
   * One engine run of this execution.
   *
   * @param execution the engine's execution
   * @param redriveDate when the redrive started it, or null for the first run
   * @param redrivenAfterEventId for a redrive, the last event id of the history before it
   * @param skipped how many of the run's first events the joined history leaves out (its
   *     ExecutionStarted, and the redrive router's two events when there is one)
   */
  record Attempt(Execution execution, Instant redriveDate, long redrivenAfterEventId,
      int skipped) {}

  ExecutionEntry(long sequence, Execution execution, String stateMachineArn, String versionArn,
      String aliasArn, Revision revision) {
    this.sequence = sequence;
    this.arn = execution.arn();
    this.name = execution.name();
    this.stateMachineArn = stateMachineArn;
    this.versionArn = versionArn;
    this.aliasArn = aliasArn;
    this.revision = revision;
    this.input = execution.input();
    this.attempts = List.of(new Attempt(execution, null, 0, 0));
  }

  Execution first() {
    return attempts.get(0).execution();
  }

  Execution current() {
    List<Attempt> all = attempts;
    return all.get(all.size() - 1).execution();
  }

  ExecutionStatus status() {
    return current().status();
  }

  Instant startDate() {
    return first().startDate();
  }

  int redriveCount() {
    return attempts.size() - 1;
  }

  Instant redriveDate() {
    List<Attempt> all = attempts;
    return all.get(all.size() - 1).redriveDate();
  }

  /** Adds a redrive run; called on the world's thread. */
  synchronized void addRedrive(Execution execution, Instant date, long afterEventId,
      int skipped) {
    List<Attempt> copy = new ArrayList<>(attempts);
    copy.add(new Attempt(execution, date, afterEventId, skipped));
    attempts = List.copyOf(copy);
  }

  /**
   * The joined history: each redrive appends {@code ExecutionRedriven} and the new run's events
   * after its {@code ExecutionStarted}, renumbered to continue the ids.
   */
  List<HistoryEvent> history() {
    List<Attempt> all = attempts;
    List<HistoryEvent> events = new ArrayList<>(all.get(0).execution().history());
    for (int i = 1; i < all.size(); i++) {
      Attempt attempt = all.get(i);
      // The previous run's events are kept only up to where the redrive took over.
      while (events.size() > attempt.redrivenAfterEventId()) {
        events.remove(events.size() - 1);
      }
      long offset = events.size();
      ObjectNode details = Json.object();
      details.put("redriveCount", i);
      long redrivenId = offset + 1;
      events.add(new HistoryEvent(redrivenId, offset, attempt.redriveDate().toEpochMilli(),
          "ExecutionRedriven", details));
      int skipped = attempt.skipped();
      for (HistoryEvent e : attempt.execution().history()) {
        if (e.id() <= skipped) {
          continue; // its ExecutionStarted (and the router's events)
        }
        long id = e.id() - skipped + redrivenId;
        long previous = e.previousEventId() <= skipped
            ? redrivenId : e.previousEventId() - skipped + redrivenId;
        events.add(new HistoryEvent(id, previous, e.timestampMillis(), e.type(), e.details()));
      }
    }
    return events;
  }
}
