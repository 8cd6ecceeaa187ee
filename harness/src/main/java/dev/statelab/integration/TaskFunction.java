package dev.statelab.integration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A synchronous in-JVM task handler: input in, result out. Throw a
 * {@link dev.statelab.asl.errors.StatesError} to fail with an error name and cause; any other
 * exception fails the task with the exception's class name as the error, as Lambda's Java runtime
 * reports it.
 */
@FunctionalInterface
public interface TaskFunction {

  /** Handles one invocation. */
  JsonNode apply(JsonNode input) throws Exception;
}
