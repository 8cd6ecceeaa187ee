package dev.statelab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.asl.errors.ErrorNames;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.json.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One execution: its identity, status, history and the root {@link Frame}. Mutated only on the
 * world's thread; read from anywhere.
 */
final class Run extends ExecutionRecord {

  /** Step Functions' history quota for Standard workflows. */
  static final int MAX_HISTORY_EVENTS = 25_000;

  /** The longest a Standard execution may run: one year. */
  static final long MAX_STANDARD_MILLIS = 365L * 24 * 3600 * 1000;

  /** The longest an Express execution may run: five minutes. */
  static final long MAX_EXPRESS_MILLIS = 300_000L;

  /** Step Functions' payload quota, bytes. */
  static final int MAX_PAYLOAD_BYTES = 262_144;

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  final DefaultWorld world;
  final EventLoop loop;
  private final String stateMachineName;
  private final String roleArn;
  private final ObjectNode executionContext;
  private final ObjectNode stateMachineContext;
  private final JsonNode contextOverrides;
  private volatile int redriveCount;
  private volatile long redriveMillis = -1;

  private long transitions;
  private EventLoop.Timer timeout;
  private Frame root;

  Run(DefaultWorld world, StateMachine machine, ExecutionRequest request, String name, String arn,
      String stateMachineArn, String stateMachineName) {
    super(arn, name, stateMachineArn, request.type(), machine, request.input(), world.loop().now());
    this.world = world;
    this.loop = world.loop();
    this.stateMachineName = stateMachineName;
    this.roleArn = request.roleArn() != null
        ? request.roleArn()
        : "arn:aws:iam::" + world.options().accountId() + ":role/StateLabExecutionRole";
    this.executionContext = Json.object();
    executionContext.put("Id", arn);
    executionContext.set("Input", request.input());
    executionContext.put("StartTime", isoMillis(startDate().toEpochMilli()));
    executionContext.put("Name", name);
    executionContext.put("RoleArn", roleArn);
    executionContext.put("RedriveCount", 0);
    this.contextOverrides = request.contextOverrides();
    this.stateMachineContext = Json.object();
    stateMachineContext.put("Id", stateMachineArn);
    stateMachineContext.put("Name", stateMachineName);
  }

  /** Formats a world time as AWS writes times in the context object. */
  static String isoMillis(long millis) {
    return ISO_MILLIS.format(Instant.ofEpochMilli(millis));
  }

  void begin() {
    ObjectNode details = Json.object();
    details.set("input", input());
    details.set("inputDetails", truncatedFalse());
    details.put("roleArn", roleArn);
    emit("ExecutionStarted", details, 0);
    world.started(this);
    armTimeout();
    root = new Frame(this, stateMachine().graph(), Variables.root(), null, new Frame.Listener() {
      @Override
      public void succeeded(Frame frame, JsonNode result) {
        succeed(result, frame.lastEventId());
      }

      @Override
      public void failed(Frame frame, StatesError err) {
        fail(err, frame.lastEventId());
      }
    });
    root.start(stateMachine().startAt(), input());
  }

  private static final ObjectNode TRUNCATED_FALSE = Json.object().put("truncated", false);

  /** {@code {"truncated": false}}: one shared node; history details are never modified. */
  private void armTimeout() {
    Integer seconds = stateMachine().timeoutSeconds();
    long limit = seconds == null ? Long.MAX_VALUE : seconds * 1000L;
    limit = Math.min(limit, type() == ExecutionType.EXPRESS ? MAX_EXPRESS_MILLIS : MAX_STANDARD_MILLIS);
    timeout = loop.deadline(loop.now() + limit, this::timedOut);
  }

  /** Resumes a failed, timed-out or aborted execution where it stopped (see World#redrive). */
  Instant redrive() {
    if (status() == ExecutionStatus.RUNNING || status() == ExecutionStatus.SUCCEEDED) {
      throw new IllegalStateException("Execution is " + status().name() + " and cannot be redriven");
    }
    if (type() == ExecutionType.EXPRESS) {
      throw new IllegalStateException("Express executions cannot be redriven");
    }
    if (root == null || !root.canResume()) {
      throw new IllegalStateException("Execution failed before entering its first state");
    }
    if (historySize() >= MAX_HISTORY_EVENTS - 1) {
      throw new IllegalStateException("Execution history is at its limit of " + MAX_HISTORY_EVENTS + " events");
    }
    redriveCount++;
    redriveMillis = loop.now();
    executionContext.put("RedriveCount", redriveCount);
    executionContext.put("RedriveTime", isoMillis(redriveMillis));
    reopen();
    ObjectNode details = Json.object();
    details.put("redriveCount", redriveCount);
    emit("ExecutionRedriven", details, historySize());
    armTimeout();
    root.resume(historySize());
    return Instant.ofEpochMilli(redriveMillis);
  }

