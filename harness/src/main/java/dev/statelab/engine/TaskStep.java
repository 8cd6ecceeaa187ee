package dev.statelab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.errors.ErrorNames;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.asl.model.Io;
import dev.statelab.asl.model.State;
import dev.statelab.asl.model.ValueSource;
import dev.statelab.integration.Integration;
import dev.statelab.integration.ResourceArn;
import dev.statelab.integration.TaskRequest;
import dev.statelab.json.Json;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One attempt of a Task state: schedule, start, then succeed, fail or time out. Callback tasks
 * ({@code .waitForTaskToken}) wait for their token after the call returns; heartbeats restart
 * the heartbeat timer.
 */
final class TaskStep {

  /** Step Functions' default TimeoutSeconds for a Task. */
  static final long DEFAULT_TIMEOUT_SECONDS = 99_999_999L;

  private final Frame frame;
  private final State.Task state;
  private final ResourceArn arn;
  private final JsonNode parameters;
  private final Long timeoutSeconds;
  private final Long heartbeatSeconds;
  private final String token;
  private EventLoop.Timer timeout;
  private EventLoop.Timer heartbeat;
  private boolean done;
  private boolean submitted;
  private boolean inFlight;
  private CompletableFuture<JsonNode> pending;
  private boolean callReturned;
  private Runnable earlyCallback;
  private boolean awaitingCallback;

  private TaskStep(Frame frame, State.Task state, ResourceArn arn, JsonNode parameters,
      Long timeoutSeconds, Long heartbeatSeconds, String token) {
    this.frame = frame;
    this.state = state;
    this.arn = arn;
    this.parameters = parameters;
    this.timeoutSeconds = timeoutSeconds;
    this.heartbeatSeconds = heartbeatSeconds;
    this.token = token;
  }

  /** Evaluates the Task's input and timeouts, then makes the first attempt. */
  static void begin(Frame f, State.Task s) {
    attempt(f, s);
  }

  /**
   * Makes another attempt. The input is evaluated again, as AWS does: a retry sees the new
   * {@code $$.State.RetryCount} and, for a callback task, a new task token.
   */
  static void retry(Frame f, State.Task s) {
    attempt(f, s);
  }

  private static void attempt(Frame f, State.Task s) {
    ResourceArn arn = ResourceArn.parse(s.resource());
    String token = null;
    if (arn.pattern() == ResourceArn.Pattern.WAIT_FOR_TASK_TOKEN) {
      token = f.run.world.newTaskToken();
      ObjectNode task = Json.object();
      task.put("Token", token);
      f.addContext("Task", task);
    }
    JsonNode parameters;
    if (s.common().io() instanceof Io.JsonataIo io) {
      parameters = f.jsonata(io.arguments(), f.rawInput, null, null);
    } else {
      parameters = f.effectiveInput((Io.JsonPathIo) s.common().io());
    }
    Long timeout = seconds(f, s.timeoutSeconds(), "TimeoutSeconds");
    Long heartbeat = seconds(f, s.heartbeatSeconds(), "HeartbeatSeconds");
    TaskStep step = new TaskStep(f, s, arn, parameters, timeout, heartbeat, token);
    f.task = step;
    step.attempt();
  }

  private static Long seconds(Frame f, ValueSource source, String field) {
    if (source == null) {
      return null;
    }
    JsonNode value;
    if (source.literal() != null) {
      return source.literal().asLong();
    }
    if (source.expression() != null) {
      value = f.jsonataTyped(source.expression(), "integer",
          n -> n.isNumber() && n.decimalValue().stripTrailingZeros().scale() <= 0 && n.decimalValue().signum() > 0);
      return value.decimalValue().longValue();
    }
    value = States.readPath(f, source, f.rawInput);
    if (!value.isIntegralNumber() || value.asLong() < 1) {
      throw StatesError.runtime(
          "The " + source.pathField() + " field refers to value \"" + (value.isTextual() ? value.asText() : Json.write(value))
              + "\" which is not a valid integer: " + source.path().text());
    }
    return value.asLong();
  }

