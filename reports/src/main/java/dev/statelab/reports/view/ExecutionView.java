package dev.statelab.reports.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import dev.statelab.reports.data.ExecutionData;
import dev.statelab.reports.data.ExecutionData.Event;
import dev.statelab.reports.graph.StateMachineDiagram;
import dev.statelab.reports.graph.Svg;
import dev.statelab.reports.view.RunAnalysis.Bar;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The execution page's content: the graph, the timeline, the events and the cost.
 *
 * @param run the run
 * @param graphSvg the state machine drawn by ELK with the run's path
 * @param timelineSvg the states on the virtual clock
 * @param events the event table's rows
 * @param bars the timeline's bars
 */
public record ExecutionView(ExecutionData run, String graphSvg, String timelineSvg, List<EventRow> events, List<Bar> bars) {

  /**
   * One row of the event table.
   *
   * @param id the event id
   * @param previousEventId the event it follows
   * @param type the event type
   * @param offset the time after the start, formatted
   * @param state the state it belongs to, or empty
   * @param summary a one-line summary (error name, resource, ...)
   * @param details the details, pretty JSON with payload strings expanded, or empty
   */
  public record EventRow(long id, long previousEventId, String type, String offset, String state, String summary,
      String details) {}

  /** Builds the view of one run. */
  public static ExecutionView of(ExecutionData run) {
    RunAnalysis analysis = new RunAnalysis(run);
    List<Bar> bars = analysis.bars();
    long t0 = run.startDate() == null ? 0 : run.startDate().toEpochMilli();
    List<EventRow> rows = new ArrayList<>();
    for (Event e : run.events()) {
      String state = e.stateName() != null ? e.stateName() : analysis.owner(e);
      rows.add(new EventRow(e.id(), e.previousEventId(), e.type(),
          e.timestamp() == null ? "" : "+" + Fmt.ms(e.timestamp().toEpochMilli() - t0),
          state == null ? "" : state, summary(e.details()), details(e.details())));
    }
    return new ExecutionView(run, StateMachineDiagram.svg(run.definition(), analysis.highlights()),
        timeline(bars, Math.max(1, run.durationMillis())), rows, bars);
  }

  /** Billed transitions (from the cost, else counted by the runner). */
  public String transitions() {
    return Fmt.num(run.cost().transitions());
  }

  /** The states with retries or caught errors, in words. */
  public String incidents() {
    long retried = bars.stream().filter(b -> b.attempts() > 1).count();
    long caught = bars.stream().filter(b -> b.outcome().equals("caught")).count();
    return retried + " state entr" + (retried == 1 ? "y" : "ies") + " retried, " + caught + " error"
        + (caught == 1 ? "" : "s") + " caught";
  }

  /** The definition as pretty JSON. */
  public String definitionJson() {
    return Json.pretty(run.definition());
  }

  /** The input as pretty JSON, or empty. */
  public String inputJson() {
    return run.input().isMissingNode() ? "" : Json.pretty(run.input());
  }

  /** The output as pretty JSON, or empty. */
  public String outputJson() {
    return run.output().isMissingNode() ? "" : Json.pretty(run.output());
  }

  private static String summary(JsonNode details) {
    List<String> parts = new ArrayList<>();
    for (String key : List.of("error", "resource", "resourceType", "index", "name")) {
      JsonNode v = details.get(key);
      if (v != null && v.isValueNode() && !key.equals("name")) {
        parts.add(key + ": " + v.asText());
      }
    }
    return String.join(", ", parts);
  }

  private static String details(JsonNode details) {
    if (details.isMissingNode() || details.isEmpty()) {
      return "";
    }
    ObjectNode copy = Json.object();
    for (Iterator<Map.Entry<String, JsonNode>> it = details.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode value = f.getValue();
      if (value.isTextual() && (f.getKey().equals("input") || f.getKey().equals("output")
          || f.getKey().equals("parameters"))) {
        try {
          value = Json.parse(value.asText());
        } catch (RuntimeException notJson) {
          // keep the string as it is
        }
      }
      copy.set(f.getKey(), value);
    }
    return Json.pretty(copy);
  }

  /** A Gantt chart: one row per state entry, bars on the virtual clock, coloured by outcome. */
  static String timeline(List<Bar> bars, long durationMs) {
    int labelW = 190;
    int plotW = 900;
    int rowH = 20;
    int top = 24;
    int height = top + Math.max(1, bars.size()) * rowH + 10;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gantt chart\" id=\"timeline\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">",
        labelW + plotW + 20, height, labelW + plotW + 20, height));
    double step = niceStep(durationMs / 8.0);
    for (double t = 0; t <= durationMs + 0.5; t += step) {
      double x = labelW + t / durationMs * plotW;
      svg.append(String.format(Locale.ROOT,
          "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/><text x=\"%.1f\" y=\"14\" text-anchor=\"middle\">%s</text>",
          x, top - 4, x, height - 6, x, Svg.escape(Fmt.ms(t))));
    }
    int row = 0;
    for (Bar b : bars) {
      double y = top + row * rowH;
      double x = labelW + (double) b.startMs() / durationMs * plotW;
      double w = Math.max(2, (double) (b.endMs() - b.startMs()) / durationMs * plotW);
      String label = b.state() + (b.attempts() > 1 ? " (" + b.attempts() + " attempts)" : "");
      svg.append(String.format(Locale.ROOT,
          "<g><title>%s</title><text x=\"4\" y=\"%.1f\">%s</text><rect class=\"bar-%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" rx=\"2\"/></g>",
          Svg.escape(label + " · " + b.type() + " · " + Fmt.ms(b.startMs()) + " → " + Fmt.ms(b.endMs()) + " · " + b.outcome()),
          y + 14, Svg.escape(label), b.outcome(), x, y + 3, w, rowH - 6));
      row++;
    }
    return svg.append("</svg>").toString();
  }

  private static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= raw) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
