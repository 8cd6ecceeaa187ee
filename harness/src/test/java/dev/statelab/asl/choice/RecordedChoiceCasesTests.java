package dev.statelab.asl.choice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.errors.Diagnostic;
import dev.statelab.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the Choice rule cases recorded against real AWS (the shared conformance corpus).
 *
 * <p>Each {@code choice_operators_*} case is a Choice state routing to one of two Pass states whose
 * static {@code Result} is the execution output, so the recorded output tells which branch AWS
 * took. Its rules are evaluated in order against the recorded input (context: an empty object; no
 * variables), and the output of the branch chosen must equal the recording.
 */
class RecordedChoiceCasesTests {

  private static final String DIR_PROPERTY = "statelab.conformance.dir";

  private static Path casesDirectory() {
    String dir = System.getProperty(DIR_PROPERTY);
    assumeTrue(dir != null && !dir.isBlank(),
        "system property " + DIR_PROPERTY + " is not set (Maven's surefire sets it); no recorded cases to replay");
    Path cases = Path.of(dir).resolve("cases");
    assumeTrue(Files.isDirectory(cases), "no recorded cases folder at " + cases);
    return cases;
  }

  private static List<Path> caseFiles(Path folder, String prefix) {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(".json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return Json.parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyRecordedChoiceOperatorCaseTakesTheBranchAwsTook() {
    List<Path> files = caseFiles(casesDirectory(), "choice_operators_");
    assertThat(files).as("recorded choice_operators cases").isNotEmpty();
    System.out.println("RecordedChoiceCasesTests: replaying " + files.size() + " recorded choice_operators cases");
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> replay(read(file))));
  }

  private static void replay(JsonNode recorded) {
    JsonNode expected = recorded.get("expected");
    assertThat(expected.get("status").textValue()).isEqualTo("SUCCEEDED");
    JsonNode states = recorded.get("definition").get("States");
    String start = recorded.get("definition").get("StartAt").textValue();
    JsonNode choice = states.get(start);
    assertThat(choice.get("Type").textValue()).isEqualTo("Choice");

    ChoiceTesting.TestScope scope = new ChoiceTesting.TestScope(recorded.get("input"), Json.object(), Map.of());
    String next = route(start, choice, scope);
    assertThat(predictOutput(states, next)).isEqualTo(expected.get("output"));
  }

  /** The state a Choice state goes to: the Next of the first matching rule, else Default. */
  private static String route(String name, JsonNode choice, ChoiceTesting.TestScope scope) {
    JsonNode choices = choice.get("Choices");
    for (int i = 0; i < choices.size(); i++) {
      List<Diagnostic> problems = new ArrayList<>();
      ChoiceRule rule = ChoiceRuleParser.parse(choices.get(i), "/States/" + name + "/Choices/" + i, true, problems::add);
      assertThat(problems).as("problems in a definition AWS accepted").isEmpty();
      if (rule.matches(scope)) {
        return choices.get(i).get("Next").textValue();
      }
    }
    if (!choice.has("Default")) {
      return fail("no rule matched and the Choice state has no Default");
    }
    return choice.get("Default").textValue();
  }

  /** The output of the branch: these definitions end in a Pass state whose static Result is the output. */
  private static JsonNode predictOutput(JsonNode states, String name) {
    JsonNode state = states.get(name);
    assertThat(state).as("state " + name).isNotNull();
    assertThat(state.get("Type").textValue()).isEqualTo("Pass");
    for (String field : List.of("InputPath", "Parameters", "ResultPath", "OutputPath", "ResultSelector", "Next")) {
      assertThat(state.has(field)).as("Pass field %s, which this replay does not evaluate", field).isFalse();
    }
    assertThat(state.path("End").asBoolean()).isTrue();
    return state.get("Result");
  }

  @TestFactory
  Stream<DynamicTest> everyJsonPathChoiceRuleInADefinitionAwsAcceptedParsesWithoutProblems() {
    Path cases = casesDirectory();
    List<Path> files = new ArrayList<>(caseFiles(cases, ""));
    Path services = cases.resolveSibling("services");
    if (Files.isDirectory(services)) {
      files.addAll(caseFiles(services, ""));
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files) {
      JsonNode recorded = read(file);
      if ("CREATE_FAILED".equals(recorded.path("expected").path("status").textValue())) {
        continue;
      }
      JsonNode definition = recorded.get("definition");
      List<Map.Entry<String, JsonNode>> rules = new ArrayList<>();
      collectRules(definition.get("States"), "/States", "JSONata".equals(definition.path("QueryLanguage").textValue()), rules);
      if (!rules.isEmpty()) {
        tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
          for (Map.Entry<String, JsonNode> rule : rules) {
            List<Diagnostic> problems = new ArrayList<>();
            ChoiceRule parsed = ChoiceRuleParser.parse(rule.getValue(), rule.getKey(), true, problems::add);
            assertThat(problems).as(rule.getKey()).isEmpty();
            assertThat(parsed).isNotNull();
          }
        }));
      }
    }
    System.out.println("RecordedChoiceCasesTests: " + tests.size() + " accepted definitions hold JSONPath Choice rules");
    assertThat(tests).isNotEmpty();
    return tests.stream();
  }

  /** Collects the top-level rules of JSONPath Choice states, also inside Parallel branches and Map processors. */
  private static void collectRules(
      JsonNode states, String location, boolean jsonataByDefault, List<Map.Entry<String, JsonNode>> out) {
    for (Map.Entry<String, JsonNode> entry : states.properties()) {
      JsonNode state = entry.getValue();
      String at = location + "/" + entry.getKey();
      JsonNode language = state.get("QueryLanguage");
      boolean jsonata = language == null ? jsonataByDefault : "JSONata".equals(language.textValue());
      if ("Choice".equals(state.path("Type").textValue()) && !jsonata) {
        JsonNode choices = state.get("Choices");
        for (int i = 0; i < choices.size(); i++) {
          out.add(Map.entry(at + "/Choices/" + i, choices.get(i)));
        }
      }
      JsonNode branches = state.get("Branches");
      if (branches != null) {
        for (int i = 0; i < branches.size(); i++) {
          collectRules(branches.get(i).get("States"), at + "/Branches/" + i + "/States", jsonataByDefault, out);
        }
      }
      for (String processor : List.of("Iterator", "ItemProcessor")) {
        JsonNode inner = state.get(processor);
        if (inner != null) {
          collectRules(inner.get("States"), at + "/" + processor + "/States", jsonataByDefault, out);
        }
      }
    }
  }
}
