package dev.statelab.integration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Task state hands to an integration.
 *
 * @param resource the Task's Resource ARN as written
 * @param parameters the effective input (after InputPath and Parameters, or Arguments)
 * @param taskToken the task token for {@code .waitForTaskToken} tasks and activities, else null
 * @param executionArn the running execution's ARN
 * @param stateName the Task state's name
 * @param region the world's region
 * @param accountId the world's account id
 * @param nowMillis the world time when the task was scheduled
 * @param progress where a long-running ({@code .sync}) integration reports that its job was
 *     submitted; call it on the world's thread or through the world
 */
public record TaskRequest(
    String resource,
    JsonNode parameters,
    String taskToken,
    String executionArn,
    String stateName,
    String region,
    String accountId,
    long nowMillis,
    TaskProgress progress) {

  /** This request with other parameters (e.g. an integration that unwraps {@code Payload}). */
  public TaskRequest withParameters(JsonNode newParameters) {
    return new TaskRequest(resource, newParameters, taskToken, executionArn, stateName, region, accountId, nowMillis, progress);
  }
}
