package dev.statelab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.errors.ErrorNames;
import dev.statelab.asl.errors.ErrorOutput;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.asl.jsonata.JsonataBindings;
import dev.statelab.asl.jsonata.JsonataTemplate;
import dev.statelab.asl.model.Assignment;
import dev.statelab.asl.model.Catcher;
import dev.statelab.asl.model.Io;
import dev.statelab.asl.model.QueryLanguage;
import dev.statelab.asl.model.Retrier;
import dev.statelab.asl.model.State;
import dev.statelab.asl.model.StateGraph;
import dev.statelab.asl.model.Transition;
import dev.statelab.asl.query.PathNotFoundException;
import dev.statelab.asl.query.QueryScope;
import dev.statelab.asl.query.Randomness;
import dev.statelab.asl.query.UndefinedVariableException;
import dev.statelab.json.FrozenObjects;
import dev.statelab.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cursor through one state graph: the execution's top level, one Parallel branch or one Map
 * iteration. It enters states, evaluates them, and moves on; anything that takes time (a Wait, a
 * task, a retry delay, child frames) is a timer or a callback on the world's event loop.
 */
final class Frame {

  /** The detail fields of a state's entered and exited events, in AWS's order (shared). */
  private static final String[] ENTERED_FIELDS = {"name", "input", "inputDetails"};
  private static final String[] EXITED_FIELDS = {"name", "output", "outputDetails"};
  private static final String[] EXITED_ASSIGNING_FIELDS =
      {"name", "output", "outputDetails", "assignedVariables", "assignedVariablesDetails"};

  /** Told when the frame's graph ends. */
  interface Listener {
    void succeeded(Frame frame, JsonNode output);

    void failed(Frame frame, StatesError error);
  }

  final Run run;
  final EventLoop loop;
  final StateGraph graph;
  final Variables vars;
  final Frame parent;
  private final Listener listener;
  private final ObjectNode mapItem;

  private long lastEventId;
  private boolean closed;
  private final ChildExecution detached;
  /** True for a Parallel branch: a task failing uncaught there ends as TaskStateAborted. */
  boolean abortsFailedTasks;

  // The state being visited.
  State state;
  JsonNode rawInput;
  long enteredId;
  private long enteredMillis;
  int retryCount;
  private int[] attempts;
  private ObjectNode contextCache;
  private ObjectNode extraContext;
  final List<Frame> children = new ArrayList<>();
  EventLoop.Timer timer;
  TaskStep task;
  MapStep map;
  ParallelStep parallel;
  /** On a redrive, the Map or Parallel run that stopped: its finished children are kept. */
  MapStep redrivenMap;
  ParallelStep redrivenParallel;

  // Where a redrive resumes: the last state this frame entered, and its input.
  private String lastEnteredName;
  private JsonNode lastEnteredInput;

  // Trampoline: states that finish synchronously hand over here instead of recursing.
  private String pendingName;
  private JsonNode pendingInput;
  private boolean looping;

  Frame(Run run, StateGraph graph, Variables vars, ObjectNode mapItem, Listener listener) {
    this(run, graph, vars, mapItem, listener, null, 0, null);
  }

  Frame(Run run, StateGraph graph, Variables vars, ObjectNode mapItem, Listener listener, Frame parent, long previous,
      ChildExecution detached) {
    this.detached = detached;
    this.run = run;
    this.loop = run.loop;
    this.graph = graph;
    this.vars = vars;
    this.mapItem = mapItem;
    this.listener = listener;
    this.parent = parent;
    this.lastEventId = previous;
  }

  long lastEventId() {
    return lastEventId;
  }

  boolean isClosed() {
    return closed || !run.isRunning();
  }

  /** Starts the graph at a state with an input. */
  void start(String stateName, JsonNode input) {
    goTo(stateName, input);
  }

  /** True when the frame entered a state a redrive can resume at. */
  boolean canResume() {
    return lastEnteredName != null;
  }

