package dev.statelab.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.errors.Diagnostic;
import dev.statelab.asl.model.QueryLanguage;
import dev.statelab.asl.model.State;
import dev.statelab.asl.model.StateGraph;
import java.util.List;

/**
 * A parsed, validated state machine definition: immutable, and safe to run many times from many
 * threads. Paths, templates, intrinsic calls and JSONata expressions are compiled once, here.
 *
 * @param graph the top-level states
 * @param comment the Comment, or null
 * @param timeoutSeconds the execution TimeoutSeconds, or null
 * @param queryLanguage the top-level QueryLanguage
 * @param definition the definition as parsed JSON
 * @param definitionText the definition as the caller wrote it
 */
public record StateMachine(
    StateGraph graph,
    String comment,
    Integer timeoutSeconds,
    QueryLanguage queryLanguage,
    JsonNode definition,
    String definitionText) {

  /**
   * Parses and validates a definition.
   *
   * @throws InvalidDefinitionException with every problem found, when the definition is invalid
   */
  public static StateMachine parse(String definition) {
    AslParser.ParseResult result = AslParser.parse(definition);
    if (result.machine() == null) {
      throw new InvalidDefinitionException(result.diagnostics());
    }
    return result.machine();
  }

  /**
   * Parses and validates a definition given as JSON.
   *
   * @throws InvalidDefinitionException with every problem found, when the definition is invalid
   */
  public static StateMachine parse(JsonNode definition) {
    AslParser.ParseResult result = AslParser.parse(definition);
    if (result.machine() == null) {
      throw new InvalidDefinitionException(result.diagnostics());
    }
    return result.machine();
  }

  /** Every problem in a definition (empty when it is valid), as ValidateStateMachineDefinition reports them. */
  public static List<Diagnostic> validate(String definition) {
    return AslParser.parse(definition).diagnostics();
  }

  /**
   * The problems that keep this machine from being an EXPRESS workflow: Express runs only
   * request-response integrations, so {@code .sync}, {@code .waitForTaskToken} and activities are
   * refused when the machine is created.
   */
  public List<Diagnostic> expressProblems() {
    List<Diagnostic> problems = new java.util.ArrayList<>();
    collectExpressProblems(graph, problems);
    return problems;
  }

  private static void collectExpressProblems(dev.statelab.asl.model.StateGraph g, List<Diagnostic> problems) {
    for (State s : g.states().values()) {
      if (s instanceof State.Task t && t.resource() != null) {
        String r = t.resource();
        boolean activity = r.contains(":activity:");
        boolean callback = r.endsWith(".waitForTaskToken");
        boolean sync = r.endsWith(".sync") || r.contains(".sync:");
        if (activity || callback || sync) {
          String what = activity ? "activities" : callback ? "the .waitForTaskToken pattern" : "the .sync pattern";
          problems.add(Diagnostic.schema("Express state machines do not support " + what, s.common().location() + "/Resource"));
        }
      } else if (s instanceof State.Parallel p) {
        p.branches().forEach(b -> collectExpressProblems(b, problems));
      } else if (s instanceof State.Map m && m.processor() != null && !m.distributed()) {
        collectExpressProblems(m.processor(), problems);
      }
    }
  }

  /** The start state's name. */
  public String startAt() {
    return graph.startAt();
  }

  /** A top-level state by name, or null. */
  public State state(String name) {
    return graph.state(name);
  }
}
