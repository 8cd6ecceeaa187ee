package dev.statelab.service.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Parser for projection expressions: {@code path (',' path)* EOF}. */
final class ProjectionParser extends ExpressionParser {

  ProjectionParser(String text, ExpressionContext context) {
    super("ProjectionExpression", text, context);
  }

  /** Parses the whole text. */
  Projection parse() {
    List<DocumentPath> paths = commaList(this::parsePath);
    expectEnd();
    checkNoOverlap(paths);
    return new Plan(List.copyOf(paths));
  }

  /** The projection: copies each path's value into a result of the same shape. */
  record Plan(List<DocumentPath> paths) implements Projection {

    @Override
    public ObjectNode apply(ObjectNode item) {
      Selection root = new Selection();
      paths.forEach(root::add);
      ObjectNode result = Json.NODES.objectNode();
      root.keys.forEach((name, selection) -> {
        JsonNode value = item.get(name);
        JsonNode projected = value == null ? null : selection.render(value);
        if (projected != null) {
          result.set(name, projected);
        }
      });
      return result;
    }
  }

  /** The selected parts below one value: the whole value, or some map keys, or some list indexes. */
  private static final class Selection {
    private boolean whole;
    private final Map<String, Selection> keys = new LinkedHashMap<>();
    private final TreeMap<Integer, Selection> indexes = new TreeMap<>();

    void add(DocumentPath path) {
      Selection node = this;
      for (DocumentPath.Step step : path.steps()) {
        node = step instanceof DocumentPath.Key key
            ? node.keys.computeIfAbsent(key.name(), k -> new Selection())
            : node.indexes.computeIfAbsent(((DocumentPath.Index) step).index(), k -> new Selection());
      }
      node.whole = true;
    }

    /** The projected copy of the value, or null when nothing selected exists in it. */
    JsonNode render(JsonNode value) {
      if (whole) {
        return value.deepCopy();
      }
      if (!keys.isEmpty() && value.has("M")) {
        ObjectNode map = Json.NODES.objectNode();
        keys.forEach((name, selection) -> {
          JsonNode child = value.get("M").get(name);
          JsonNode projected = child == null ? null : selection.render(child);
          if (projected != null) {
            map.set(name, projected);
          }
        });
        return map.isEmpty() ? null : AttributeValues.of("M", map);
      }
      if (!indexes.isEmpty() && value.has("L")) {
        ArrayNode list = Json.NODES.arrayNode();
        indexes.forEach((index, selection) -> {
          JsonNode child = index < value.get("L").size() ? value.get("L").get(index) : null;
          JsonNode projected = child == null ? null : selection.render(child);
          if (projected != null) {
            list.add(projected);
          }
        });
        return list.isEmpty() ? null : AttributeValues.of("L", list);
      }
      return null;
    }
  }
}
