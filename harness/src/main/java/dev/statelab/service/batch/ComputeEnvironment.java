package dev.statelab.service.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.util.Map;

/**
 * A compute environment: its vCPU capacity bounds how many jobs run at once.
 *
 * @param name the name
 * @param arn the ARN
 * @param type {@code MANAGED} or {@code UNMANAGED}
 * @param state {@code ENABLED} or {@code DISABLED}
 * @param computeResources the computeResources as created, or null
 * @param maxvCpus the vCPUs jobs may hold at once (infinite when not given)
 * @param platform {@code EC2} or {@code FARGATE}
 * @param tags the tags
 */
record ComputeEnvironment(
    String name,
    String arn,
    String type,
    String state,
    JsonNode computeResources,
    double maxvCpus,
    String platform,
    Map<String, String> tags) {

  /** The DescribeComputeEnvironments entry. */
  ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("computeEnvironmentName", name);
    o.put("computeEnvironmentArn", arn);
    o.put("type", type);
    o.put("state", state);
    o.put("status", "VALID");
    o.put("statusReason", "ComputeEnvironment Healthy");
    if (computeResources != null) {
      o.set("computeResources", computeResources.deepCopy());
    }
    ObjectNode t = o.putObject("tags");
    tags.forEach(t::put);
    return o;
  }
}
