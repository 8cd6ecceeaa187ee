package dev.statelab.reports.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.engine.Execution;
import dev.statelab.history.HistoryEvent;
import dev.statelab.json.Json;

/** Writes an ended execution in the shape {@link ExecutionData#from} reads. */
public final class ExecutionFiles {

  private ExecutionFiles() {}

  /**
   * The JSON of {@code executions/<scenario>.json} for one run.
   *
   * @param scenario the scenario name
   * @param definition the ASL definition as run
   * @param execution the ended execution
   * @param cost the run's cost: {@code {transitions, standardCost, expressCost, byService}}
   */
  public static ObjectNode toJson(String scenario, JsonNode definition, Execution execution, JsonNode cost) {
    ObjectNode out = Json.object();
    out.put("scenario", scenario);
    out.put("executionArn", execution.arn());
    out.put("type", execution.type().name());
    out.put("status", execution.status().name());
    out.set("definition", definition);
    out.set("input", execution.input());
    if (execution.output() != null) {
      out.set("output", execution.output());
    }
    if (execution.error() != null) {
      out.put("error", execution.error());
    }
    if (execution.cause() != null) {
      out.put("cause", execution.cause());
    }
    out.put("startDate", execution.startDate().toString());
    if (execution.stopDate() != null) {
      out.put("stopDate", execution.stopDate().toString());
    }
    out.put("transitions", execution.transitions());
    ArrayNode events = out.putArray("events");
    for (HistoryEvent e : execution.history()) {
      events.add(e.toJson(true, true));
    }
    out.set("cost", cost);
    return out;
  }
}
