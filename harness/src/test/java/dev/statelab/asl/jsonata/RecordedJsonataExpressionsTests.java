package dev.statelab.asl.jsonata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays AWS-recorded executions whose definition is a single JSONata Pass state, so that the
 * recorded output or error is exactly what the state's Assign and Output templates produce from the
 * execution input.
 *
 * <p>Cases are chosen by the shape of their definition, never by id: one Pass state that ends the
 * execution, in JSONata, with an Output and/or Assign that reads nothing but {@code $states.input}
 * and {@code $states.context}. Workflow variables may be referred to: in a one-state machine none
 * is defined yet when the state's templates run (Assign takes effect after the state), so every
 * such reference is undefined.
 */
class RecordedJsonataExpressionsTests {

  private static final Pattern STATE_PREFIX =
      Pattern.compile(
          "^An error occurred while executing the state '[^']*' \\(entered at the event id"
              + " #\\d+\\)\\. ");

  @TestFactory
  Stream<DynamicTest> recordedSingleJsonataPassStatesProduceTheRecordedResult() throws IOException {
    String dir = System.getProperty("statelab.conformance.dir");
    Assumptions.assumeTrue(
        dir != null && !dir.isBlank() && Files.isDirectory(Paths.get(dir)),
        "statelab.conformance.dir is not set or not a folder; the AWS recordings are not"
            + " available");
    List<DynamicTest> tests = new ArrayList<>();
    for (String sub : List.of("cases", "services")) {
      Path folder = Paths.get(dir, sub);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.sorted().toList()) {
          JsonNode recording = Json.parse(Files.readString(file));
          Candidate candidate = candidate(recording);
          if (candidate != null) {
            tests.add(
                DynamicTest.dynamicTest(
                    file.getFileName().toString(), () -> replay(candidate, recording)));
          }
        }
      }
    }
    System.out.println(
        "RecordedJsonataExpressionsTests: "
            + tests.size()
            + " recorded single-state JSONata cases");
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  /**
   * Every EvaluationFailed event AWS recorded for a JSONata field names the field path and quotes
   * the expression exactly as compiling that field of the failing state's definition does.
   */
  @TestFactory
  Stream<DynamicTest> recordedEvaluationFailuresNameTheFieldPathAndExpressionAsCompiled()
      throws IOException {
    String dir = System.getProperty("statelab.conformance.dir");
    Assumptions.assumeTrue(
        dir != null && !dir.isBlank() && Files.isDirectory(Paths.get(dir)),
        "statelab.conformance.dir is not set or not a folder; the AWS recordings are not"
            + " available");
    Pattern quoted =
        Pattern.compile(
            "The JSONata expression '(.*)' specified for the field '([^']*)' ", Pattern.DOTALL);
    List<DynamicTest> tests = new ArrayList<>();
    for (String sub : List.of("cases", "services")) {
      Path folder = Paths.get(dir, sub);
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.sorted().toList()) {
          JsonNode recording = Json.parse(Files.readString(file));
          for (JsonNode event : recording.path("events")) {
            JsonNode details = event.path("evaluationFailedEventDetails");
            java.util.regex.Matcher m = quoted.matcher(details.path("cause").asText());
            if (!details.has("location") || !m.find()) {
              continue;
            }
            String stateName = details.path("state").asText();
            String location = details.path("location").asText();
            String expression = m.group(1);
            tests.add(
                DynamicTest.dynamicTest(
                    file.getFileName() + " " + location,
                    () -> {
                      assertThat(m.group(2)).isEqualTo(location);
                      JsonNode state = findState(recording.get("definition"), stateName);
                      assertThat(state).as("state %s in the definition", stateName).isNotNull();
                      String field = location.split("/", 2)[0];
                      JsonataTemplate template = JsonataTemplate.compile(state.get(field), field);
                      StatesError error = JsonataErrors.undefinedResult(expression, location);
                      assertThat(JsonataErrors.location(error)).contains(location);
                      JsonNode leaf = state.get(field);
                      for (String key : location.split("/")) {
                        if (!key.equals(field)) {
                          leaf = leaf.isArray() ? leaf.get(Integer.parseInt(key)) : leaf.get(key);
                        }
                      }
                      assertThat(JsonataTemplate.expressionText(leaf.textValue()))
                          .isEqualTo(expression);
                      assertThat(template.expressions()).contains(expression);
                    }));
          }
        }
      }
    }
    System.out.println(
        "RecordedJsonataExpressionsTests: " + tests.size() + " recorded EvaluationFailed events");
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  private static JsonNode findState(JsonNode node, String name) {
    if (node == null || !node.isContainerNode()) {
      return null;
    }
    if (node.path("States").has(name)) {
      return node.path("States").get(name);
    }
    for (JsonNode child : node) {
      JsonNode found = findState(child, name);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The compiled templates of a recording that fits, or null. */
  private record Candidate(String stateName, JsonataTemplate assign, JsonataTemplate output) {}

  private static Candidate candidate(JsonNode recording) {
    JsonNode definition = recording.get("definition");
    JsonNode expected = recording.get("expected");
    if (definition == null || expected == null || !definition.path("States").isObject()) {
      return null;
    }
    String status = expected.path("status").asText();
    if (!status.equals("SUCCEEDED") && !status.equals("FAILED")) {
      return null;
    }
    JsonNode states = definition.get("States");
    if (states.size() != 1) {
      return null;
    }
    String name = states.fieldNames().next();
    JsonNode state = states.get(name);
    String language =
        state.path("QueryLanguage").asText(definition.path("QueryLanguage").asText("JSONPath"));
    if (!state.path("Type").asText().equals("Pass")
        || !language.equals("JSONata")
        || !state.path("End").asBoolean(false)
        || (!state.has("Output") && !state.has("Assign"))) {
      return null;
    }
    try {
      JsonataTemplate assign =
          state.has("Assign") ? JsonataTemplate.compile(state.get("Assign"), "Assign") : null;
      JsonataTemplate output =
          state.has("Output") ? JsonataTemplate.compile(state.get("Output"), "Output") : null;
      for (JsonataTemplate t : new JsonataTemplate[] {assign, output}) {
        if (t != null
            && (t.readsWholeStates()
                || !List.of("input", "context").containsAll(t.referencedStatesFields()))) {
          return null;
        }
      }
      return new Candidate(name, assign, output);
    } catch (JsonataSyntaxException e) {
      return null;
    }
  }

  private static void replay(Candidate candidate, JsonNode recording) {
    JsonNode input = recording.get("input");
    ObjectNode states = Json.object();
    states.set("input", input);
    states.set("context", context(candidate.stateName(), input));
    JsonataBindings bindings = TestBindings.states(states);
    JsonNode expected = recording.get("expected");
    if (expected.path("status").asText().equals("SUCCEEDED")) {
      if (candidate.assign() != null) {
        candidate.assign().evaluate(bindings);
      }
      JsonNode output = candidate.output() != null ? candidate.output().evaluate(bindings) : input;
      assertThat(output).isEqualTo(expected.get("output"));
    } else {
      StatesError error =
          catchThrowableOfType(
              StatesError.class,
              () -> {
                if (candidate.assign() != null) {
                  candidate.assign().evaluate(bindings);
                }
                if (candidate.output() != null) {
                  candidate.output().evaluate(bindings);
                }
              });
      assertThat(error).as("expected the state to fail").isNotNull();
      assertThat(error.error()).isEqualTo(expected.path("error").asText());
      String cause = STATE_PREFIX.matcher(expected.path("cause").asText()).replaceFirst("");
      assertThat(error.cause()).isEqualTo(cause);
    }
  }

  /** The context object with the placeholder values the recordings use. */
  private static JsonNode context(String stateName, JsonNode input) {
    ObjectNode execution = Json.object();
    execution.put(
        "Id",
        "arn:<partition>:states:<region>:111111111111:execution:<ArnPart_0idx>:<ExecArnPart_0idx>");
    execution.set("Input", input);
    execution.put("StartTime", "date");
    execution.put("Name", "<ExecArnPart_0idx>");
    execution.put("RoleArn", "snf_role_arn");
    execution.put("RedriveCount", 0);
    ObjectNode machine = Json.object();
    machine.put("Id", "arn:<partition>:states:<region>:111111111111:stateMachine:<ArnPart_0idx>");
    machine.put("Name", "<ArnPart_0idx>");
    ObjectNode state = Json.object();
    state.put("Name", stateName);
    state.put("EnteredTime", "date");
    ObjectNode context = Json.object();
    context.set("Execution", execution);
    context.set("StateMachine", machine);
    context.set("State", state);
    return context;
  }
}
