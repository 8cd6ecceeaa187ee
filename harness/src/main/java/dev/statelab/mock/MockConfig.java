package dev.statelab.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mock configuration in the format of AWS's Step Functions Local {@code MockConfigFile.json}.
 *
 * <pre>{@code
 * {"StateMachines": {"Order": {"TestCases": {"HappyPath": {"Charge": "ChargeOk"}}}},
 *  "MockedResponses": {"ChargeOk": {"0": {"Return": {"id": 1}}},
 *                      "ChargeFlaky": {"0-1": {"Throw": {"Error": "E", "Cause": "c"}},
 *                                      "2": {"Return": {}}}}}
 * }</pre>
 *
 * @param stateMachines state machine name to test case name to (Task state name to mocked
 *     response name)
 * @param responses mocked responses by name
 */
public record MockConfig(
    Map<String, Map<String, Map<String, String>>> stateMachines,
    Map<String, MockedResponse> responses) {

  private static final Pattern INDEX = Pattern.compile("(\\d+)(?:-(\\d+))?");
  private static final int MAX_INDEX = 100_000;

  /** Copies the maps. */
  public MockConfig {
    Map<String, Map<String, Map<String, String>>> machines = new LinkedHashMap<>();
    stateMachines.forEach((machine, cases) -> {
      Map<String, Map<String, String>> copy = new LinkedHashMap<>();
      cases.forEach((name, states) -> copy.put(name, Map.copyOf(states)));
      machines.put(machine, Collections.unmodifiableMap(copy));
    });
    stateMachines = Collections.unmodifiableMap(machines);
    responses = Collections.unmodifiableMap(new LinkedHashMap<>(responses));
  }

  /** A configuration without test cases. */
  public static MockConfig empty() {
    return new MockConfig(Map.of(), Map.of());
  }

  /** Reads and checks a MockConfigFile. */
  public static MockConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MockConfigException("Cannot read mock config file " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /**
   * Parses and checks a MockConfigFile's text.
   *
   * @param source names the file in error messages
   * @throws MockConfigException naming the source and the place of the first problem
   */
  public static MockConfig parse(String text, String source) {
    JsonNode root;
    try {
      root = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new MockConfigException(source + ": not valid JSON: " + e.getMessage(), e);
    }
    Place top = new Place(source, "");
    top.require(root.isObject(), "must be a JSON object with StateMachines and MockedResponses");
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      top.require(field.equals("StateMachines") || field.equals("MockedResponses"),
          "unknown top-level field '" + field + "' (expected StateMachines and MockedResponses)");
    }
    Map<String, MockedResponse> responses = new LinkedHashMap<>();
    JsonNode mocked = root.path("MockedResponses");
    Place mockedPlace = top.at("MockedResponses");
    if (!mocked.isMissingNode()) {
      mockedPlace.require(mocked.isObject(), "must be an object of named mocked responses");
      mocked.fields().forEachRemaining(e ->
          responses.put(e.getKey(), response(e.getKey(), e.getValue(), mockedPlace.at(e.getKey()))));
    }
    Map<String, Map<String, Map<String, String>>> machines = new LinkedHashMap<>();
    JsonNode sms = root.path("StateMachines");
    Place smPlace = top.at("StateMachines");
    if (!sms.isMissingNode()) {
      smPlace.require(sms.isObject(), "must be an object of state machine names");
      sms.fields().forEachRemaining(m -> {
        Place mp = smPlace.at(m.getKey());
        mp.require(m.getValue().isObject(), "must be an object with TestCases");
        JsonNode cases = m.getValue().path("TestCases");
        Place cp = mp.at("TestCases");
        cp.require(cases.isObject(), "must be an object of test cases");
        Map<String, Map<String, String>> byCase = new LinkedHashMap<>();
        cases.fields().forEachRemaining(c -> {
          Place casePlace = cp.at(c.getKey());
          casePlace.require(c.getValue().isObject(),
              "must map Task state names to mocked response names");
          Map<String, String> states = new LinkedHashMap<>();
          c.getValue().fields().forEachRemaining(s -> {
            Place sp = casePlace.at(s.getKey());
            sp.require(s.getValue().isTextual(), "must be the name of a mocked response");
            sp.require(responses.containsKey(s.getValue().asText()),
                "names mocked response '" + s.getValue().asText()
                    + "', which MockedResponses does not define");
            states.put(s.getKey(), s.getValue().asText());
          });
          byCase.put(c.getKey(), states);
        });
        machines.put(m.getKey(), byCase);
      });
    }
    return new MockConfig(machines, responses);
  }

  private static MockedResponse response(String name, JsonNode node, Place place) {
    place.require(node.isObject() && node.size() > 0,
        "must be an object of invocation indexes (\"0\", \"1-2\") to Return or Throw");
    TreeMap<Integer, int[]> ranges = new TreeMap<>();
    Map<Integer, MockResponse> answers = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> {
      Place ip = place.at(e.getKey());
      Matcher m = INDEX.matcher(e.getKey());
      ip.require(m.matches(), "is not an invocation index or range such as \"0\" or \"1-2\"");
      int from;
      int to;
      try {
        from = Integer.parseInt(m.group(1));
        to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
      } catch (NumberFormatException ex) {
        throw ip.error("is out of range");
      }
      ip.require(from <= to, "is a range whose start is after its end");
      ip.require(to < MAX_INDEX, "is beyond the largest supported index " + (MAX_INDEX - 1));
      ip.require(!ranges.containsKey(from), "overlaps another index or range");
      ranges.put(from, new int[] {to});
      answers.put(from, answer(e.getValue(), ip));
    });
    List<MockResponse> steps = new ArrayList<>();
    int next = 0;
    for (Map.Entry<Integer, int[]> r : ranges.entrySet()) {
      if (r.getKey() != next) {
        throw place.error(r.getKey() < next
            ? "has overlapping indexes around " + r.getKey()
            : "has a gap: no answer for invocation " + next + " (indexes must be contiguous from 0)");
      }
      for (int i = r.getKey(); i <= r.getValue()[0]; i++) {
        steps.add(answers.get(r.getKey()));
      }
      next = r.getValue()[0] + 1;
    }
    return new MockedResponse(name, steps);
  }

  private static MockResponse answer(JsonNode node, Place place) {
    place.require(node.isObject(), "must be an object with Return or Throw");
    boolean hasReturn = node.has("Return");
    boolean hasThrow = node.has("Throw");
    place.require(hasReturn != hasThrow, "must have exactly one of Return and Throw");
    place.require(node.size() == 1, "has fields other than Return or Throw");
    if (hasReturn) {
      return new MockResponse.Return(node.get("Return").deepCopy());
    }
    JsonNode t = node.get("Throw");
    Place tp = place.at("Throw");
    tp.require(t.isObject(), "must be an object with Error and Cause");
    tp.require(t.path("Error").isTextual(), "needs Error as a string");
    tp.require(t.path("Cause").isTextual(), "needs Cause as a string");
    return new MockResponse.Throw(t.get("Error").asText(), t.get("Cause").asText());
  }

  /** The state-to-response mapping of a test case, if the configuration has it. */
  public Optional<Map<String, String>> testCase(String stateMachineName, String testCaseName) {
    Map<String, Map<String, String>> cases = stateMachines.get(stateMachineName);
    return Optional.ofNullable(cases == null ? null : cases.get(testCaseName));
  }

  /** This configuration with another's state machines, test cases and responses laid over it. */
  public MockConfig merge(MockConfig other) {
    Map<String, Map<String, Map<String, String>>> machines = new LinkedHashMap<>(stateMachines);
    other.stateMachines.forEach((name, cases) -> {
      Map<String, Map<String, String>> merged = new LinkedHashMap<>(machines.getOrDefault(name, Map.of()));
      merged.putAll(cases);
      machines.put(name, merged);
    });
    Map<String, MockedResponse> all = new LinkedHashMap<>(responses);
    all.putAll(other.responses);
    return new MockConfig(machines, all);
  }

  /** Where in a file a value sits, for error messages. */
  private record Place(String source, String path) {

    Place at(String key) {
      return new Place(source, path.isEmpty() ? key : path + "." + quote(key));
    }

    private static String quote(String key) {
      return key.matches("[A-Za-z_][A-Za-z0-9_]*") ? key : "\"" + key + "\"";
    }

    void require(boolean ok, String problem) {
      if (!ok) {
        throw error(problem);
      }
    }

    MockConfigException error(String problem) {
      return new MockConfigException(source + ": " + (path.isEmpty() ? "the document" : path)
          + " " + problem);
    }
  }
}
