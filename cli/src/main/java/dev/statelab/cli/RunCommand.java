package dev.statelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.InvalidDefinitionException;
import dev.statelab.asl.StateMachine;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionRequest;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.ExecutionType;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.history.HistoryEvent;
import dev.statelab.json.Json;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code statelab run FILE}: one execution on the embedded engine, printed as one JSON object. */
final class RunCommand {

  static final List<String> FLAGS = List.of("--input", "--type", "--seed");
  static final List<String> SWITCHES = List.of("--history");

  private final PrintStream out;
  private final PrintStream err;

  RunCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int execute(Arguments args) {
    String file = args.single("definition file");
    String definition = Files2.read(file);
    JsonNode input = input(args.option("--input", "{}"));
    ExecutionType type = type(args.option("--type", "STANDARD"));
    long seed = seed(args.option("--seed", "0"));
    StateMachine machine;
    try {
      machine = StateMachine.parse(definition);
    } catch (InvalidDefinitionException e) {
      err.println("statelab run: InvalidDefinition: " + e.getMessage());
      out.println(Json.pretty(ValidateCommand.diagnosticsJson(e.diagnostics())));
      return 2;
    }
    if (type == ExecutionType.EXPRESS && !machine.expressProblems().isEmpty()) {
      InvalidDefinitionException e = new InvalidDefinitionException(machine.expressProblems());
      err.println("statelab run: InvalidDefinition: " + e.getMessage());
      out.println(Json.pretty(ValidateCommand.diagnosticsJson(e.diagnostics())));
      return 2;
    }
    try (World world = World.newInstance(WorldOptions.newBuilder().seed(seed).build())) {
      String name = machineName(file);
      Execution execution = world.run(machine, ExecutionRequest.of(input).withType(type).withStateMachineName(name));
      out.println(Json.pretty(result(execution, args.has("--history"))));
      return execution.status() == ExecutionStatus.SUCCEEDED ? 0 : 1;
    }
  }

  /** The printed result: {status, output | error and cause, transitions, history?}. */
  static ObjectNode result(Execution execution, boolean withHistory) {
    ObjectNode node = Json.object();
    node.put("status", execution.status().name());
    if (execution.status() == ExecutionStatus.SUCCEEDED) {
      node.set("output", execution.output());
    } else if (execution.status() != ExecutionStatus.RUNNING) {
      node.put("error", execution.error());
      node.put("cause", execution.cause());
    }
    node.put("transitions", execution.transitions());
    if (withHistory) {
      ArrayNode events = node.putArray("history");
      for (HistoryEvent e : execution.history()) {
        events.add(e.toJson(true, true));
      }
    }
    return node;
  }

  private static String machineName(String file) {
    String name = Path.of(file).getFileName().toString();
    int dot = name.indexOf('.');
    name = dot > 0 ? name.substring(0, dot) : name;
    name = name.replaceAll("[^A-Za-z0-9_-]", "-");
    return name.isEmpty() ? "StateMachine" : name;
  }

  private static JsonNode input(String value) {
    String text = value.startsWith("@") ? Files2.read(value.substring(1)) : value;
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--input is not valid JSON: " + e.getMessage());
    }
  }

  private static ExecutionType type(String value) {
    try {
      return ExecutionType.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--type must be STANDARD or EXPRESS, not " + value);
    }
  }

  private static long seed(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new UsageException("--seed must be a whole number, not " + value);
    }
  }
}
