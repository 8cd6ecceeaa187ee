package dev.statelab.service.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** One action of an update expression, and the plan that applies them all. */
sealed interface UpdateAction {

  /** The path the action changes. */
  DocumentPath path();

  /** AWS's error for an operand of the wrong type at update time. */
  static ExpressionException incorrectDataType() {
    return new ExpressionException("An operand in the update expression has an incorrect data type");
  }

  /** AWS's error for a path whose parent does not exist or is not a map/list. */
  static ExpressionException invalidPath() {
    return new ExpressionException(
        "The document path provided in the update expression is invalid for update");
  }

  /** {@code SET path = value}. */
  record Set(DocumentPath path, UpdateParser.UpdateValue value) implements UpdateAction {}

  /** {@code REMOVE path}. */
  record Remove(DocumentPath path) implements UpdateAction {}

  /** {@code ADD path :value}. */
  record Add(DocumentPath path, JsonNode value) implements UpdateAction {}

  /** {@code DELETE path :value}. */
  record Delete(DocumentPath path, JsonNode value) implements UpdateAction {}

  /** All actions of one expression: SET values are computed from the old item, then applied. */
  record Plan(List<UpdateAction> actions) implements Update {

    /** Orders removals so that higher list indexes of the same list go first. */
    private static final Comparator<DocumentPath> REMOVAL_ORDER = (a, b) -> {
      int n = Math.min(a.steps().size(), b.steps().size());
      for (int i = 0; i < n; i++) {
        DocumentPath.Step x = a.steps().get(i);
        DocumentPath.Step y = b.steps().get(i);
        if (x instanceof DocumentPath.Index xi && y instanceof DocumentPath.Index yi) {
          if (xi.index() != yi.index()) {
            return Integer.compare(yi.index(), xi.index());
          }
        } else if (!x.equals(y)) {
          return x.toString().compareTo(y.toString());
        }
      }
      return 0;
    };

    public Plan {
      actions = List.copyOf(actions);
    }

    @Override
    public ObjectNode apply(ObjectNode item) {
      ObjectNode result = item.deepCopy();
      List<Set> sets = actions.stream().filter(Set.class::isInstance).map(Set.class::cast).toList();
      List<JsonNode> values = new ArrayList<>();
      for (Set set : sets) {
        values.add(set.value().eval(item));
      }
      for (int i = 0; i < sets.size(); i++) {
        assign(result, sets.get(i).path(), values.get(i));
      }
      actions.stream().filter(Remove.class::isInstance).map(UpdateAction::path)
          .sorted(REMOVAL_ORDER).forEach(path -> remove(result, path));
      for (UpdateAction action : actions) {
        if (action instanceof Add add) {
          add(result, add);
        } else if (action instanceof Delete delete) {
          delete(result, delete);
        }
      }
      return result;
    }

    @Override
    public java.util.Set<String> updatedTopLevelNames() {
      java.util.Set<String> names = new LinkedHashSet<>();
      actions.forEach(a -> names.add(a.path().topName()));
      return java.util.Collections.unmodifiableSet(names);
    }

    @Override
    public Projection updatedPaths() {
      return new ProjectionParser.Plan(actions.stream().map(UpdateAction::path).toList());
    }

    private static JsonNode parentOf(ObjectNode root, DocumentPath path) {
      JsonNode parent = AttributeValues.get(root, path.parent());
      String container = path.last() instanceof DocumentPath.Key ? "M" : "L";
      if (parent == null || !parent.has(container)) {
        throw invalidPath();
      }
      return parent.get(container);
    }

    private static void assign(ObjectNode root, DocumentPath path, JsonNode value) {
      if (path.steps().size() == 1) {
        root.set(path.topName(), value);
        return;
      }
      JsonNode container = parentOf(root, path);
      if (path.last() instanceof DocumentPath.Key key) {
        ((ObjectNode) container).set(key.name(), value);
      } else {
        ArrayNode list = (ArrayNode) container;
        int index = ((DocumentPath.Index) path.last()).index();
        if (index < list.size()) {
          list.set(index, value);
        } else {
          list.add(value);
        }
      }
    }

    private static void remove(ObjectNode root, DocumentPath path) {
      if (path.steps().size() == 1) {
        root.remove(path.topName());
        return;
      }
      JsonNode container = parentOf(root, path);
      if (path.last() instanceof DocumentPath.Key key) {
        ((ObjectNode) container).remove(key.name());
      } else {
        ArrayNode list = (ArrayNode) container;
        int index = ((DocumentPath.Index) path.last()).index();
        if (index < list.size()) {
          list.remove(index);
        }
      }
    }

    private static void add(ObjectNode root, Add add) {
      JsonNode current = AttributeValues.get(root, add.path());
      JsonNode value = add.value();
      if (current == null) {
        assign(root, add.path(), value.deepCopy());
        return;
      }
      String type = AttributeValues.type(value);
      if (!AttributeValues.type(current).equals(type)) {
        throw incorrectDataType();
      }
      if (type.equals("N")) {
        BigDecimal sum = Numbers.parse(current.get("N").asText()).add(Numbers.parse(value.get("N").asText()));
        assign(root, add.path(), AttributeValues.number(Numbers.check(sum)));
        return;
      }
      ArrayNode union = ((ArrayNode) current.get(type)).deepCopy();
      for (JsonNode member : value.get(type)) {
        if (!AttributeValues.setContains(type, union, member)) {
          union.add(member);
        }
      }
      assign(root, add.path(), AttributeValues.of(type, union));
    }

    private static void delete(ObjectNode root, Delete delete) {
      JsonNode current = AttributeValues.get(root, delete.path());
      if (current == null) {
        return;
      }
      String type = AttributeValues.type(delete.value());
      if (!AttributeValues.type(current).equals(type)) {
        throw incorrectDataType();
      }
      ArrayNode remaining = Json.NODES.arrayNode();
      for (JsonNode member : current.get(type)) {
        if (!AttributeValues.setContains(type, delete.value().get(type), member)) {
          remaining.add(member);
        }
      }
      if (remaining.isEmpty()) {
        remove(root, delete.path());
      } else {
        assign(root, delete.path(), AttributeValues.of(type, remaining));
      }
    }
  }
}