  private boolean isActivity() {
    return arn.kind() == ResourceArn.Kind.ACTIVITY;
  }

  private boolean isLambdaFunction() {
    return arn.kind() == ResourceArn.Kind.LAMBDA_FUNCTION;
  }

  private ObjectNode resourceDetails() {
    ObjectNode d = Json.object();
    d.put("resourceType", arn.resourceType());
    d.put("resource", arn.resource());
    return d;
  }

  private void attempt() {
    Frame f = frame;
    if (isActivity()) {
      ObjectNode d = Json.object();
      d.put("resource", arn.arn());
      d.set("input", parameters);
      d.set("inputDetails", Run.truncatedFalse());
      if (timeoutSeconds != null) {
        d.put("timeoutInSeconds", timeoutSeconds);
      }
      if (heartbeatSeconds != null) {
        d.put("heartbeatInSeconds", heartbeatSeconds);
      }
      f.emit("ActivityScheduled", d);
    } else if (isLambdaFunction()) {
      ObjectNode d = Json.object();
      d.put("resource", arn.arn());
      d.set("input", parameters);
      d.set("inputDetails", Run.truncatedFalse());
      if (timeoutSeconds != null) {
        d.put("timeoutInSeconds", timeoutSeconds);
      }
      f.emit("LambdaFunctionScheduled", d);
      f.emit("LambdaFunctionStarted", null);
    } else {
      ObjectNode d = resourceDetails();
      d.put("region", f.run.world.options().region());
      d.set("parameters", parameters);
      if (timeoutSeconds != null) {
        d.put("timeoutInSeconds", timeoutSeconds);
      }
      if (heartbeatSeconds != null) {
        d.put("heartbeatInSeconds", heartbeatSeconds);
      }
      f.emit("TaskScheduled", d);
      f.emit("TaskStarted", resourceDetails());
    }
    long limit = timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
    timeout = f.loop.after(limit * 1000L, () -> timedOut(false));
    if (heartbeatSeconds != null && arn.pattern() != ResourceArn.Pattern.REQUEST_RESPONSE) {
      heartbeat = f.loop.after(heartbeatSeconds * 1000L, () -> timedOut(true));
    }
    if (f.isClosed()) {
      finish();
      return;
    }
    if (token != null) {
      f.run.world.registerToken(token, this);
      f.loop.beginCallback();
      awaitingCallback = true;
    }
    TaskRequest request =
        new TaskRequest(
            state.resource(), parameters, token, f.run.arn(), state.name(),
            f.run.world.options().region(), f.run.world.options().accountId(), f.loop.now(), this::jobSubmitted);
    CompletionStage<JsonNode> stage;
    boolean worldDriven = false;
    try {
      stage = null;
      for (dev.statelab.integration.TaskInterceptor interceptor : f.run.world.integrations().interceptors()) {
        stage = interceptor.intercept(request, f.retryCount);
        if (stage != null) {
          worldDriven = dev.statelab.integration.TaskInterceptor.completesOnWorldClock(stage);
          break;
        }
      }
      if (stage == null) {
        Integration integration = f.run.world.integrations().resolve(arn, parameters);
        if (integration == null) {
          failed(unresolved());
          return;
        }
        worldDriven = integration.completesOnWorldClock();
        stage = integration.invoke(request);
      }
    } catch (StatesError e) {
      stage = CompletableFuture.failedFuture(e);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(new StatesError(e.getClass().getName(), String.valueOf(e.getMessage())));
    }
    CompletableFuture<JsonNode> future = stage.toCompletableFuture();
    pending = future;
    if (future.isDone()) {
      callReturned(future);
    } else if (worldDriven) {
      future.whenComplete((r, e) -> {
        if (f.loop.lock.isHeldByCurrentThread()) {
          callReturned(future);
        } else {
          f.loop.submitExternal(() -> callReturned(future));
        }
      });
    } else {
      f.loop.beginExternal();
      inFlight = true;
      future.whenComplete((r, e) -> f.loop.submitExternal(() -> {
        releaseInFlight();
        callReturned(future);
      }));
    }
  }

