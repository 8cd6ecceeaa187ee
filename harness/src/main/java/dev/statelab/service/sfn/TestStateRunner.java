package dev.statelab.service.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.InvalidDefinitionException;
import dev.statelab.asl.StateMachine;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.asl.model.Io;
import dev.statelab.asl.model.State;
import dev.statelab.asl.query.QueryScope;
import dev.statelab.asl.query.Randomness;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionRequest;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.history.HistoryEvent;
import dev.statelab.integration.Integration;
import dev.statelab.integration.ResourceArn;
import dev.statelab.json.Json;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * TestState: runs one state in a scratch world on the virtual clock and reports its output, next
 * state, status and (at DEBUG and TRACE) the data after each processing step.
 *
 * <p>The state runs inside a small machine: a Pass state that assigns the given {@code variables}
 * (when there are any), the state itself with its Retry removed, and a Succeed state standing in
 * for every transition target, so the next state is read off the history. Retry is judged here
 * from {@code stateConfiguration.retrierRetryCount}, as TestState makes a single attempt. A Task
 * without a mock calls the integrations of the service's world; Map and Parallel with a mock
 * return the mocked result without running their branches.
 */
final class TestStateRunner {

  static final String TEST_STATE = "TestState";
  private static final String PRELUDE = "StateLab.TestState.Variables";
  private static final String SENTINEL = "StateLab.TestState.Next.";
  private static final String MOCK_RESOURCE = "arn:aws:states:::statelab:testState.mock";
  private static final List<String> LEVELS = List.of("INFO", "DEBUG", "TRACE");

  private final World world;

  TestStateRunner(World world) {
    this.world = world;
  }

  ObjectNode run(Params p) {
    String definitionText = p.required("definition", MachineOperations.MAX_DEFINITION);
    String roleArn = p.string("roleArn", 256);
    JsonNode given = json(p.string("input", 0, ExecutionOperations.MAX_PAYLOAD), "input");
    JsonNode input = given == null ? Json.object() : given;
    String level = Objects.requireNonNullElse(p.enumValue("inspectionLevel", LEVELS), "INFO");
    p.bool("revealSecrets", false);
    JsonNode variables = json(p.string("variables", 0, ExecutionOperations.MAX_PAYLOAD),
        "variables");
    String stateName = p.string("stateName", 80);
    JsonNode mock = p.object("mock");
    JsonNode context = json(p.string("context", 0, ExecutionOperations.MAX_PAYLOAD), "context");
    JsonNode configuration = p.object("stateConfiguration");
    if (context != null && mock == null) {
      throw SfnErrors.validation("The context field can only be used together with a mock");
    }

    JsonNode definition;
    try {
      definition = Json.parse(definitionText);
    } catch (IllegalArgumentException e) {
      throw SfnErrors.invalidDefinition("Invalid State Machine Definition: "
          + "'INVALID_JSON_DESCRIPTION: " + e.getMessage() + "'");
    }
    String name = stateName != null ? stateName : TEST_STATE;
    JsonNode stateJson = stateName != null ? definition.path("States").path(stateName) : definition;
    if (!stateJson.isObject()) {
      throw SfnErrors.validation(stateName != null
          ? "State '" + stateName + "' is not defined in the state machine definition"
          : "The definition must be a JSON object describing one state");
    }
    ObjectNode state = ((ObjectNode) stateJson).deepCopy();
    String type = state.path("Type").asText();
    JsonNode retriers = state.remove("Retry");
    Map<String, String> targets = new LinkedHashMap<>();
    retarget(state, targets);

    String resource = null;
    if (mock != null) {
      if (!type.equals("Task") && !type.equals("Map") && !type.equals("Parallel")) {
        throw SfnErrors.validation("A mock can only be used with Task, Map and Parallel states");
      }
      if (!type.equals("Task")) {
        state = asMockTask(state);
      }
      resource = state.path("Resource").asText();
    } else if (type.equals("Map") || type.equals("Parallel")) {
      throw SfnErrors.validation("TestState needs a mock to test a " + type + " state");
    } else if (type.equals("Task")) {
      resource = state.path("Resource").asText();
      ResourceArn arn = ResourceArn.parse(resource);
      if (arn.kind() == ResourceArn.Kind.ACTIVITY || arn.pattern() != ResourceArn.Pattern.REQUEST_RESPONSE) {
        throw SfnErrors.validation("TestState needs a mock to test an Activity, a '.sync' or a "
            + "'.waitForTaskToken' Task: '" + resource + "'");
      }
    }

    ObjectNode machineJson = Json.object();
    if (stateName != null && definition.has("QueryLanguage")) {
      machineJson.set("QueryLanguage", definition.get("QueryLanguage"));
    }
    ObjectNode states = Json.object();
    boolean prelude = variables != null && variables.isObject() && variables.size() > 0;
    if (prelude) {
      ObjectNode pass = states.putObject(PRELUDE);
      pass.put("Type", "Pass");
      pass.set("Assign", variables);
      pass.put("Next", name);
    }
    states.set(name, state);
    targets.keySet().forEach(s -> states.putObject(s).put("Type", "Succeed"));
    machineJson.put("StartAt", prelude ? PRELUDE : name);
    machineJson.set("States", states);
    StateMachine machine;
    try {
      machine = StateMachine.parse(machineJson);
    } catch (InvalidDefinitionException e) {
      throw SfnErrors.invalidDefinition(e.getMessage());
    }

    try (World scratch = World.newInstance(WorldOptions.newBuilder()
        .seed(world.options().seed())
        .region(world.options().region())
        .accountId(world.options().accountId())
        .build())) {
      if (resource != null) {
        scratch.integrations().register(resource, integration(mock));
      }
      Execution execution = scratch.run(machine, ExecutionRequest.of(input)
          .withStateMachineName(TEST_STATE).withRoleArn(roleArn).withContext(context));
      return report(execution, name, targets, retriers, configuration, level, input, variables,
          context, machine.state(name), scratch.random());
    }
  }

