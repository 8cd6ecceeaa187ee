package dev.statelab.reports.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.util.List;

/**
 * A chart placeholder: uPlot draws it in the browser from the inlined spec.
 *
 * @param id the element id
 * @param kind {@code line} or {@code bars}
 * @param spec the spec as {@code charts.js} reads it
 */
public record Chart(String id, String kind, ObjectNode spec) {

  /** The spec as JSON safe to place inside a {@code <script>} element. */
  public String json() {
    return Json.write(spec).replace("</", "<\\/");
  }

  /** A line chart spec with the given titles. */
  public static ObjectNode lineSpec(String title, String xLabel, String yLabel, List<Double> x) {
    ObjectNode spec = Json.object();
    spec.put("title", title);
    spec.put("xLabel", xLabel);
    spec.put("yLabel", yLabel);
    ArrayNode xs = spec.putArray("x");
    x.forEach(v -> xs.add(v));
    spec.putArray("series");
    return spec;
  }

  /** Adds a series (NaN values become gaps). */
  public static ObjectNode addSeries(ObjectNode spec, String label, List<Double> values, boolean dash) {
    ObjectNode s = ((ArrayNode) spec.get("series")).addObject();
    s.put("label", label);
    s.put("dash", dash);
    ArrayNode vs = s.putArray("values");
    values.forEach(v -> {
      if (v == null || v.isNaN() || v.isInfinite()) {
        vs.addNull();
      } else {
        vs.add(v);
      }
    });
    return s;
  }
}
