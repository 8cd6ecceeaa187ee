package dev.statelab.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.chaos.ChaosSweep;
import dev.statelab.chaos.Workload;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionRequest;
import dev.statelab.engine.World;
import dev.statelab.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A runnable workflow pattern: its ASL definition (the resource
 * {@code scenarios/<name>.asl.json}), the in-JVM services it calls, a default input and a default
 * chaos sweep.
 *
 * <p>To add one, write a public class with a no-argument constructor in this package that
 * implements {@code Scenario}, and its ASL file; {@link ScenarioCatalog} finds both.
 */
public interface Scenario extends Workload {

  /** The scenario's name, kebab-case, also the name of its ASL resource. */
  @Override
  String name();

  /** One sentence on what the scenario shows. */
  String description();

  /** Registers what the definition calls in {@code world}: Lambda functions, Batch resources and runners. */
  @Override
  void setup(World world);

  /** The input of a single run. */
  JsonNode defaultInput();

  /** The sweep {@code statelab chaos NAME} runs. */
  ChaosSweep defaultSweep();

  /** The input of the {@code index}-th execution of a chaos cell: the default input unless overridden. */
  @Override
  default JsonNode input(int index) {
    return defaultInput();
  }

  /** The definition, read from {@code scenarios/<name>.asl.json} on the class path. */
  @Override
  default JsonNode definition() {
    String resource = "scenarios/" + name() + ".asl.json";
    try (InputStream in = Scenario.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing scenario definition " + resource);
      }
      return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs one execution to its end: starts it and does what the outside world would do for it
   * (answer a task token, approve, deliver an event). The default starts it and runs the world
   * until idle; scenarios that wait on someone override this.
   */
  default Execution runOnce(World world, StateMachine machine, ExecutionRequest request) {
    return world.run(machine, request);
  }

  /** The definition, parsed and validated. */
  default StateMachine stateMachine() {
    return StateMachine.parse(Json.write(definition()));
  }
}
