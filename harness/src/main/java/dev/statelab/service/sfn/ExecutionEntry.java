package dev.statelab.service.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.history.HistoryEvent;
import java.time.Instant;
import java.util.List;

/**
 * A Standard execution as the API reports it: the engine's execution plus what the API adds
 * (version, alias, the revision it ran). A redrive resumes the same engine execution, whose
 * history then carries {@code ExecutionRedriven}.
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
  private final Execution execution;

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
    this.execution = execution;
  }

  Execution first() {
    return execution;
  }

  Execution current() {
    return execution;
  }

  ExecutionStatus status() {
    return current().status();
  }

  Instant startDate() {
    return first().startDate();
  }

  int redriveCount() {
    return current().redriveCount();
  }

  Instant redriveDate() {
    return current().redriveDate();
  }

  /** The execution's history, redrives included. */
  List<HistoryEvent> history() {
    return execution.history();
  }
}