  /** Reopens a closed frame and enters its last state again (a redrive). */
  void resume(long previousEventId) {
    closed = false;
    children.clear();
    task = null;
    redrivenMap = map;
    redrivenParallel = parallel;
    map = null;
    parallel = null;
    lastEventId = previousEventId;
    goTo(lastEnteredName, lastEnteredInput);
  }

  /** Stops everything this frame and its children are doing. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    cancelTimers();
    for (Frame child : children) {
      child.close();
    }
  }

  void cancelTimers() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
    if (task != null) {
      task.cancel();
    }
  }

  long emit(String type, ObjectNode details) {
    long id = detached != null ? detached.emit(type, details, lastEventId, loop.now()) : run.emit(type, details, lastEventId);
    lastEventId = id;
    return id;
  }

  // ---------------------------------------------------------------- moving between states

  private void goTo(String name, JsonNode input) {
    pendingName = name;
    pendingInput = input;
    if (looping) {
      return;
    }
    looping = true;
    try {
      while (pendingName != null && !isClosed()) {
        String next = pendingName;
        JsonNode nextInput = pendingInput;
        pendingName = null;
        pendingInput = null;
        enter(graph.state(next), nextInput);
      }
    } finally {
      looping = false;
    }
  }

  private void enter(State s, JsonNode input) {
    lastEnteredName = s.name();
    lastEnteredInput = input;
    state = s;
    rawInput = input;
    retryCount = 0;
    attempts = s.retry().isEmpty() ? null : new int[s.retry().size()];
    contextCache = null;
    extraContext = null;
    children.clear();
    task = null;
    enteredMillis = loop.now();
    enteredId = emit(EventTypes.entered(s),
        FrozenObjects.of(ENTERED_FIELDS, Json.text(s.name()), input, Run.truncatedFalse()));
    run.countTransition();
    try {
      States.evaluate(this, s);
    } catch (StatesError e) {
      evaluationFailed(e);
    }
  }

  /**
   * Leaves the current state with an output, applying assignments, and moves on.
   *
   * @param assigned variables to assign (evaluated at state entry values), or null
   */
  void exit(JsonNode output, String next, Map<String, JsonNode> assigned) {
    if (isClosed()) {
      return;
    }
    if (output != rawInput && exceedsPayloadLimit(output)) {
      run.fail(
          new StatesError(
              ErrorNames.DATA_LIMIT_EXCEEDED,
              "The state/task '" + state.name() + "' returned a result with a size exceeding the maximum number of bytes service limit."),
          lastEventId);
      return;
    }
    ObjectNode details;
    if (assigned != null && !assigned.isEmpty()) {
      StatesError tooLarge = variableQuotaError(assigned);
      if (tooLarge != null) {
        run.fail(tooLarge, lastEventId);
        return;
      }
      ObjectNode vars = Json.object();
      assigned.forEach(vars::set);
      details = FrozenObjects.of(EXITED_ASSIGNING_FIELDS, Json.text(state.name()), output,
          Run.truncatedFalse(), vars, Run.truncatedFalse());
      assigned.forEach(this.vars::set);
    } else {
      details = FrozenObjects.of(EXITED_FIELDS, Json.text(state.name()), output,
          Run.truncatedFalse());
    }
    emit(EventTypes.exited(state), details);
    if (next != null) {
      goTo(next, output);
    } else {
      State ended = state;
      state = null;
      if (ended != null) {
        listener.succeeded(this, output);
      }
    }
  }

