package dev.statelab.service.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.util.List;
import java.util.Map;

/**
 * One revision of a job definition.
 *
 * @param name the name
 * @param revision the revision, from 1
 * @param arn the ARN ({@code ...:job-definition/name:revision})
 * @param type {@code container} or {@code multinode}
 * @param containerProperties the container properties as registered
 * @param parameters default parameters (also where {@code statelab:*} model keys go)
 * @param retryStrategy the retry strategy, or null
 * @param timeoutSeconds the attempt timeout in seconds, or 0 for none
 * @param tags the tags (also where {@code statelab:*} model keys go)
 * @param platformCapabilities {@code EC2} and/or {@code FARGATE}
 */
record JobDefinition(
    String name,
    int revision,
    String arn,
    String type,
    JsonNode containerProperties,
    Map<String, String> parameters,
    JsonNode retryStrategy,
    int timeoutSeconds,
    Map<String, String> tags,
    List<String> platformCapabilities) {

  /** The DescribeJobDefinitions entry. */
  ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("jobDefinitionName", name);
    o.put("jobDefinitionArn", arn);
    o.put("revision", revision);
    o.put("status", "ACTIVE");
    o.put("type", type);
    ObjectNode p = o.putObject("parameters");
    parameters.forEach(p::put);
    if (retryStrategy != null) {
      o.set("retryStrategy", retryStrategy.deepCopy());
    }
    o.set("containerProperties", containerProperties.deepCopy());
    if (timeoutSeconds > 0) {
      o.putObject("timeout").put("attemptDurationSeconds", timeoutSeconds);
    }
    ObjectNode t = o.putObject("tags");
    tags.forEach(t::put);
    ArrayNode pc = o.putArray("platformCapabilities");
    platformCapabilities.forEach(pc::add);
    return o;
  }
}
