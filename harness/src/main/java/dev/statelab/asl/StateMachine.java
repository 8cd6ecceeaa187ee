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

  /** The start state's name. */
  public String startAt() {
    return graph.startAt();
  }

  /** A top-level state by name, or null. */
  public State state(String name) {
    return graph.state(name);
  }
}