  /**
   * Checks the variable quotas: one variable and one Assign block at most 256 KiB each. AWS
   * documents the quotas but not the error; StateLab reports States.DataLimitExceeded, the error
   * of every other payload quota.
   */
  private StatesError variableQuotaError(Map<String, JsonNode> assigned) {
    long block = 0;
    for (Map.Entry<String, JsonNode> e : assigned.entrySet()) {
      int size = Json.byteSize(e.getValue());
      block += size;
      if (size > Run.MAX_PAYLOAD_BYTES) {
        return new StatesError(ErrorNames.DATA_LIMIT_EXCEEDED,
            "The variable '" + e.getKey() + "' assigned by the state '" + state.name()
                + "' exceeds the maximum size of " + Run.MAX_PAYLOAD_BYTES + " bytes.");
      }
    }
    if (block > Run.MAX_PAYLOAD_BYTES) {
      return new StatesError(ErrorNames.DATA_LIMIT_EXCEEDED,
          "The Assign field of the state '" + state.name() + "' exceeds the maximum size of "
              + Run.MAX_PAYLOAD_BYTES + " bytes.");
    }
    return null;
  }

  /** The next state of the current state's transition, or null at the end. */
  String nextOf(Transition transition) {
    return transition == null || transition.end() ? null : transition.next();
  }

  static boolean exceedsPayloadLimit(JsonNode node) {
    return Json.exceedsBytes(node, Run.MAX_PAYLOAD_BYTES);
  }

  // ---------------------------------------------------------------- scopes

  /** The context object for the current state, built once per visit when first read. */
  ObjectNode context() {
    if (contextCache == null) {
      ObjectNode ctx = Json.object();
      ctx.set("Execution", run.executionContext());
      ctx.set("StateMachine", run.stateMachineContext());
      ObjectNode st = Json.object();
      st.put("Name", state == null ? null : state.name());
      st.put("EnteredTime", Run.isoMillis(enteredMillis));
      if (state instanceof State.Task || state instanceof State.Map || state instanceof State.Parallel) {
        st.put("RetryCount", retryCount);
      }
      ctx.set("State", st);
      if (extraContext != null) {
        ctx.setAll(extraContext);
      }
      JsonNode overrides = run.contextOverrides();
      if (overrides != null && overrides.isObject()) {
        overrides.fields().forEachRemaining(e -> {
          JsonNode current = ctx.get(e.getKey());
          if (current != null && current.isObject() && e.getValue().isObject()) {
            ObjectNode merged = ((ObjectNode) current).deepCopy();
            merged.setAll((ObjectNode) e.getValue());
            ctx.set(e.getKey(), merged);
          } else {
            ctx.set(e.getKey(), e.getValue());
          }
        });
      }
      contextCache = ctx;
    }
    return contextCache;
  }

  /** Adds top-level members to the context object for the rest of this visit (Task, Map). */
  void addContext(String key, JsonNode value) {
    if (extraContext == null) {
      extraContext = Json.object();
    }
    if (value == null) {
      extraContext.remove(key);
    } else {
      extraContext.set(key, value);
    }
    contextCache = null;
  }

  /** A JSONPath scope whose {@code $} is the given document. */
  QueryScope scope(JsonNode document) {
    return new Scope(document);
  }

  private final class Scope implements QueryScope {
    private final JsonNode document;

    Scope(JsonNode document) {
      this.document = document;
    }

    @Override
    public JsonNode input() {
      return document;
    }

    @Override
    public JsonNode context() {
      return Frame.this.context();
    }

    @Override
    public JsonNode variable(String name) {
      return vars.get(name);
    }

    @Override
    public Randomness random() {
      return run.world.random();
    }
  }

  /**
   * JSONata bindings for the current state.
   *
   * @param result {@code $states.result}, or null where it is not available
   * @param errorOutput {@code $states.errorOutput}, or null where it is not available
   */
  JsonataBindings bindings(JsonNode result, JsonNode errorOutput) {
    ObjectNode states = Json.object();
    states.set("input", rawInput);
    states.set("context", context());
    if (result != null) {
      states.set("result", result);
    }
    if (errorOutput != null) {
      states.set("errorOutput", errorOutput);
    }
    return new JsonataBindings() {
      @Override
      public JsonNode states() {
        return states;
      }

      @Override
      public JsonNode variable(String name) {
        return vars.get(name);
      }

      @Override
      public Randomness random() {
        return run.world.random();
      }

      @Override
      public java.time.Instant now() {
        return run.world.now();
      }
    };
  }

