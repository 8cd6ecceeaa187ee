package dev.statelab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.InvalidDefinitionException;
import dev.statelab.asl.StateMachine;
import dev.statelab.asl.errors.Diagnostic;
import dev.statelab.json.Json;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code statelab validate FILE}: the definition's diagnostics, in the shape of
 * ValidateStateMachineDefinition's response ({@code result}, {@code diagnostics}).
 */
final class ValidateCommand {

  private final PrintStream out;

  ValidateCommand(PrintStream out, PrintStream err) {
    this.out = out;
  }

  int execute(Arguments args) {
    String definition = Files2.read(args.single("definition file"));
    List<Diagnostic> diagnostics = StateMachine.validate(definition);
    ObjectNode node = diagnosticsJson(diagnostics);
    out.println(Json.pretty(node));
    return diagnostics.stream().anyMatch(Diagnostic::isError) ? 1 : 0;
  }

  static ObjectNode diagnosticsJson(List<Diagnostic> diagnostics) {
    boolean ok = diagnostics.stream().noneMatch(Diagnostic::isError);
    ObjectNode node = Json.object();
    node.put("result", ok ? "OK" : "FAIL");
    ArrayNode list = node.putArray("diagnostics");
    for (Diagnostic d : diagnostics) {
      ObjectNode item = list.addObject();
      item.put("severity", d.severity());
      item.put("code", d.code());
      item.put("message", d.message());
      item.put("location", d.location());
    }
    if (!ok) {
      node.put("message", InvalidDefinitionException.render(diagnostics));
    }
    node.put("truncated", false);
    return node;
  }
}
