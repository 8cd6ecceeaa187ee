package dev.statelab.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletionStage;

/**
 * Does the work of a Task state. Implementations never block the world: they return a stage
 * that completes with the task's result or fails with a
 * {@link dev.statelab.asl.errors.StatesError} naming the error as AWS names it.
 */
@FunctionalInterface
public interface Integration {

  /** Starts the task. */
  CompletionStage<JsonNode> invoke(TaskRequest request);

  /**
   * True when the result is produced by the world's own timers (a simulated job, a nested
   * execution), not by real I/O: the virtual clock then moves on without waiting for it.
   */
  default boolean completesOnWorldClock() {
    return false;
  }

  /** An integration whose results come from the world's own timers (see {@link #completesOnWorldClock}). */
  static Integration onWorldClock(Integration integration) {
    return new Integration() {
      @Override
      public CompletionStage<JsonNode> invoke(TaskRequest request) {
        return integration.invoke(request);
      }

      @Override
      public boolean completesOnWorldClock() {
        return true;
      }
    };
  }
}
