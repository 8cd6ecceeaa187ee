package dev.statelab.asl.query.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.statelab.asl.errors.ErrorNames;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.asl.query.Path;
import dev.statelab.asl.query.PathNotFoundException;
import dev.statelab.asl.query.QueryScope;
import dev.statelab.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the intrinsic calls of the AWS-recorded conformance cases and compares with what AWS did.
 *
 * <p>Applicable cases are those whose definition is one JSONPath Pass state with nothing but
 * {@code Parameters} (and {@code Next}/{@code End}/{@code Comment}) holding at least one intrinsic
 * {@code .$} value, possibly in nested objects. Their {@code Parameters} are applied to the case
 * input (intrinsics through {@link IntrinsicParser}, plain paths through {@link Path}) in a scope
 * whose context object carries the recordings' placeholders for names and ARNs. The result is
 * compared with the recorded output (JSON equality, numbers by value, object keys unordered), or
 * with the recorded error and cause (the engine's state prefix stripped), or, for a definition AWS
 * refused, with a parse failure. Values that the recording replaced by a test-specific token
 * ({@code generated-uuid}, {@code RandomNumberGenerated}) or by {@code <uuid:N>} match any value of
 * the right shape. Cases using anything else (Result, ResultPath, several states, JSONata) are left
 * out by that filter, never by id.
 */
class RecordedIntrinsicCasesTests {

  /** The system property naming the corpus folder (surefire sets it). */
  static final String DIRECTORY_PROPERTY = "statelab.conformance.dir";

  private static final Set<String> PASS_FIELDS = Set.of("Type", "Parameters", "Next", "End", "Comment", "QueryLanguage");
  private static final Pattern STATE_PREFIX =
      Pattern.compile("^An error occurred while executing the state '.*?' \\(entered at the event id #\\d+\\)\\. ", Pattern.DOTALL);
  private static final Pattern JSON_INPUT_PLACEHOLDER = Pattern.compile("<json-input:\\d+>");
  private static final Pattern UUID_PLACEHOLDER = Pattern.compile("<uuid:\\d+>");
  private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern TRANSFORMER = Pattern.compile("^(?:RegexTransformer|JsonpathTransformer)\\(.*'([^']*)'");

  @TestFactory
  Stream<DynamicTest> recordedIntrinsicCasesBehaveAsAwsRecorded() throws IOException {
    String directory = System.getProperty(DIRECTORY_PROPERTY);
    java.nio.file.Path casesDirectory = directory == null ? null : java.nio.file.Path.of(directory, "cases");
    Assumptions.assumeTrue(
        casesDirectory != null && Files.isDirectory(casesDirectory),
        "The AWS-recorded conformance corpus was not found; set -D" + DIRECTORY_PROPERTY
            + " to the localstack-aws-recorded folder to run these cases");

    List<java.nio.file.Path> files = new ArrayList<>();
    for (String sub : new String[] {"cases", "services"}) {
      java.nio.file.Path folder = java.nio.file.Path.of(directory, sub);
      if (Files.isDirectory(folder)) {
        try (Stream<java.nio.file.Path> listing = Files.list(folder)) {
          listing.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
      }
    }

    List<Outcome> outcomes = new ArrayList<>();
    Map<String, Integer> skipped = new TreeMap<>();
    for (java.nio.file.Path file : files) {
      JsonNode recorded = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
      String reason = whyNotApplicable(recorded);
      if (reason != null) {
        skipped.merge(reason, 1, Integer::sum);
        continue;
      }
      outcomes.add(new Outcome(recorded.path("id").asText(file.getFileName().toString()), check(recorded)));
    }

    long passed = outcomes.stream().filter(o -> o.problem() == null).count();
    System.out.printf(
        "Recorded intrinsic cases: %d applicable, %d passed, %d failed; %d skipped (%s)%n",
        outcomes.size(),
        passed,
        outcomes.size() - passed,
        skipped.values().stream().mapToInt(Integer::intValue).sum(),
        skipped.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
    outcomes.stream().filter(o -> o.problem() != null).forEach(o -> System.out.println("  FAILED " + o.id() + ": " + o.problem()));

    assertThat(outcomes).as("applicable recorded cases").isNotEmpty();
    return outcomes.stream()
        .map(o -> DynamicTest.dynamicTest(o.id(), () -> assertThat(o.problem()).as(o.id()).isNull()));
  }

  /** A case's result: null when it behaved as recorded, else what differed. */
  private record Outcome(String id, String problem) {}

  /** Null when the case is a single intrinsic-using Pass state, else why it is left out. */
  private static String whyNotApplicable(JsonNode recorded) {
    JsonNode definition = recorded.path("definition");
    if ("JSONata".equals(definition.path("QueryLanguage").asText())) {
      return "JSONata";
    }
    JsonNode states = definition.path("States");
    if (states.size() != 1) {
      return "not a single state";
    }
    JsonNode state = states.elements().next();
    if (!"Pass".equals(state.path("Type").asText())) {
      return "not a Pass state";
    }
    Iterator<String> fields = state.fieldNames();
    while (fields.hasNext()) {
      String field = fields.next();
      if (!PASS_FIELDS.contains(field) || ("QueryLanguage".equals(field) && !"JSONPath".equals(state.get(field).asText()))) {
        return "Pass state using fields beyond Parameters";
      }
    }
    if (!state.has("Parameters") || !containsIntrinsic(state.get("Parameters"))) {
      return "no intrinsic in Parameters";
    }
    String status = recorded.path("expected").path("status").asText();
    if (!Set.of("SUCCEEDED", "FAILED", "CREATE_FAILED").contains(status)) {
      return "execution not finished";
    }
    return null;
  }

  private static boolean containsIntrinsic(JsonNode template) {
    if (template.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().endsWith(".$") && IntrinsicParser.looksLikeIntrinsic(field.getValue().asText(null))) {
          return true;
        }
        if (containsIntrinsic(field.getValue())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Runs one applicable case; null when it behaved as recorded. */
  private static String check(JsonNode recorded) {
    JsonNode definition = recorded.get("definition");
    Map.Entry<String, JsonNode> state = definition.get("States").fields().next();
    JsonNode expected = recorded.get("expected");
    String status = expected.get("status").asText();

    JsonNode template;
    try {
      template = compile(state.getValue().get("Parameters"));
    } catch (IntrinsicSyntaxException e) {
      return "CREATE_FAILED".equals(status) ? null : "did not parse: " + e.getMessage();
    }
    if ("CREATE_FAILED".equals(status)) {
      return "parsed, but AWS refused the definition: " + expected.path("message").asText();
    }

    JsonNode input = recorded.hasNonNull("input") ? recorded.get("input") : Json.object();
    QueryScope scope = scope(input, state.getKey());
    Set<String> tokens = replacementTokens(recorded);
    try {
      JsonNode output = apply(template, scope);
      if (!"SUCCEEDED".equals(status)) {
        return "succeeded with " + Json.write(output) + " but AWS failed with " + expected.path("error").asText();
      }
      return matches(expected.get("output"), output, tokens)
          ? null
          : "output " + Json.write(output) + " differs from recorded " + Json.write(expected.get("output"));
    } catch (StatesError e) {
      if (!"FAILED".equals(status)) {
        return "failed with " + e.error() + ": " + e.cause() + " but AWS succeeded";
      }
      String recordedCause = STATE_PREFIX.matcher(expected.path("cause").asText("")).replaceFirst("");
      if (!expected.path("error").asText().equals(e.error())) {
        return "error " + e.error() + " differs from recorded " + expected.path("error").asText();
      }
      return causeMatches(recordedCause, e.cause()) ? null : "cause '" + e.cause() + "' differs from recorded '" + recordedCause + "'";
    }
  }

  /**
   * Parameters with every {@code .$} string replaced by its parsed form: an {@link Intrinsic} or a
   * {@link Path}, kept in a pojo node.
   */
  private static JsonNode compile(JsonNode template) throws IntrinsicSyntaxException {
    if (!template.isObject()) {
      return template;
    }
    ObjectNode compiled = Json.object();
    Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.endsWith(".$") && value.isTextual()) {
        Object parsed =
            IntrinsicParser.looksLikeIntrinsic(value.textValue())
                ? IntrinsicParser.parse(value.textValue())
                : Path.compile(value.textValue());
        compiled.putPOJO(key, parsed);
      } else {
        compiled.set(key, compile(value));
      }
    }
    return compiled;
  }

  private static JsonNode apply(JsonNode compiled, QueryScope scope) {
    if (!compiled.isObject()) {
      return compiled.deepCopy();
    }
    ObjectNode result = Json.object();
    Iterator<Map.Entry<String, JsonNode>> fields = compiled.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (value.isPojo()) {
        String name = key.substring(0, key.length() - 2);
        Object parsed = ((POJONode) value).getPojo();
        if (parsed instanceof Intrinsic intrinsic) {
          result.set(name, intrinsic.evaluate(scope));
        } else {
          Path path = (Path) parsed;
          try {
            result.set(name, path.evaluate(scope));
          } catch (PathNotFoundException e) {
            throw new StatesError(
                ErrorNames.RUNTIME,
                "The JSONPath '" + path.text() + "' specified for the field '" + key
                    + "' could not be found in the input '" + Json.write(scope.input()) + "'");
          }
        }
      } else {
        result.set(key, apply(value, scope));
      }
    }
    return result;
  }

  /** A scope whose context object carries the recordings' placeholders. */
  private static QueryScope scope(JsonNode input, String stateName) {
    ObjectNode context = Json.object();
    ObjectNode execution = context.putObject("Execution");
    execution.put("Id", "arn:<partition>:states:<region>:111111111111:execution:<ArnPart_0idx>:<ExecArnPart_0idx>");
    execution.set("Input", input.deepCopy());
    execution.put("Name", "<ExecArnPart_0idx>");
    execution.put("RoleArn", "snf_role_arn");
    execution.put("StartTime", "date");
    ObjectNode stateNode = context.putObject("State");
    stateNode.put("EnteredTime", "date");
    stateNode.put("Name", stateName);
    ObjectNode machine = context.putObject("StateMachine");
    machine.put("Id", "arn:<partition>:states:<region>:111111111111:stateMachine:<ArnPart_0idx>");
    machine.put("Name", "<ArnPart_0idx>");
    return new TestScope(input, context, Map.of(), TestScope.seeded(1));
  }

  /** The tokens the recording's own transformers put in place of unpredictable values. */
  private static Set<String> replacementTokens(JsonNode recorded) {
    Set<String> tokens = new HashSet<>();
    for (JsonNode transformer : recorded.path("source").path("snapshot_transformers")) {
      Matcher m = TRANSFORMER.matcher(transformer.asText());
      if (m.find()) {
        tokens.add(m.group(1));
      }
    }
    return tokens;
  }

  /** JSON equality with numbers by value, object keys unordered and placeholders as wildcards. */
  private static boolean matches(JsonNode expected, JsonNode actual, Set<String> tokens) {
    if (expected.isTextual() && tokens.contains(expected.textValue())) {
      return actual != null && !actual.isMissingNode();
    }
    if (expected.isTextual() && UUID_PLACEHOLDER.matcher(expected.textValue()).matches()) {
      return actual.isTextual() && UUID_SHAPE.matcher(actual.textValue()).matches();
    }
    if (expected.isNumber() && actual.isNumber()) {
      return new BigDecimal(expected.asText()).compareTo(new BigDecimal(actual.asText())) == 0;
    }
    if (expected.isObject() && actual.isObject()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!actual.has(field.getKey()) || !matches(field.getValue(), actual.get(field.getKey()), tokens)) {
          return false;
        }
      }
      return true;
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!matches(expected.get(i), actual.get(i), tokens)) {
          return false;
        }
      }
      return true;
    }
    return expected.equals(actual);
  }

  /** Cause equality where {@code <json-input:N>} stands for any quoted JSON document. */
  private static boolean causeMatches(String recorded, String actual) {
    StringBuilder regex = new StringBuilder();
    Matcher m = JSON_INPUT_PLACEHOLDER.matcher(recorded);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(recorded.substring(last, m.start()))).append(".*");
      last = m.end();
    }
    regex.append(Pattern.quote(recorded.substring(last)));
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual).matches();
  }
}
