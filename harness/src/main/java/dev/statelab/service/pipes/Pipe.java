package dev.statelab.service.pipes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.time.Instant;
import java.util.Map;

/**
 * A pipe's configuration and state, as DescribePipe answers it.
 *
 * @param name the pipe name
 * @param arn {@code arn:aws:pipes:<region>:<account>:pipe/<name>}
 * @param description the Description, or null
 * @param desiredState RUNNING or STOPPED
 * @param currentState RUNNING, STOPPED or CREATE_FAILED (transitions are immediate)
 * @param stateReason why the pipe is in its state, or null
 * @param source the source ARN (a DynamoDB stream)
 * @param sourceParameters SourceParameters as given
 * @param enrichment the enrichment Lambda ARN, or null
 * @param enrichmentParameters EnrichmentParameters as given, or null
 * @param target the target ARN (a state machine or an event bus)
 * @param targetParameters TargetParameters as given
 * @param roleArn the RoleArn
 * @param tags the tags
 * @param createdAt when it was created
 * @param modifiedAt when it last changed
 */
public record Pipe(String name, String arn, String description, String desiredState,
    String currentState, String stateReason, String source, JsonNode sourceParameters,
    String enrichment, JsonNode enrichmentParameters, String target, JsonNode targetParameters,
    String roleArn, Map<String, String> tags, Instant createdAt, Instant modifiedAt) {

  /** This pipe with other states. */
  Pipe withStates(String desired, String current, String reason, Instant at) {
    return new Pipe(name, arn, description, desired, current, reason, source, sourceParameters,
        enrichment, enrichmentParameters, target, targetParameters, roleArn, tags, createdAt, at);
  }

  /** This pipe with other tags. */
  Pipe withTags(Map<String, String> newTags) {
    return new Pipe(name, arn, description, desiredState, currentState, stateReason, source,
        sourceParameters, enrichment, enrichmentParameters, target, targetParameters, roleArn,
        Map.copyOf(newTags), createdAt, modifiedAt);
  }

  /** The DynamoDB stream parameters (an empty object when absent). */
  JsonNode streamParameters() {
    return sourceParameters.path("DynamoDBStreamParameters");
  }

  /** CreatePipe / StartPipe / StopPipe / UpdatePipe answer. */
  ObjectNode summary() {
    ObjectNode out = Json.object();
    out.put("Arn", arn);
    out.put("Name", name);
    out.put("DesiredState", desiredState);
    out.put("CurrentState", currentState);
    out.put("CreationTime", createdAt.toEpochMilli() / 1000.0);
    out.put("LastModifiedTime", modifiedAt.toEpochMilli() / 1000.0);
    return out;
  }

  /** ListPipes entry. */
  ObjectNode listEntry() {
    ObjectNode out = summary();
    if (stateReason != null) {
      out.put("StateReason", stateReason);
    }
    out.put("Source", source);
    out.put("Target", target);
    if (enrichment != null) {
      out.put("Enrichment", enrichment);
    }
    return out;
  }

  /** DescribePipe answer. */
  ObjectNode toJson() {
    ObjectNode out = listEntry();
    if (description != null) {
      out.put("Description", description);
    }
    out.set("SourceParameters", sourceParameters);
    if (enrichmentParameters != null) {
      out.set("EnrichmentParameters", enrichmentParameters);
    }
    out.set("TargetParameters", targetParameters);
    out.put("RoleArn", roleArn);
    ObjectNode t = out.putObject("Tags");
    tags.forEach(t::put);
    return out;
  }
}
