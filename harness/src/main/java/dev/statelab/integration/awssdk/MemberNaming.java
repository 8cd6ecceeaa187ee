package dev.statelab.integration.awssdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How a service spells its wire members. Task Parameters of {@code aws-sdk} integrations are
 * always PascalCase; Step Functions itself (and Lambda, Batch) use camelCase on the wire, DynamoDB,
 * SQS and EventBridge PascalCase.
 */
public enum MemberNaming {

  /** Wire members are camelCase: {@code StateMachineArn} goes out as {@code stateMachineArn}. */
  CAMEL_CASE,

  /** Wire members are PascalCase, as in Task Parameters: nothing to convert. */
  PASCAL_CASE;

  /** Task Parameters (PascalCase) as this service's request body. */
  public JsonNode toWire(JsonNode parameters) {
    return this == PASCAL_CASE ? parameters : renameKeys(parameters, MemberNaming::lowerFirst);
  }

  /** This service's response body as the Task result (PascalCase). */
  public JsonNode fromWire(JsonNode body) {
    return this == PASCAL_CASE ? body : renameKeys(body, MemberNaming::upperFirst);
  }

  /** Renames every object key, at every depth. */
  static JsonNode renameKeys(JsonNode node, UnaryOperator<String> rename) {
    if (node == null) {
      return null;
    }
    if (node.isObject()) {
      ObjectNode out = Json.object();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set(rename.apply(e.getKey()), renameKeys(e.getValue(), rename));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = Json.array();
      node.forEach(v -> out.add(renameKeys(v, rename)));
      return out;
    }
    return node;
  }

  static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  static String upperFirst(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
