package dev.statelab.service.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** What evaluates to an attribute value for an item: a path, a value or {@code size(...)}. */
sealed interface Operand {

  /** The operand's value for the item, or null when it refers to nothing. */
  JsonNode eval(ObjectNode item);

  /** A document path into the item. */
  record Path(DocumentPath path) implements Operand {
    @Override
    public JsonNode eval(ObjectNode item) {
      return AttributeValues.get(item, path);
    }
  }

  /** An expression attribute value. */
  record Constant(JsonNode value) implements Operand {
    @Override
    public JsonNode eval(ObjectNode item) {
      return value;
    }
  }

  /** {@code size(operand)}: string length, binary length, or element count of a set, list or map. */
  record Size(Operand operand) implements Operand {
    @Override
    public JsonNode eval(ObjectNode item) {
      JsonNode value = operand.eval(item);
      if (value == null) {
        return null;
      }
      JsonNode payload = AttributeValues.payload(value);
      long size = switch (AttributeValues.type(value)) {
        case "S" -> payload.asText().codePointCount(0, payload.asText().length());
        case "B" -> AttributeValues.bytes(payload).length;
        case "SS", "NS", "BS", "L", "M" -> payload.size();
        default -> -1;
      };
      return size < 0 ? null : AttributeValues.number(BigDecimal.valueOf(size));
    }
  }
}
