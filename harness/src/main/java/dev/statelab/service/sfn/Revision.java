package dev.statelab.service.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import java.time.Instant;

/**
 * One revision of a state machine's configuration: what a version freezes and an execution runs.
 *
 * @param revisionId the revision id DescribeStateMachine reports
 * @param definition the definition text as the caller sent it
 * @param machine the parsed definition
 * @param roleArn the execution role
 * @param logging the loggingConfiguration as it is described
 * @param tracing the tracingConfiguration as it is described
 * @param encryption the encryptionConfiguration as it is described
 * @param date when the revision was made (creation or update)
 */
record Revision(
    String revisionId,
    String definition,
    StateMachine machine,
    String roleArn,
    JsonNode logging,
    JsonNode tracing,
    JsonNode encryption,
    Instant date) {

  /** True when the two revisions configure the same thing (the role is compared by the caller). */
  boolean sameConfiguration(String otherDefinition, JsonNode otherLogging, JsonNode otherTracing,
      JsonNode otherEncryption) {
    return definition.equals(otherDefinition) && logging.equals(otherLogging)
        && tracing.equals(otherTracing) && encryption.equals(otherEncryption);
  }
}
