package dev.statelab.integration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a task that runs a job ({@code .sync}) tells the engine it has been submitted, so that the
 * history shows {@code TaskSubmitted} with the submit call's response while the job runs.
 */
@FunctionalInterface
public interface TaskProgress {

  /** A progress sink that ignores reports. */
  TaskProgress NONE = response -> {};

  /** The job was submitted; {@code response} is what the submit call returned. */
  void submitted(JsonNode response);
}
