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

  /**
   * Marks an answer as completed by the world's own timers (an injected delay), not by real I/O:
   * the virtual clock then moves on while the task waits for it, as it does for
   * {@link Integration#completesOnWorldClock()}.
   */
  static CompletionStage<JsonNode> onWorldClock(CompletionStage<JsonNode> answer) {
    WorldClockStage marked = new WorldClockStage();
    answer.whenComplete((r, e) -> {
      if (e != null) {
        marked.completeExceptionally(e instanceof java.util.concurrent.CompletionException && e.getCause() != null
            ? e.getCause() : e);
      } else {
        marked.complete(r);
      }
    });
    return marked;
  }

  /** True when {@code answer} was marked with {@link #onWorldClock}. */
  static boolean completesOnWorldClock(CompletionStage<?> answer) {
    return answer instanceof WorldClockStage;
  }

  /** An interceptor's answer that the world's timers complete. */
  final class WorldClockStage extends java.util.concurrent.CompletableFuture<JsonNode> {
    private WorldClockStage() {}
  }
}