  /**
   * Evaluates a JSONata field that must produce one JSON type, failing as AWS does
   * ({@code ... returned an unexpected result type. Expected 'number', but was ...}).
   */
  JsonNode jsonataTyped(JsonataTemplate template, String typeName, java.util.function.Predicate<JsonNode> ok) {
    JsonNode value = template.evaluate(bindings(null, null));
    if (!ok.test(value)) {
      String expression = template.singleExpression().orElse(Json.write(template.template()));
      throw dev.statelab.asl.jsonata.JsonataErrors.unexpectedType(expression, template.fieldName(), typeName, value);
    }
    return value;
  }

  // ---------------------------------------------------------------- data processing

  /** Applies an InputPath or OutputPath selector. */
  JsonNode select(Io.Selector selector, JsonNode document) {
    if (selector.discard()) {
      return Json.object();
    }
    if (selector.path() == null) {
      return document;
    }
    try {
      return selector.path().evaluate(scope(document));
    } catch (PathNotFoundException | UndefinedVariableException e) {
      throw StatesError.runtime("Invalid path '" + selector.path().text() + "' : " + e.getMessage());
    }
  }

  /** The effective input of a JSONPath-mode state: InputPath, then Parameters. */
  JsonNode effectiveInput(Io.JsonPathIo io) {
    JsonNode selected = select(io.inputPath(), rawInput);
    if (io.parameters() != null) {
      return io.parameters().evaluate(scope(selected));
    }
    return selected;
  }

  /** ResultSelector, ResultPath and OutputPath for a JSONPath-mode result. */
  JsonNode resultOutput(Io.JsonPathIo io, JsonNode result) {
    JsonNode selected = io.resultSelector() == null ? result : io.resultSelector().evaluate(scope(result));
    JsonNode combined = io.resultPath().apply(rawInput, selected);
    return select(io.outputPath(), combined);
  }

  /** The JSONPath result after ResultSelector (what {@code Assign} sees as {@code $}). */
  JsonNode selectedResult(Io.JsonPathIo io, JsonNode result) {
    return io.resultSelector() == null ? result : io.resultSelector().evaluate(scope(result));
  }

  /**
   * Finishes a state that produced a result (Task, Parallel, Map): JSONPath ResultSelector,
   * ResultPath and OutputPath, or JSONata Output; Assign; then on to the next state.
   */
  void exitWithResult(JsonNode result) {
    try {
      JsonNode output;
      Map<String, JsonNode> assigned;
      if (state.common().io() instanceof Io.JsonataIo io) {
        assigned = assign(state.common().assign(), null, result, null);
        output = jsonata(io.output(), result, result, null);
      } else {
        Io.JsonPathIo io = (Io.JsonPathIo) state.common().io();
        JsonNode selected = selectedResult(io, result);
        assigned = assign(state.common().assign(), selected, null, null);
        output = select(io.outputPath(), io.resultPath().apply(rawInput, selected));
      }
      exit(output, nextOf(state.common().transition()), assigned);
    } catch (StatesError e) {
      evaluationFailed(e);
    }
  }

  /** Evaluates an Assign block; values read the variables as they were at state entry. */
  Map<String, JsonNode> assign(Assignment assignment, JsonNode jsonPathDocument, JsonNode result, JsonNode errorOutput) {
    if (assignment == null) {
      return null;
    }
    Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
    if (assignment.jsonPath() != null) {
      for (Map.Entry<String, JsonNode> e : assignment.jsonPath().evaluateFields(scope(jsonPathDocument))) {
        out.put(e.getKey(), e.getValue());
      }
    } else if (assignment.jsonata() != null) {
      JsonNode values = assignment.jsonata().evaluate(bindings(result, errorOutput));
      values.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    }
    return out;
  }

