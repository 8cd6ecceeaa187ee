package dev.statelab.service.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.time.Instant;

/**
 * An event bus.
 *
 * @param name the bus name ({@code default} always exists)
 * @param arn {@code arn:aws:events:<region>:<account>:event-bus/<name>}
 * @param description the Description given at creation, or null
 * @param createdAt when it was created (world clock)
 */
public record EventBus(String name, String arn, String description, Instant createdAt) {

  /** The name of the bus every account has. */
  public static final String DEFAULT = "default";

  /** DescribeEventBus / ListEventBuses entry. */
  JsonNode toJson() {
    ObjectNode out = Json.object();
    out.put("Name", name);
    out.put("Arn", arn);
    if (description != null) {
      out.put("Description", description);
    }
    out.put("CreationTime", createdAt.getEpochSecond());
    out.put("LastModifiedTime", createdAt.getEpochSecond());
    return out;
  }
}
