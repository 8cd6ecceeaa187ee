package dev.statelab.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.World;

/** What a chaos experiment runs: a definition, the services it needs in a world, and its input. */
public interface Workload {

  /** A short name, e.g. {@code retry-storm}. */
  String name();

  /** The ASL definition (JSON). */
  JsonNode definition();

  /** Registers in the world what the definition calls (Lambda functions, Batch queues, runners). */
  void setup(World world);

  /** The input of the {@code index}-th execution of a cell. */
  JsonNode input(int index);
}
