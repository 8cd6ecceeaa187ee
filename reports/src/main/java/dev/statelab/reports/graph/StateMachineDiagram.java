package dev.statelab.reports.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Draws an ASL definition as an SVG laid out top to bottom by ELK's layered algorithm, as the
 * Step Functions console does: a Start and an End node, one box per state, Parallel branches and
 * Map item processors as compound boxes holding their own states.
 */
public final class StateMachineDiagram {

  private static final double NODE_HEIGHT = 34;
  private static final double CHAR_WIDTH = 7.2;
  private static final double GROUP_LABEL = 22;

  static {
    LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
  }

  private final PathHighlights highlights;
  private final Map<ElkNode, Box> boxes = new LinkedHashMap<>();
  private final Map<ElkEdge, String> edgeKeys = new LinkedHashMap<>();

  /** How a node is drawn. */
  private record Box(String name, String kind, boolean group, boolean hasRetry, boolean hasCatch) {}

  private StateMachineDiagram(PathHighlights highlights) {
    this.highlights = highlights;
  }

  /** Lays out a definition and returns a standalone {@code <svg>} element. */
  public static String svg(JsonNode definition, PathHighlights highlights) {
    return new StateMachineDiagram(highlights).render(definition);
  }

  private String render(JsonNode definition) {
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
    root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
    root.setProperty(CoreOptions.PADDING, new ElkPadding(12));
    configure(root);
    ElkNode start = node(root, "Start", "start", false, false, false, 60);
    ElkNode end = node(root, "End", "end", false, false, false, 60);
    Map<String, ElkNode> top = states(root, definition);
    edge(start, top.get(definition.path("StartAt").asText()), "Start", definition.path("StartAt").asText());
    for (Map.Entry<String, ElkNode> e : top.entrySet()) {
      JsonNode state = definition.path("States").path(e.getKey());
      if (isTerminal(state)) {
        edge(e.getValue(), end, e.getKey(), "End");
      }
    }
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
    return draw(root);
  }

