/**
 * Runnable workflow patterns: each {@link dev.statelab.scenarios.Scenario} is a class in this
 * package with an ASL file {@code scenarios/<name>.asl.json}, the in-JVM services it calls, a
 * default input and a default chaos sweep; {@link dev.statelab.scenarios.ScenarioCatalog} finds
 * them, and {@code statelab chaos NAME} runs a sweep.
 */
package dev.statelab.scenarios;
