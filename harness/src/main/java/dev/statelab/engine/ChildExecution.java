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
 * A child workflow execution of a distributed Map: it runs on the parent's event loop, but is an
 * execution of its own, as in AWS, with its own ARN and history (the parent shows only Map Run
 * events). ListExecutions with the Map Run's ARN lists these.
 */
final class ChildExecution implements Execution {

  private final String mapRunArn;
  private final String arn;
  private final String name;
  private final String stateMachineArn;
  private final StateMachine machine;
  private final ExecutionType type;
  private final JsonNode input;
  private final long startMillis;
  private final List<HistoryEvent> history = new ArrayList<>();
  private final CompletableFuture<Execution> completion = new CompletableFuture<>();
  private volatile ExecutionStatus status = ExecutionStatus.RUNNING;
  private volatile JsonNode output;
  private volatile String error;
  private volatile String cause;
  private volatile long stopMillis = -1;

  ChildExecution(String mapRunArn, String arn, String name, String stateMachineArn, StateMachine machine,
      ExecutionType type, JsonNode input, long startMillis) {
    this.mapRunArn = mapRunArn;
    this.arn = arn;
    this.name = name;
    this.stateMachineArn = stateMachineArn;
    this.machine = machine;
    this.type = type;
    this.input = input;
    this.startMillis = startMillis;
  }

  long emit(String eventType, ObjectNode details, long previous, long nowMillis) {
    synchronized (history) {
      long id = history.size() + 1L;
      history.add(new HistoryEvent(id, previous, nowMillis, eventType, details));
      return id;
    }
  }

  void ended(ExecutionStatus end, JsonNode result, String err, String errCause, long nowMillis) {
    output = result;
    error = err;
    cause = errCause;
    stopMillis = nowMillis;
    status = end;
    completion.complete(this);
  }

  /** The Map Run that started it. */
  String mapRunArn() {
    return mapRunArn;
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
  public long transitions() {
    synchronized (history) {
      return history.stream().filter(e -> e.type().endsWith("StateEntered")).count();
    }
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