  private static void configure(ElkNode container) {
    container.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
    container.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    container.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 28.0);
    container.setProperty(LayeredOptions.SPACING_NODE_NODE, 24.0);
    container.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 12.0);
  }

  private static boolean isTerminal(JsonNode state) {
    String type = state.path("Type").asText();
    return state.path("End").asBoolean(false) || type.equals("Succeed") || type.equals("Fail");
  }

  /** Adds the states of one scope (the machine, a branch, an item processor) and their edges. */
  private Map<String, ElkNode> states(ElkNode container, JsonNode scope) {
    Map<String, ElkNode> nodes = new LinkedHashMap<>();
    JsonNode states = scope.path("States");
    for (Iterator<String> it = states.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      JsonNode state = states.get(name);
      String type = state.path("Type").asText();
      boolean retry = state.path("Retry").size() > 0;
      boolean caught = state.path("Catch").size() > 0;
      List<JsonNode> inner = new ArrayList<>();
      if (type.equals("Parallel")) {
        state.path("Branches").forEach(inner::add);
      } else if (type.equals("Map")) {
        JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.path("Iterator");
        if (processor.has("States")) {
          inner.add(processor);
        }
      }
      ElkNode node = node(container, name, type, !inner.isEmpty(), retry, caught, 0);
      if (!inner.isEmpty()) {
        node.setProperty(CoreOptions.PADDING, new ElkPadding(GROUP_LABEL + 8, 10, 10, 10));
        configure(node);
        int i = 0;
        for (JsonNode branch : inner) {
          ElkNode holder = node;
          if (type.equals("Parallel")) {
            holder = node(node, "Branch " + (++i), "branch", true, false, false, 0);
            holder.setProperty(CoreOptions.PADDING, new ElkPadding(8));
            configure(holder);
          }
          Map<String, ElkNode> children = states(holder, branch);
          if (children.isEmpty()) {
            holder.setDimensions(80, 30);
          }
        }
      }
      nodes.put(name, node);
    }
    for (Map.Entry<String, ElkNode> e : nodes.entrySet()) {
      JsonNode state = states.get(e.getKey());
      Set<String> targets = new LinkedHashSet<>();
      addText(targets, state.get("Next"));
      addText(targets, state.get("Default"));
      state.path("Choices").forEach(c -> addText(targets, c.get("Next")));
      state.path("Catch").forEach(c -> addText(targets, c.get("Next")));
      for (String target : targets) {
        ElkNode to = nodes.get(target);
        if (to != null) {
          edge(e.getValue(), to, e.getKey(), target);
        }
      }
    }
    return nodes;
  }

  private static void addText(Set<String> into, JsonNode value) {
    if (value != null && value.isTextual()) {
      into.add(value.asText());
    }
  }

  private ElkNode node(ElkNode parent, String name, String kind, boolean group, boolean retry, boolean caught,
      double width) {
    ElkNode node = ElkGraphUtil.createNode(parent);
    node.setIdentifier(name);
    double w = width > 0 ? width : Math.max(110, name.length() * CHAR_WIDTH + 28 + (retry || caught ? 30 : 0));
    node.setDimensions(w, NODE_HEIGHT);
    if (group) {
      node.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new org.eclipse.elk.core.math.KVector(w, NODE_HEIGHT));
      node.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS,
          java.util.EnumSet.of(org.eclipse.elk.core.options.SizeConstraint.MINIMUM_SIZE));
    }
    boxes.put(node, new Box(name, kind, group, retry, caught));
    return node;
  }

  private void edge(ElkNode from, ElkNode to, String fromName, String toName) {
    if (from == null || to == null) {
      return;
    }
    ElkEdge edge = ElkGraphUtil.createSimpleEdge(from, to);
    ElkGraphUtil.updateContainment(edge);
    edgeKeys.put(edge, PathHighlights.edge(fromName, toName));
  }

  private String draw(ElkNode root) {
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sm-graph chart\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\">",
        root.getWidth(), root.getHeight(), root.getWidth(), root.getHeight()));
    svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">"
        + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#687078\"/></marker>"
        + "<marker id=\"arrow-taken\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">"
        + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#1d8102\"/></marker></defs>");
    drawNodes(root, 0, 0, svg);
    for (Map.Entry<ElkEdge, String> e : edgeKeys.entrySet()) {
      drawEdge(e.getKey(), e.getValue(), svg);
    }
    return svg.append("</svg>").toString();
  }

  private void drawNodes(ElkNode parent, double ox, double oy, StringBuilder svg) {
    for (ElkNode child : parent.getChildren()) {
      Box box = boxes.get(child);
      double x = ox + child.getX();
      double y = oy + child.getY();
      String cls = classes(box);
      svg.append("<g class=\"").append(cls).append("\" data-state=\"").append(Svg.escape(box.name())).append("\">");
      svg.append("<title>").append(Svg.escape(box.name() + " (" + box.kind() + ")" + status(box.name()))).append("</title>");
      if (box.kind().equals("start") || box.kind().equals("end")) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"17\"/>",
            x, y, child.getWidth(), child.getHeight()));
        text(svg, x + child.getWidth() / 2, y + child.getHeight() / 2 + 4, box.name(), "middle");
      } else if (box.group()) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"4\"/>",
            x, y, child.getWidth(), child.getHeight()));
        if (!box.kind().equals("branch")) {
          text(svg, x + 8, y + 16, box.name() + "  ·  " + box.kind(), "start");
          badges(svg, box, x + child.getWidth() - 8, y + 16);
        }
      } else {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"4\"/>",
            x, y, child.getWidth(), child.getHeight()));
        text(svg, x + 12, y + child.getHeight() / 2 + 4, box.name(), "start");
        badges(svg, box, x + child.getWidth() - 8, y + child.getHeight() / 2 + 4);
      }
      svg.append("</g>");
      drawNodes(child, x, y, svg);
    }
  }

  private String status(String name) {
    StringBuilder b = new StringBuilder();
    if (highlights.visited().contains(name)) {
      b.append(", visited");
    }
    Integer retries = highlights.retries().get(name);
    if (retries != null && retries > 0) {
      b.append(", ").append(retries).append(retries == 1 ? " retry" : " retries");
    }
    if (highlights.caught().contains(name)) {
      b.append(", error caught");
    }
    if (highlights.failed().contains(name)) {
      b.append(", failed");
    }
    return b.toString();
  }

  private String classes(Box box) {
    StringBuilder cls = new StringBuilder(box.group() ? "node group" : "node");
    cls.append(" k-").append(box.kind().toLowerCase(Locale.ROOT));
    if (highlights.visited().contains(box.name())) {
      cls.append(" visited");
    }
    if (highlights.retries().getOrDefault(box.name(), 0) > 0) {
      cls.append(" retried");
    }
    if (highlights.caught().contains(box.name())) {
      cls.append(" caught");
    }
    if (highlights.failed().contains(box.name())) {
      cls.append(" failed");
    }
    return cls.toString();
  }

  /** Right-aligned markers: ↻ for a Retry (with the count when retried), ⚑ for a Catch. */
  private void badges(StringBuilder svg, Box box, double right, double baseline) {
    StringBuilder marks = new StringBuilder();
    if (box.hasRetry()) {
      int n = highlights.retries().getOrDefault(box.name(), 0);
      marks.append(n > 0 ? "↻" + n : "↻");
    }
    if (box.hasCatch()) {
      marks.append(marks.length() > 0 ? " " : "").append(highlights.caught().contains(box.name()) ? "⚑!" : "⚑");
    }
    if (marks.length() > 0) {
      svg.append(String.format(Locale.ROOT, "<text class=\"badge\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
          right, baseline, Svg.escape(marks.toString())));
    }
  }

  private static void text(StringBuilder svg, double x, double y, String text, String anchor) {
    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>",
        x, y, anchor, Svg.escape(text)));
  }

  private void drawEdge(ElkEdge edge, String key, StringBuilder svg) {
    double ox = 0;
    double oy = 0;
    for (ElkNode c = edge.getContainingNode(); c != null && c.getParent() != null; c = c.getParent()) {
      ox += c.getX();
      oy += c.getY();
    }
    boolean taken = highlights.transitions().contains(key);
    for (ElkEdgeSection s : edge.getSections()) {
      StringBuilder d = new StringBuilder();
      d.append(String.format(Locale.ROOT, "M%.1f,%.1f", ox + s.getStartX(), oy + s.getStartY()));
      for (ElkBendPoint b : s.getBendPoints()) {
        d.append(String.format(Locale.ROOT, " L%.1f,%.1f", ox + b.getX(), oy + b.getY()));
      }
      d.append(String.format(Locale.ROOT, " L%.1f,%.1f", ox + s.getEndX(), oy + s.getEndY()));
      svg.append("<path class=\"edge").append(taken ? " taken" : "").append("\" d=\"").append(d)
          .append("\" marker-end=\"url(#").append(taken ? "arrow-taken" : "arrow").append(")\"><title>")
          .append(Svg.escape(key)).append("</title></path>");
    }
  }
}