  private Integration integration(JsonNode mock) {
    if (mock == null) {
      return request -> {
        ResourceArn arn = ResourceArn.parse(request.resource());
        Integration real = world.integrations().resolve(arn, request.parameters());
        if (real == null) {
          return CompletableFuture.failedFuture(new StatesError("States.TaskFailed",
              "No integration answers the resource '" + request.resource()
                  + "' in this StateLab world; pass a mock or register one"));
        }
        return real.invoke(request);
      };
    }
    JsonNode error = mock.get("errorOutput");
    if (error != null && !error.isNull()) {
      StatesError failure = new StatesError(textOrNull(error.get("error")),
          textOrNull(error.get("cause")));
      return request -> CompletableFuture.failedFuture(failure);
    }
    JsonNode result = json(new Params(mock).string("result", 0, ExecutionOperations.MAX_PAYLOAD),
        "mock.result");
    if (result == null) {
      throw SfnErrors.validation("A mock must have either a result or an errorOutput");
    }
    return request -> CompletableFuture.completedFuture(result);
  }

  private ObjectNode report(Execution execution, String name, Map<String, String> targets,
      JsonNode retriers, JsonNode configuration, String level, JsonNode input,
      JsonNode variables, JsonNode context, State state, Randomness random) {
    List<HistoryEvent> history = execution.history();
    JsonNode output = null;
    JsonNode result = null;
    JsonNode parameters = null;
    Map<String, JsonNode> assigned = new LinkedHashMap<>();
    String nextState = null;
    String error = null;
    String cause = null;
    boolean entered = false;
    boolean exited = false;
    for (HistoryEvent e : history) {
      String type = e.type();
      ObjectNode d = e.details();
      if (type.endsWith("StateEntered")) {
        if (name.equals(e.stateName())) {
          entered = true;
        } else if (exited && targets.containsKey(e.stateName()) && nextState == null) {
          nextState = targets.get(e.stateName());
        }
      } else if (!entered) {
        continue;
      } else if (type.endsWith("StateExited") && name.equals(e.stateName())) {
        exited = true;
        output = d.get("output");
        JsonNode vars = d.get("assignedVariables");
        if (vars != null) {
          vars.fields().forEachRemaining(v -> assigned.put(v.getKey(), v.getValue()));
        }
      } else if (!exited && (type.equals("TaskSucceeded") || type.equals("ActivitySucceeded")
          || type.equals("LambdaFunctionSucceeded"))) {
        result = d.get("output");
      } else if (!exited && type.equals("TaskScheduled")) {
        parameters = d.get("parameters");
      } else if (!exited && d != null && d.has("error") && !type.startsWith("Execution")) {
        error = textOrNull(d.get("error"));
        cause = textOrNull(d.get("cause"));
      }
    }
    ExecutionStatus status = execution.status();
    String outcome;
    if (status == ExecutionStatus.SUCCEEDED) {
      outcome = error != null ? "CAUGHT_ERROR" : "SUCCEEDED";
      if (!exited) {
        output = execution.output(); // a Succeed state under test
      }
    } else {
      outcome = "FAILED";
      error = execution.error();
      cause = execution.cause();
      output = null;
      nextState = null;
    }
    ObjectNode errorDetails = null;
    if (error != null) {
      int retryCount = configuration == null ? 0
          : configuration.path("retrierRetryCount").asInt(0);
      int index = matchingIndex(retriers, error);
      if (index >= 0) {
        JsonNode retrier = retriers.get(index);
        int maxAttempts = retrier.path("MaxAttempts").asInt(3);
        if (retryCount < maxAttempts) {
          outcome = "RETRIABLE";
          output = null;
          nextState = null;
          errorDetails = Json.object();
          errorDetails.put("retryIndex", index);
          double interval = retrier.path("IntervalSeconds").asDouble(1)
              * Math.pow(retrier.path("BackoffRate").asDouble(2.0), retryCount);
          if (retrier.has("MaxDelaySeconds")) {
            interval = Math.min(interval, retrier.get("MaxDelaySeconds").asDouble());
          }
          errorDetails.put("retryBackoffIntervalSeconds", (long) Math.ceil(interval));
        }
      }
      if (outcome.equals("CAUGHT_ERROR")) {
        errorDetails = Json.object();
        errorDetails.put("catchIndex", matchingIndex(stateCatchers(state), error));
      }
    }
    ObjectNode out = Json.object();
    Wire.putPayload(out, "output", output);
    Wire.putIfPresent(out, "error", error);
    Wire.putIfPresent(out, "cause", cause);
    Wire.putIfPresent(out, "nextState", nextState);
    out.put("status", outcome);
    if (!level.equals("INFO")) {
      ObjectNode inspection = out.putObject("inspectionData");
      Wire.putPayload(inspection, "input", input);
      inspect(inspection, state, input, context, variables, parameters, result, random);
      ObjectNode vars = Json.object();
      if (variables != null && variables.isObject()) {
        vars.setAll((ObjectNode) variables);
      }
      assigned.forEach(vars::set);
      if (vars.size() > 0) {
        inspection.put("variables", Json.write(vars));
      }
      if (errorDetails != null) {
        inspection.set("errorDetails", errorDetails);
      }
    }
    return out;
  }