  private StatesError unresolved() {
    if (isLambdaFunction() || (arn.resourceType().equals("lambda") && arn.action().equals("invoke"))) {
      JsonNode name = parameters == null ? null : parameters.get("FunctionName");
      String fn = isLambdaFunction() ? arn.arn() : name == null ? "null" : name.asText();
      return new StatesError(
          "Lambda.ResourceNotFoundException",
          "Function not found: " + fn + " (Service: Lambda, Status Code: 404, Error Code: ResourceNotFoundException)");
    }
    return StatesError.runtime(
        "No integration answers the resource '" + arn.arn() + "'. Register one with World.integrations().");
  }

  private void callReturned(CompletableFuture<JsonNode> future) {
    callReturned = true;
    if (done || frame.isClosed()) {
      return;
    }
    JsonNode result;
    try {
      result = future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      failed(cause instanceof StatesError se ? se : new StatesError(cause.getClass().getName(), String.valueOf(cause.getMessage())));
      return;
    } catch (java.util.concurrent.CancellationException e) {
      failed(new StatesError(ErrorNames.TASK_FAILED, "The task was cancelled"));
      return;
    }
    if (token != null && !submitted && isActivity()) {
      submitted = true;
      ObjectNode d = Json.object();
      JsonNode worker = result == null ? null : result.get("workerName");
      if (worker != null && !worker.isNull()) {
        d.put("workerName", worker.asText());
      }
      frame.emit("ActivityStarted", d);
      runEarlyCallback();
      return;
    }
    if (token != null && !submitted) {
      submitted = true;
      ObjectNode d = resourceDetails();
      d.set("output", result);
      d.set("outputDetails", Run.truncatedFalse());
      frame.emit("TaskSubmitted", d);
      runEarlyCallback();
      return;
    }
    succeeded(result);
  }

  /** A {@code .sync} integration reports its job was submitted: TaskSubmitted, then wait for the job. */
  private void jobSubmitted(JsonNode response) {
    Runnable report = () -> {
      if (!done && !frame.isClosed() && !submitted) {
        submitted = true;
        ObjectNode d = resourceDetails();
        d.set("output", response);
        d.set("outputDetails", Run.truncatedFalse());
        frame.emit("TaskSubmitted", d);
      }
    };
    if (frame.loop.lock.isHeldByCurrentThread()) {
      report.run();
    } else {
      frame.loop.submitExternal(report);
    }
  }

  /** The callback for this task's token arrived with output. */
  void tokenSucceeded(JsonNode output) {
    whenSubmitted(() -> succeeded(output));
  }

  /** The callback for this task's token arrived with an error. */
  void tokenFailed(String error, String cause) {
    whenSubmitted(() -> failed(new StatesError(error, cause)));
  }

  /**
   * Runs a callback's outcome once the call that handed out the token has returned: a callback
   * can arrive first (the callee answered before its own call completed), and the history still
   * shows TaskSubmitted before the task ends.
   */
  private void whenSubmitted(Runnable outcome) {
    if (done || frame.isClosed()) {
      return;
    }
    if (!callReturned) {
      earlyCallback = outcome;
      return;
    }
    outcome.run();
  }

  private void runEarlyCallback() {
    Runnable outcome = earlyCallback;
    earlyCallback = null;
    if (outcome != null && !done && !frame.isClosed()) {
      outcome.run();
    }
  }

  /** A heartbeat arrived: restart the heartbeat timer. */
  void heartbeat() {
    if (done || heartbeatSeconds == null) {
      return;
    }
    if (heartbeat != null) {
      heartbeat.cancel();
    }
    heartbeat = frame.loop.after(heartbeatSeconds * 1000L, () -> timedOut(true));
  }

