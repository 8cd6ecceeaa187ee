package dev.statelab.service.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import dev.statelab.service.dynamodb.expression.Condition;
import dev.statelab.service.dynamodb.expression.Projection;
import dev.statelab.service.dynamodb.expression.Update;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One TransactWriteItems or TransactGetItems call, run under the store's lock: every condition is
 * checked before anything is written, and a failure cancels the whole transaction with AWS's
 * CancellationReasons.
 */
final class Transaction {

  private final ItemOperations items;
  private final DynamoDbStore store;

  Transaction(ItemOperations items, DynamoDbStore store) {
    this.items = items;
    this.store = store;
  }

  /** One write action with the item it reads and the item it leaves (null for a delete). */
  private record Action(String kind, Table table, ObjectNode key, ObjectNode item, Update update,
      Condition condition, boolean oldOnFailure) {}

  ObjectNode write(JsonNode body) {
    JsonNode list = transactItems(body);
    List<Action> actions = new ArrayList<>();
    Set<String> touched = new HashSet<>();
    for (JsonNode entry : list) {
      Action a = action(entry);
      if (!touched.add(a.table().name + "/" + a.table().keyOf(a.key()))) {
        throw DynamoDbException.validation("Transaction request cannot include multiple operations on one item");
      }
      actions.add(a);
    }
    List<ObjectNode> olds = new ArrayList<>();
    List<ObjectNode> news = new ArrayList<>();
    ArrayNode reasons = Json.array();
    List<String> codes = new ArrayList<>();
    boolean failed = false;
    for (Action a : actions) {
      ObjectNode old = a.table().get(a.key());
      olds.add(old);
      ObjectNode reason = reasons.addObject();
      if (!Expr.test(a.condition(), old)) {
        failed = true;
        codes.add("ConditionalCheckFailed");
        reason.put("Code", "ConditionalCheckFailed");
        reason.put("Message", "The conditional request failed");
        if (a.oldOnFailure() && old != null) {
          reason.set("Item", old);
        }
        news.add(null);
        continue;
      }
      codes.add("None");
      reason.put("Code", "None");
      ObjectNode now = switch (a.kind()) {
        case "Put" -> a.item();
        case "Update" -> {
          ObjectNode base = old != null ? old : a.key();
          ObjectNode updated = a.update() == null ? base : Expr.apply(a.update(), base);
          ItemOperations.checkIndexKeys(a.table(), updated);
          ItemOperations.checkSize(updated);
          yield updated;
        }
        case "Delete" -> null;
        default -> old;
      };
      news.add(now);
    }
    if (failed) {
      throw DynamoDbException.withMembers("TransactionCanceledException",
          "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes,
          Map.of("CancellationReasons", reasons));
    }
    Map<String, Capacity> used = new LinkedHashMap<>();
    for (int i = 0; i < actions.size(); i++) {
      Action a = actions.get(i);
      ObjectNode old = olds.get(i);
      ObjectNode now = news.get(i);
      Capacity c = used.computeIfAbsent(a.table().name, n -> Capacity.transaction(Capacity.Kind.WRITE));
      if (a.kind().equals("ConditionCheck")) {
        c.table(a.table(), Capacity.writeUnits(AttributeValues.size(old)));
        continue;
      }
      if (now == null) {
        a.table().remove(a.key());
      } else {
        a.table().put(now);
      }
      store.recordChange(a.table(), old, now);
      c.itemWrite(a.table(), old, now);
    }
    return items.finishAll(Json.object(), new ArrayList<>(used.values()), body);
  }

  private Action action(JsonNode entry) {
    for (String kind : List.of("ConditionCheck", "Put", "Update", "Delete")) {
      JsonNode op = entry.get(kind);
      if (op == null || op.isNull()) {
        continue;
      }
      if (entry.size() != 1) {
        throw DynamoDbException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
      }
      Table t = store.table(op.get("TableName"));
      ObjectNode item = kind.equals("Put") ? items.checkedItem(t, op.get("Item")) : null;
      ObjectNode key = item != null ? t.keyOf(item) : items.checkedKey(t, op.get("Key"));
      Expr ex = new Expr(op);
      Update update = kind.equals("Update") ? ex.update(op.get("UpdateExpression")) : null;
      Condition condition = ex.condition(op.get("ConditionExpression"));
      ex.finish();
      if (kind.equals("ConditionCheck") && condition == null) {
        throw DynamoDbException.validation("The ConditionExpression parameter is required for ConditionCheck");
      }
      if (update != null) {
        for (String name : Expr.updated(update)) {
          if (t.keys.isKey(name)) {
            throw DynamoDbException.validation("One or more parameter values were invalid: Cannot update attribute "
                + name + ". This attribute is part of the key");
          }
        }
      }
      boolean oldOnFailure = "ALL_OLD".equals(op.path("ReturnValuesOnConditionCheckFailure").asText("NONE"));
      return new Action(kind, t, key, item, update, condition, oldOnFailure);
    }
    throw DynamoDbException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
  }

  ObjectNode get(JsonNode body) {
    JsonNode list = transactItems(body);
    ArrayNode responses = Json.array();
    Map<String, Capacity> used = new LinkedHashMap<>();
    for (JsonNode entry : list) {
      JsonNode op = entry.get("Get");
      if (op == null || op.isNull()) {
        throw DynamoDbException.validation("1 validation error detected: Value null at 'transactItems.1.member.get'"
            + " failed to satisfy constraint: Member must not be null");
      }
      Table t = store.table(op.get("TableName"));
      ObjectNode key = items.checkedKey(t, op.get("Key"));
      Expr ex = new Expr(op);
      Projection projection = ex.projection(op.get("ProjectionExpression"));
      ex.finish();
      ObjectNode item = t.get(key);
      used.computeIfAbsent(t.name, n -> Capacity.transaction(Capacity.Kind.READ))
          .table(t, Capacity.readUnits(AttributeValues.size(item), true));
      ObjectNode r = responses.addObject();
      if (item != null) {
        r.set("Item", Expr.project(projection, item));
      }
    }
    ObjectNode out = Json.object();
    out.set("Responses", responses);
    return items.finishAll(out, new ArrayList<>(used.values()), body);
  }

  private static JsonNode transactItems(JsonNode body) {
    JsonNode list = body.get("TransactItems");
    if (list == null || !list.isArray() || list.isEmpty() || list.size() > 100) {
      throw DynamoDbException.validation("1 validation error detected: Value at 'transactItems' failed to satisfy"
          + " constraint: Member must have length " + (list != null && list.size() > 100
              ? "less than or equal to 100" : "greater than or equal to 1"));
    }
    return list;
  }
}
