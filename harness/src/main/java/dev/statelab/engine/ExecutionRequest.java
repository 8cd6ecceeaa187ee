package dev.statelab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;

/**
 * How to start one execution.
 *
 * @param input the execution input
 * @param name the execution name, or null for a generated one
 * @param type STANDARD or EXPRESS
 * @param stateMachineName the state machine's name (used in ARNs and the context object)
 * @param roleArn the execution role ARN
 * @param contextOverrides members merged over the context object ({@code $$}), as TestState's
 *     {@code context} does; null for none
 */
public record ExecutionRequest(
    JsonNode input, String name, ExecutionType type, String stateMachineName, String roleArn, JsonNode contextOverrides) {

  /** A STANDARD execution of a machine named {@code StateMachine} with generated name. */
  public static ExecutionRequest of(JsonNode input) {
    return new ExecutionRequest(input == null ? Json.object() : input, null, ExecutionType.STANDARD, null, null, null);
  }

  /** This request with an execution name. */
  public ExecutionRequest withName(String newName) {
    return new ExecutionRequest(input, newName, type, stateMachineName, roleArn, contextOverrides);
  }

  /** This request with a workflow type. */
  public ExecutionRequest withType(ExecutionType newType) {
    return new ExecutionRequest(input, name, newType, stateMachineName, roleArn, contextOverrides);
  }

  /** This request with a state machine name. */
  public ExecutionRequest withStateMachineName(String newName) {
    return new ExecutionRequest(input, name, type, newName, roleArn, contextOverrides);
  }

  /** This request with members merged over the context object (objects merge key by key). */
  public ExecutionRequest withContext(JsonNode overrides) {
    return new ExecutionRequest(input, name, type, stateMachineName, roleArn, overrides);
  }

  /** This request with an execution role. */
  public ExecutionRequest withRoleArn(String newRoleArn) {
    return new ExecutionRequest(input, name, type, stateMachineName, newRoleArn, contextOverrides);
  }
}
