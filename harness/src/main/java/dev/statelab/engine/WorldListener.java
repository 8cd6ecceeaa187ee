package dev.statelab.engine;

/**
 * Told what happens in a world: executions and Map Runs starting and ending. Every method has a
 * no-op default; listeners are called on the world's thread and must not block.
 */
public interface WorldListener {

  /** An execution started (its ExecutionStarted event is recorded). */
  default void executionStarted(Execution execution) {}

  /** An execution reached a terminal status. */
  default void executionEnded(Execution execution) {}

  /** A distributed Map started a Map Run. */
  default void mapRunStarted(MapRun mapRun) {}

  /** A Map Run ended. */
  default void mapRunEnded(MapRun mapRun) {}
}