  boolean isDone() {
    return done;
  }

  private void succeeded(JsonNode result) {
    finish();
    Frame f = frame;
    if (Frame.exceedsPayloadLimit(result)) {
      failed(
          new StatesError(
              ErrorNames.DATA_LIMIT_EXCEEDED,
              "The state/task '" + (isLambdaFunction() ? arn.arn() : arn.resourceType()) + "' returned a result with a size exceeding the maximum number of bytes service limit."),
          true);
      return;
    }
    if (isLambdaFunction() || isActivity()) {
      ObjectNode d = Json.object();
      d.set("output", result);
      d.set("outputDetails", Run.truncatedFalse());
      f.emit(isActivity() ? "ActivitySucceeded" : "LambdaFunctionSucceeded", d);
    } else {
      ObjectNode d = resourceDetails();
      d.set("output", result);
      d.set("outputDetails", Run.truncatedFalse());
      f.emit("TaskSucceeded", d);
    }
    f.exitWithResult(result);
  }

  private void failed(StatesError e) {
    failed(e, false);
  }

  private void failed(StatesError e, boolean alreadyFinished) {
    if (!alreadyFinished) {
      finish();
    }
    if (ErrorNames.RUNTIME.equals(e.error())) {
      frame.evaluationFailed(e);
      return;
    }
    if (isLambdaFunction() || isActivity()) {
      ObjectNode d = Json.object();
      putErrorCause(d, e);
      frame.emit(isActivity() ? "ActivityFailed" : "LambdaFunctionFailed", d);
    } else {
      ObjectNode d = resourceDetails();
      putErrorCause(d, e);
      frame.emit("TaskFailed", d);
    }
    frame.stateFailed(e);
  }

  private static void putErrorCause(ObjectNode d, StatesError e) {
    if (e.error() != null) {
      d.put("error", e.error());
    }
    if (e.cause() != null) {
      d.put("cause", e.cause());
    }
  }

  /**
   * The task ran past TimeoutSeconds, or missed its heartbeat. Both are reported as
   * {@code States.Timeout}, as AWS records them; a missed heartbeat also matches a retrier or
   * catcher on {@code States.HeartbeatTimeout}.
   */
  private void timedOut(boolean heartbeatMissed) {
    if (done || frame.isClosed()) {
      return;
    }
    finish();
    cancelPending();
    if (isLambdaFunction() || isActivity()) {
      ObjectNode d = Json.object();
      d.put("error", ErrorNames.TIMEOUT);
      frame.emit(isActivity() ? "ActivityTimedOut" : "LambdaFunctionTimedOut", d);
    } else {
      ObjectNode d = resourceDetails();
      d.put("error", ErrorNames.TIMEOUT);
      frame.emit("TaskTimedOut", d);
    }
    // AWS gives a task timeout an empty cause: catchers see {"Error": "States.Timeout", "Cause": ""}.
    frame.stateFailed(new StatesError(ErrorNames.TIMEOUT, ""), heartbeatMissed);
  }

  /** The world stops counting this call as real I/O in flight (it returned, or the task ended). */
  private void releaseInFlight() {
    if (inFlight) {
      inFlight = false;
      frame.loop.endExternal();
    }
  }

  private void finish() {
    done = true;
    releaseInFlight();
    if (awaitingCallback) {
      awaitingCallback = false;
      frame.loop.endCallback();
    }
    if (timeout != null) {
      timeout.cancel();
    }
    if (heartbeat != null) {
      heartbeat.cancel();
    }
    if (token != null) {
      frame.run.world.taskEnded(token);
    }
  }

  /** Abandons the attempt (the state or execution stopped): the pending call is cancelled too. */
  void cancel() {
    if (!done) {
      finish();
      cancelPending();
    }
  }

  private void cancelPending() {
    CompletableFuture<JsonNode> p = pending;
    if (p != null && !p.isDone()) {
      p.cancel(false);
    }
  }
}
