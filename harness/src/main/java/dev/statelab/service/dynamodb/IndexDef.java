package dev.statelab.service.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.util.List;

/**
 * A secondary index: its key, what it projects, and for a GSI its provisioned throughput.
 *
 * @param name the index name
 * @param global true for a global secondary index
 * @param keys the index key
 * @param projectionType ALL, KEYS_ONLY or INCLUDE
 * @param nonKeyAttributes the attributes INCLUDE adds
 * @param read provisioned read capacity (0 on demand)
 * @param write provisioned write capacity (0 on demand)
 */
record IndexDef(String name, boolean global, KeySchema keys, String projectionType,
    List<String> nonKeyAttributes, long read, long write) {

  /** The item as the index stores it, given the table's key. */
  ObjectNode project(ObjectNode item, KeySchema tableKeys) {
    if (projectionType.equals("ALL")) {
      return item;
    }
    ObjectNode out = Json.object();
    item.fields().forEachRemaining(e -> {
      String n = e.getKey();
      if (tableKeys.isKey(n) || keys.isKey(n)
          || (projectionType.equals("INCLUDE") && nonKeyAttributes.contains(n))) {
        out.set(n, e.getValue());
      }
    });
    return out;
  }

  /** The Projection member as DescribeTable shows it. */
  ObjectNode projectionJson() {
    ObjectNode p = Json.object();
    p.put("ProjectionType", projectionType);
    if (projectionType.equals("INCLUDE")) {
      nonKeyAttributes.forEach(p.withArray("NonKeyAttributes")::add);
    }
    return p;
  }

  /** This index with other throughput. */
  IndexDef withThroughput(long newRead, long newWrite) {
    return new IndexDef(name, global, keys, projectionType, nonKeyAttributes, newRead, newWrite);
  }

  /** True when the index's key attributes appear in the item. */
  boolean contains(JsonNode item) {
    return item != null && keys.covers(item);
  }
}