  /** The JSONPath processing steps, recomputed from the state's compiled fields. */
  private static void inspect(ObjectNode inspection, State state, JsonNode input,
      JsonNode context, JsonNode variables, JsonNode parameters, JsonNode result,
      Randomness random) {
    if (state == null) {
      return;
    }
    if (!(state.common().io() instanceof Io.JsonPathIo io)) {
      Wire.putPayload(inspection, "afterArguments", parameters);
      Wire.putPayload(inspection, "result", result);
      return;
    }
    QueryScope base = scope(input, context, variables, random);
    try {
      JsonNode afterInputPath = select(io.inputPath(), input, base);
      Wire.putPayload(inspection, "afterInputPath", afterInputPath);
      JsonNode afterParameters = io.parameters() == null ? afterInputPath
          : io.parameters().evaluate(base.withInput(afterInputPath));
      Wire.putPayload(inspection, "afterParameters", afterParameters);
      JsonNode stateResult = result;
      if (state instanceof State.Pass pass) {
        stateResult = pass.result() != null ? pass.result() : afterParameters;
      }
      if (stateResult == null) {
        return;
      }
      Wire.putPayload(inspection, "result", stateResult);
      JsonNode afterResultSelector = io.resultSelector() == null ? stateResult
          : io.resultSelector().evaluate(base.withInput(stateResult));
      Wire.putPayload(inspection, "afterResultSelector", afterResultSelector);
      Wire.putPayload(inspection, "afterResultPath",
          io.resultPath().apply(input, afterResultSelector));
    } catch (RuntimeException e) {
      // The run itself reports the error; inspection shows the steps that worked.
    }
  }

