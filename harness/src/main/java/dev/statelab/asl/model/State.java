package dev.statelab.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.choice.ChoiceRule;
import dev.statelab.asl.jsonata.JsonataTemplate;
import dev.statelab.asl.template.DynamicValue;
import java.util.List;

/** A state of a state machine: one record per ASL state type. */
public sealed interface State
    permits State.Pass, State.Task, State.Choice, State.Wait, State.Succeed, State.Fail, State.Parallel, State.Map {

  /** The fields every state has. */
  StateCommon common();

  /** The state's name. */
  default String name() {
    return common().name();
  }

  /** The state's ASL type name. */
  default String type() {
    return common().type();
  }

  /** The Retry list (empty for states without one). */
  default List<Retrier> retry() {
    return List.of();
  }

  /** The Catch list (empty for states without one). */
  default List<Catcher> catchers() {
    return List.of();
  }

  /**
   * A Pass state.
   *
   * @param result the literal Result, or null
   */
  record Pass(StateCommon common, JsonNode result) implements State {}

  /**
   * A Task state.
   *
   * @param resource the Resource ARN
   * @param timeoutSeconds TimeoutSeconds or its Path/JSONata forms, or null
   * @param heartbeatSeconds HeartbeatSeconds or its Path/JSONata forms, or null
   * @param credentials the Credentials block as written, or null
   */
  record Task(
      StateCommon common,
      String resource,
      ValueSource timeoutSeconds,
      ValueSource heartbeatSeconds,
      JsonNode credentials,
      List<Retrier> retry,
      List<Catcher> catchers)
      implements State {}

  /**
   * A Choice state.
   *
   * @param choices the rules, in order
   * @param defaultNext the Default state, or null
   */
  record Choice(StateCommon common, List<ChoiceBranch> choices, String defaultNext) implements State {}

  /**
   * One rule of a Choice state with where it leads.
   *
   * @param rule the JSONPath condition, or null in JSONata mode
   * @param condition the JSONata Condition, or null in JSONPath mode
   * @param next the state to go to when it matches
   * @param assign the rule's Assign, or null
   * @param output the rule's JSONata Output, or null
   * @param location the rule's JSON Pointer
   */
  record ChoiceBranch(
      ChoiceRule rule, JsonataTemplate condition, String next, Assignment assign, JsonataTemplate output, String location) {}

  /**
   * A Wait state: exactly one of seconds and timestamp is set.
   *
   * @param seconds Seconds / SecondsPath / JSONata Seconds, or null
   * @param timestamp Timestamp / TimestampPath / JSONata Timestamp, or null
   */
  record Wait(StateCommon common, ValueSource seconds, ValueSource timestamp) implements State {}

  /** A Succeed state. */
  record Succeed(StateCommon common) implements State {}

  /**
   * A Fail state.
   *
   * @param error the literal Error, or null
   * @param cause the literal Cause, or null
   * @param errorPath the ErrorPath, or null
   * @param causePath the CausePath, or null
   * @param errorExpression the JSONata Error, or null
   * @param causeExpression the JSONata Cause, or null
   */
  record Fail(
      StateCommon common,
      String error,
      String cause,
      DynamicValue errorPath,
      DynamicValue causePath,
      JsonataTemplate errorExpression,
      JsonataTemplate causeExpression)
      implements State {}

  /**
   * A Parallel state.
   *
   * @param branches the branches, in order
   */
  record Parallel(StateCommon common, List<StateGraph> branches, List<Retrier> retry, List<Catcher> catchers)
      implements State {}

  /**
   * A Map state.
   *
   * @param processor the ItemProcessor (or legacy Iterator) graph
   * @param distributed true for {@code ProcessorConfig.Mode: DISTRIBUTED}
   * @param childExecutionType STANDARD or EXPRESS for distributed child executions
   * @param itemsPath the ItemsPath (JSONPath mode), or null for {@code $}
   * @param items the Items (JSONata mode), or null
   * @param itemSelector ItemSelector or legacy Parameters (JSONPath mode), or null
   * @param itemSelectorJsonata the JSONata ItemSelector, or null
   * @param maxConcurrency MaxConcurrency / Path / JSONata, or null
   * @param toleratedFailurePercentage ToleratedFailurePercentage / Path / JSONata, or null
   * @param toleratedFailureCount ToleratedFailureCount / Path / JSONata, or null
   * @param itemReader the ItemReader block as written, or null
   * @param itemBatcher the ItemBatcher block as written, or null
   * @param resultWriter the ResultWriter block as written, or null
   * @param label the Label, or null
   */
  record Map(
      StateCommon common,
      StateGraph processor,
      boolean distributed,
      String childExecutionType,
      dev.statelab.asl.query.Path itemsPath,
      JsonataTemplate items,
      dev.statelab.asl.template.PayloadTemplate itemSelector,
      JsonataTemplate itemSelectorJsonata,
      ValueSource maxConcurrency,
      ValueSource toleratedFailurePercentage,
      ValueSource toleratedFailureCount,
      JsonNode itemReader,
      JsonNode itemBatcher,
      JsonNode resultWriter,
      String label,
      List<Retrier> retry,
      List<Catcher> catchers)
      implements State {}
}
