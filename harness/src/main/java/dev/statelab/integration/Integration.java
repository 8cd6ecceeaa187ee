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
}