  /** Evaluates a JSONata template or returns the default when there is none. */
  JsonNode jsonata(JsonataTemplate template, JsonNode defaultValue, JsonNode result, JsonNode errorOutput) {
    if (template == null) {
      return defaultValue;
    }
    return template.evaluate(bindings(result, errorOutput));
  }

  boolean isJsonata() {
    return state.common().queryLanguage() == QueryLanguage.JSONATA;
  }

  // ---------------------------------------------------------------- errors

  /** An error raised while evaluating the current state's fields (paths, templates, expressions). */
  void evaluationFailed(StatesError raw) {
    if (isClosed() || state == null) {
      return;
    }
    StatesError e = raw;
    if (isEvaluationError(raw.error()) && raw.cause() != null && !raw.cause().startsWith("An error occurred while executing")) {
      e = raw.inState(state.name(), enteredId);
    }
    if (ErrorNames.QUERY_EVALUATION_ERROR.equals(e.error())) {
      ObjectNode details = Json.object();
      details.put("error", e.error());
      details.put("cause", e.cause());
      dev.statelab.asl.jsonata.JsonataErrors.location(e).ifPresent(l -> details.put("location", l));
      details.put("state", state.name());
      emit("EvaluationFailed", details);
    }
    stateFailed(e);
  }

  private static boolean isEvaluationError(String error) {
    return ErrorNames.RUNTIME.equals(error)
        || ErrorNames.QUERY_EVALUATION_ERROR.equals(error)
        || ErrorNames.INTRINSIC_FAILURE.equals(error);
  }

  /**
   * The current state failed: retry it if a retrier matches and has attempts left, else take a
   * matching catcher, else fail this frame. {@code States.Runtime} skips all of that and fails
   * the execution.
   */
  void stateFailed(StatesError e) {
    stateFailed(e, false);
  }

  /**
   * The current state failed; {@code heartbeatMissed} marks a {@code States.Timeout} raised by a
   * missed heartbeat, which {@code States.HeartbeatTimeout} also matches.
   */
  void stateFailed(StatesError e, boolean heartbeatMissed) {
    if (isClosed() || state == null) {
      return;
    }
    cancelTimers();
    if (ErrorNames.RUNTIME.equals(e.error())) {
      run.fail(e, lastEventId);
      return;
    }
    List<Retrier> retriers = state.retry();
    for (int i = 0; i < retriers.size(); i++) {
      Retrier r = retriers.get(i);
      if (matches(r.errorEquals(), e.error(), heartbeatMissed)) {
        if (attempts[i] < r.maxAttempts()) {
          attempts[i]++;
          retryCount++;
          contextCache = null;
          double delay = r.baseDelayMillis(attempts[i]);
          if (r.fullJitter()) {
            delay = run.world.random().nextDouble() * delay;
          }
          State retried = state;
          timer = loop.after(Math.round(delay), () -> {
            timer = null;
            if (!isClosed() && state == retried) {
              run.countTransition();
              try {
                States.retry(this, retried);
              } catch (StatesError again) {
                evaluationFailed(again);
              }
            }
          });
          return;
        }
        break;
      }
    }
    if (state instanceof State.Map || state instanceof State.Parallel) {
      emit(state.type() + "StateFailed", null);
    }
    for (Catcher c : state.catchers()) {
      if (matches(c.errorEquals(), e.error(), heartbeatMissed)) {
        caught(c, e);
        return;
      }
    }
    fail(e);
  }

