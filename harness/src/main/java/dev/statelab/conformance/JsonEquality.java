package dev.statelab.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** JSON equality as the recordings need it: objects unordered, numbers by value. */
final class JsonEquality {

  private JsonEquality() {}

  static boolean equal(JsonNode a, JsonNode b) {
    return equal(a, b, java.util.Set.of());
  }

  /**
   * Equality where an expected string listed in {@code placeholders} stands for any string (a
   * value the recording replaced because it is only known at run time).
   */
  static boolean equal(JsonNode a, JsonNode b, java.util.Set<String> placeholders) {
    if (b != null && b.isTextual() && placeholders.contains(b.asText()) && a != null && a.isTextual()) {
      return true;
    }
    if (a == null || b == null) {
      return (a == null || a.isNull()) && (b == null || b.isNull());
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> it = a.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!b.has(e.getKey()) || !equal(e.getValue(), b.get(e.getKey()), placeholders)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!equal(a.get(i), b.get(i), placeholders)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
