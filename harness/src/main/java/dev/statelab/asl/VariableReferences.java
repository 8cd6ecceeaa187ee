package dev.statelab.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.jsonata.JsonataSyntaxException;
import dev.statelab.asl.jsonata.JsonataTemplate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which workflow variables each state reads, as DescribeStateMachine's
 * {@code variableReferences} reports them: state name to the sorted variable names.
 */
public final class VariableReferences {

  private static final Set<String> NESTED_GRAPHS = Set.of("Branches", "ItemProcessor", "Iterator");
  private static final Set<String> PATH_FIELDS = Set.of(
      "InputPath", "OutputPath", "ItemsPath", "Variable", "SecondsPath", "TimestampPath", "TimeoutSecondsPath",
      "HeartbeatSecondsPath", "MaxConcurrencyPath", "ToleratedFailurePercentagePath", "ToleratedFailureCountPath",
      "ErrorPath", "CausePath");
  private static final Pattern VARIABLE = Pattern.compile("(?<![\\w$])\\$([A-Za-z_][A-Za-z0-9_]*)");

  private VariableReferences() {}

  /** The variables each state of the machine (nested ones included) reads; states reading none are left out. */
  public static Map<String, List<String>> of(StateMachine machine) {
    Map<String, List<String>> out = new TreeMap<>();
    collectGraph(machine.definition(), "JSONata".equals(machine.definition().path("QueryLanguage").asText()), out);
    return out;
  }

  private static void collectGraph(JsonNode graph, boolean jsonata, Map<String, List<String>> out) {
    JsonNode states = graph.get("States");
    if (states == null || !states.isObject()) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> it = states.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode state = e.getValue();
      boolean stateJsonata = state.has("QueryLanguage") ? "JSONata".equals(state.get("QueryLanguage").asText()) : jsonata;
      Set<String> names = new TreeSet<>();
      Iterator<Map.Entry<String, JsonNode>> fields = state.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        if (NESTED_GRAPHS.contains(f.getKey())) {
          if (f.getValue().isArray()) {
            f.getValue().forEach(b -> collectGraph(b, stateJsonata, out));
          } else {
            collectGraph(f.getValue(), stateJsonata, out);
          }
        } else {
          scan(f.getKey(), f.getValue(), stateJsonata, names);
        }
      }
      if (!names.isEmpty()) {
        out.put(e.getKey(), List.copyOf(names));
      }
    }
  }

  private static void scan(String key, JsonNode value, boolean jsonata, Set<String> names) {
    if (value.isTextual()) {
      String text = value.asText();
      if (jsonata) {
        if (JsonataTemplate.isExpression(text)) {
          try {
            names.addAll(JsonataTemplate.compile(value, key).referencedVariables());
          } catch (JsonataSyntaxException e) {
            // an invalid expression reads nothing; validation reports it
          }
        }
      } else if (key.endsWith(".$") || PATH_FIELDS.contains(key)) {
        if (!text.startsWith("$$")) {
          Matcher m = VARIABLE.matcher(text);
          while (m.find()) {
            names.add(m.group(1));
          }
        }
      }
      return;
    }
    if (value.isObject()) {
      value.fields().forEachRemaining(f -> scan(f.getKey(), f.getValue(), jsonata, names));
    } else if (value.isArray()) {
      value.forEach(v -> scan(key, v, jsonata, names));
    }
  }
}