  private static JsonNode select(Io.Selector selector, JsonNode document, QueryScope scope) {
    if (selector.discard()) {
      return Json.object();
    }
    return selector.path() == null ? document : selector.path().evaluate(scope.withInput(document));
  }

  private static QueryScope scope(JsonNode input, JsonNode context, JsonNode variables,
      Randomness random) {
    JsonNode ctx = context == null ? Json.object() : context;
    return new QueryScope() {
      @Override
      public JsonNode input() {
        return input;
      }

      @Override
      public JsonNode context() {
        return ctx;
      }

      @Override
      public JsonNode variable(String variable) {
        return variables == null ? null : variables.get(variable);
      }

      @Override
      public Randomness random() {
        return random;
      }
    };
  }

  /** Replaces every transition target with a sentinel Succeed state, recording the real name. */
  private static void retarget(ObjectNode state, Map<String, String> targets) {
    replaceNext(state, "Next", targets);
    replaceNext(state, "Default", targets);
    for (String list : List.of("Choices", "Catch")) {
      JsonNode items = state.get(list);
      if (items instanceof ArrayNode array) {
        for (JsonNode item : array) {
          if (item instanceof ObjectNode rule) {
            replaceNext(rule, "Next", targets);
          }
        }
      }
    }
  }

  private static void replaceNext(ObjectNode node, String field, Map<String, String> targets) {
    JsonNode next = node.get(field);
    if (next != null && next.isTextual()) {
      String sentinel = null;
      for (Map.Entry<String, String> t : targets.entrySet()) {
        if (t.getValue().equals(next.asText())) {
          sentinel = t.getKey();
        }
      }
      if (sentinel == null) {
        sentinel = SENTINEL + targets.size();
        targets.put(sentinel, next.asText());
      }
      node.put(field, sentinel);
    }
  }

  /** A Map or Parallel under a mock: a Task keeping the fields that shape its result. */
  private static ObjectNode asMockTask(ObjectNode state) {
    ObjectNode task = Json.object();
    task.put("Type", "Task");
    task.put("Resource", MOCK_RESOURCE);
    for (String field : List.of("Comment", "QueryLanguage", "InputPath", "ResultSelector",
        "ResultPath", "OutputPath", "Output", "Assign", "Catch", "Next", "End")) {
      if (state.has(field)) {
        task.set(field, state.get(field));
      }
    }
    return task;
  }

  private static JsonNode stateCatchers(State state) {
    ArrayNode array = Json.array();
    if (state != null) {
      state.catchers().forEach(c -> {
        ObjectNode item = array.addObject();
        ArrayNode names = item.putArray("ErrorEquals");
        c.errorEquals().forEach(names::add);
      });
    }
    return array;
  }

  /** The index of the first Retry or Catch entry whose ErrorEquals matches, or -1. */
  private static int matchingIndex(JsonNode entries, String error) {
    if (entries == null || !entries.isArray()) {
      return -1;
    }
    int index = 0;
    for (Iterator<JsonNode> it = entries.elements(); it.hasNext(); index++) {
      for (JsonNode name : it.next().path("ErrorEquals")) {
        String n = name.asText();
        if (n.equals(error) || n.equals("States.ALL")
            || (n.equals("States.TaskFailed") && !"States.Timeout".equals(error))) {
          return index;
        }
      }
    }
    return -1;
  }

  private static JsonNode json(String text, String field) {
    if (text == null) {
      return null;
    }
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      if (field.equals("input")) {
        throw SfnErrors.invalidExecutionInput(String.valueOf(e.getMessage()));
      }
      throw SfnErrors.validation("Invalid JSON in '" + field + "': " + e.getMessage());
    }
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