  @Override
  public int redriveCount() {
    return redriveCount;
  }

  @Override
  public Instant redriveDate() {
    long at = redriveMillis;
    return at < 0 ? null : Instant.ofEpochMilli(at);
  }

  static ObjectNode truncatedFalse() {
    return TRUNCATED_FALSE;
  }

  /**
   * Appends an event and returns its id. Nothing is recorded once the execution has ended. A
   * Standard execution has room for 25,000 events: when the last one would be anything but
   * ExecutionSucceeded, ExecutionFailed takes its place.
   */
  long emit(String eventType, ObjectNode details, long previousEventId) {
    boolean terminal = TERMINAL_EVENTS.contains(eventType);
    if (status() != ExecutionStatus.RUNNING && !terminal) {
      return historySize();
    }
    if (type() == ExecutionType.STANDARD && historySize() == MAX_HISTORY_EVENTS - 1
        && !eventType.equals("ExecutionSucceeded") && !terminal) {
      fail(
          new StatesError(
              ErrorNames.RUNTIME,
              "The execution reached the maximum number of history events (" + MAX_HISTORY_EVENTS + ")."),
          historySize());
      return historySize();
    }
    return append(eventType, details, previousEventId, loop.now());
  }


  private static final java.util.Set<String> TERMINAL_EVENTS =
      java.util.Set.of("ExecutionSucceeded", "ExecutionFailed", "ExecutionTimedOut", "ExecutionAborted");

  boolean isRunning() {
    return status() == ExecutionStatus.RUNNING;
  }

  void countTransition() {
    transitions++;
  }

  ObjectNode executionContext() {
    return executionContext;
  }

  ObjectNode stateMachineContext() {
    return stateMachineContext;
  }

  /** Members to merge over every context object of this execution, or null. */
  JsonNode contextOverrides() {
    return contextOverrides;
  }

  private void succeed(JsonNode result, long previous) {
    if (!isRunning()) {
      return;
    }
    ObjectNode details = Json.object();
    details.set("output", result);
    details.set("outputDetails", truncatedFalse());
    emit("ExecutionSucceeded", details, previous);
    finish(ExecutionStatus.SUCCEEDED, result, null, null);
  }

  /** Fails the whole execution with an error (ExecutionFailed). */
  void fail(StatesError err, long previous) {
    if (!isRunning()) {
      return;
    }
    ObjectNode details = Json.object();
    if (err.error() != null) {
      details.put("error", err.error());
    }
    if (err.cause() != null) {
      details.put("cause", err.cause());
    }
    emit("ExecutionFailed", details, previous);
    finish(ExecutionStatus.FAILED, null, err.error(), err.cause());
  }

  private void timedOut() {
    if (!isRunning()) {
      return;
    }
    ObjectNode details = Json.object();
    details.put("error", ErrorNames.TIMEOUT);
    details.put("cause", "The execution timed out.");
    emit("ExecutionTimedOut", details, historySize());
    finish(ExecutionStatus.TIMED_OUT, null, ErrorNames.TIMEOUT, "The execution timed out.");
  }

  void abort(String abortError, String abortCause) {
    if (!isRunning()) {
      return;
    }
    ObjectNode details = Json.object();
    if (abortError != null) {
      details.put("error", abortError);
    }
    if (abortCause != null) {
      details.put("cause", abortCause);
    }
    emit("ExecutionAborted", details, historySize());
    finish(ExecutionStatus.ABORTED, null, abortError, abortCause);
  }

  private void finish(ExecutionStatus newStatus, JsonNode result, String err, String errCause) {
    recordEnd(newStatus, result, err, errCause, loop.now());
    if (timeout != null) {
      timeout.cancel();
    }
    if (root != null) {
      root.close();
    }
    world.finished(this);
  }

  String stateMachineName() {
    return stateMachineName;
  }

  @Override
  public long transitions() {
    return transitions;
  }

  @Override
  public String toString() {
    return "Execution[" + name() + ", " + status() + "]";
  }
}