  private void caught(Catcher c, StatesError e) {
    JsonNode errorOutput = new ErrorOutput(e.error(), e.cause()).toJson();
    try {
      JsonNode output;
      Map<String, JsonNode> assigned;
      if (isJsonata()) {
        output = jsonata(c.output(), errorOutput, null, errorOutput);
        assigned = assign(c.assign(), null, null, errorOutput);
      } else {
        output = c.resultPath().apply(rawInput, errorOutput);
        assigned = assign(c.assign(), errorOutput, null, errorOutput);
      }
      exit(output, c.next(), assigned);
    } catch (StatesError again) {
      StatesError prefixed = isEvaluationError(again.error()) ? again.inState(state.name(), enteredId) : again;
      if (ErrorNames.RUNTIME.equals(prefixed.error())) {
        run.fail(prefixed, lastEventId);
      } else {
        fail(prefixed);
      }
    }
  }

  /** Fails this frame (not the state): the parent or the execution handles it. */
  void fail(StatesError e) {
    if (isClosed()) {
      return;
    }
    if (abortsFailedTasks && state instanceof State.Task) {
      // A Parallel branch whose task failed is aborted with it, as AWS records.
      emit("TaskStateAborted", null);
    }
    state = null;
    listener.failed(this, e);
  }

  /** True when an ErrorEquals list matches an error name. */
  static boolean matches(List<String> errorEquals, String error) {
    return matches(errorEquals, error, false);
  }

  /** True when an ErrorEquals list matches an error (a missed heartbeat also matches HeartbeatTimeout). */
  static boolean matches(List<String> errorEquals, String error, boolean heartbeatMissed) {
    for (String name : errorEquals) {
      if (name.equals(ErrorNames.ALL)) {
        return !ErrorNames.RUNTIME.equals(error);
      }
      if (name.equals(ErrorNames.TASK_FAILED)) {
        if (!ErrorNames.TIMEOUT.equals(error) && !ErrorNames.RUNTIME.equals(error)) {
          return true;
        }
        continue;
      }
      if (name.equals(error)) {
        return true;
      }
      if (name.equals(ErrorNames.HEARTBEAT_TIMEOUT) && heartbeatMissed && ErrorNames.TIMEOUT.equals(error)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- children

  /** Starts a child frame (a branch or an iteration) on the event loop. */
  Frame spawn(StateGraph childGraph, Variables childVars, ObjectNode childMapItem, Listener childListener) {
    Frame child = new Frame(run, childGraph, childVars, childMapItem, childListener, this, lastEventId, detached);
    children.add(child);
    return child;
  }

  /** Records the end of the child execution this frame runs, if it runs one (distributed Map). */
  void childExecutionEnded(ExecutionStatus status, JsonNode output, String error, String cause) {
    if (detached != null && detached.status() == ExecutionStatus.RUNNING) {
      ObjectNode details = Json.object();
      if (status == ExecutionStatus.SUCCEEDED) {
        details.set("output", output);
        details.set("outputDetails", Run.truncatedFalse());
        emit("ExecutionSucceeded", details);
      } else {
        if (error != null) {
          details.put("error", error);
        }
        if (cause != null) {
          details.put("cause", cause);
        }
        emit("ExecutionFailed", details);
      }
      detached.ended(status, output, error, cause, loop.now());
    }
  }

  /** Starts a child workflow execution of a distributed Map: its events go to its own history. */
  Frame spawnChildExecution(StateGraph childGraph, ChildExecution execution, Listener childListener) {
    ObjectNode started = Json.object();
    started.set("input", execution.input());
    started.set("inputDetails", Run.truncatedFalse());
    execution.emit("ExecutionStarted", started, 0, loop.now());
    Frame child = new Frame(run, childGraph, Variables.root(), null, childListener, this, 0, execution);
    children.add(child);
    return child;
  }

  /** Takes over the event-id chain from a child whose events came last. */
  void follow(Frame child) {
    lastEventId = Math.max(lastEventId, child.lastEventId);
  }

  ArrayNode newArray(int size) {
    ArrayNode a = Json.array();
    for (int i = 0; i < size; i++) {
      a.addNull();
    }
    return a;
  }

  ObjectNode mapItem() {
    return mapItem;
  }
}
