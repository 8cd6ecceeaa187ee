package dev.statelab.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletionStage;

/**
 * Sees every task before its integration does and may answer it instead: mocked responses
 * (AWS's MockConfigFile test cases) and fault plans use this.
 */
@FunctionalInterface
public interface TaskInterceptor {

  /**
   * Answers a task, or returns null to let the next interceptor (and finally the integration)
   * handle it.
   *
   * @param request the task
   * @param attempt 0 for the first attempt of the state visit, 1 for the first retry, ...
   */
  CompletionStage<JsonNode> intercept(TaskRequest request, int attempt);
}
