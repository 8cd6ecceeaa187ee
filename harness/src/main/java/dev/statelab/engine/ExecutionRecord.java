package dev.statelab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.history.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What every execution records, top-level or a distributed Map's child: identity, status,
 * outcome and history, readable from any thread while the world's thread changes them.
 */
abstract class ExecutionRecord implements Execution {

  private final String arn;
  private final String name;
  private final String stateMachineArn;
  private final ExecutionType type;
  private final StateMachine machine;
  private final JsonNode input;
  private final long startMillis;
  private final List<HistoryEvent> history = new ArrayList<>();
  private volatile CompletableFuture<Execution> completion = new CompletableFuture<>();
  private volatile ExecutionStatus status = ExecutionStatus.RUNNING;
  private volatile JsonNode output;
  private volatile String error;
  private volatile String cause;
  private volatile long stopMillis = -1;

  ExecutionRecord(String arn, String name, String stateMachineArn, ExecutionType type, StateMachine machine,
      JsonNode input, long startMillis) {
    this.arn = arn;
    this.name = name;
    this.stateMachineArn = stateMachineArn;
    this.type = type;
    this.machine = machine;
    this.input = input;
    this.startMillis = startMillis;
  }

  /** Appends an event with the next id; returns the id. */
  final long append(String eventType, ObjectNode details, long previousEventId, long nowMillis) {
    synchronized (history) {
      long id = history.size() + 1L;
      history.add(new HistoryEvent(id, previousEventId, nowMillis, eventType, details));
      return id;
    }
  }

  /** How many events the history holds. */
  final int historySize() {
    synchronized (history) {
      return history.size();
    }
  }

  /** Records the end: status, outcome, stop time; completes {@link #completion()}. */
  final void recordEnd(ExecutionStatus end, JsonNode result, String err, String errCause, long nowMillis) {
    output = result;
    error = err;
    cause = errCause;
    stopMillis = nowMillis;
    status = end;
    completion.complete(this);
  }

  /** Reopens an ended execution (a redrive): running again, with a fresh completion. */
  final void reopen() {
    output = null;
    error = null;
    cause = null;
    stopMillis = -1;
    completion = new CompletableFuture<>();
    status = ExecutionStatus.RUNNING;
  }

  @Override
  public String arn() {
    return arn;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String stateMachineArn() {
    return stateMachineArn;
  }

  @Override
  public ExecutionType type() {
    return type;
  }

  @Override
  public StateMachine stateMachine() {
    return machine;
  }

  @Override
  public ExecutionStatus status() {
    return status;
  }

  @Override
  public JsonNode input() {
    return input;
  }

  @Override
  public JsonNode output() {
    return output;
  }

  @Override
  public String error() {
    return error;
  }

  @Override
  public String cause() {
    return cause;
  }

  @Override
  public Instant startDate() {
    return Instant.ofEpochMilli(startMillis);
  }

  @Override
  public Instant stopDate() {
    long stop = stopMillis;
    return stop < 0 ? null : Instant.ofEpochMilli(stop);
  }

  @Override
  public int redriveCount() {
    return 0;
  }

  @Override
  public Instant redriveDate() {
    return null;
  }

  @Override
  public List<HistoryEvent> history() {
    synchronized (history) {
      return List.copyOf(history);
    }
  }

  @Override
  public CompletionStage<Execution> completion() {
    return completion;
  }
}
