package dev.statelab.service.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.util.List;
import java.util.Map;

/**
 * A job queue: jobs from higher-priority queues are placed first, on the first compute
 * environment (in order) with room.
 *
 * @param name the name
 * @param arn the ARN
 * @param state {@code ENABLED} or {@code DISABLED}
 * @param priority the priority; higher goes first
 * @param environmentArns the compute environments in order
 * @param tags the tags
 */
record JobQueue(
    String name,
    String arn,
    String state,
    int priority,
    List<String> environmentArns,
    Map<String, String> tags) {

  /** The DescribeJobQueues entry. */
  ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("jobQueueName", name);
    o.put("jobQueueArn", arn);
    o.put("state", state);
    o.put("status", "VALID");
    o.put("statusReason", "JobQueue Healthy");
    o.put("priority", priority);
    ArrayNode order = o.putArray("computeEnvironmentOrder");
    for (int i = 0; i < environmentArns.size(); i++) {
      order.addObject().put("order", i + 1).put("computeEnvironment", environmentArns.get(i));
    }
    ObjectNode t = o.putObject("tags");
    tags.forEach(t::put);
    return o;
  }
}
