package dev.statelab.service.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.gateway.AwsServiceException;

/**
 * One target of a rule as PutTargets gave it.
 *
 * @param id the target's Id, unique within the rule
 * @param arn where events go: a state machine, a Lambda function or an event bus
 * @param maximumRetryAttempts RetryPolicy.MaximumRetryAttempts (default 185)
 * @param maximumEventAgeSeconds RetryPolicy.MaximumEventAgeInSeconds (default 86400)
 * @param deadLetterArn DeadLetterConfig.Arn, or null
 * @param json the target as given, answered by ListTargetsByRule
 */
public record Target(String id, String arn, int maximumRetryAttempts, int maximumEventAgeSeconds,
    String deadLetterArn, JsonNode json) {

  /** AWS's default retry attempts. */
  public static final int DEFAULT_RETRY_ATTEMPTS = 185;
  /** AWS's default maximum event age (24 hours). */
  public static final int DEFAULT_EVENT_AGE_SECONDS = 86_400;

  /**
   * Reads and validates a PutTargets entry.
   *
   * @throws AwsServiceException {@code ValidationException} for an entry AWS rejects outright
   */
  static Target of(JsonNode t) {
    String id = t.path("Id").asText("");
    String arn = t.path("Arn").asText("");
    if (id.isEmpty() || id.length() > 64 || !id.matches("[.\\-_A-Za-z0-9]+")) {
      throw new AwsServiceException("ValidationException", "1 validation error detected: Value '"
          + id + "' at 'targets.1.member.id' failed to satisfy constraint: Member must satisfy"
          + " regular expression pattern: [\\.\\-_A-Za-z0-9]+");
    }
    if (arn.isEmpty()) {
      throw new AwsServiceException("ValidationException", "1 validation error detected: Value null"
          + " at 'targets.1.member.arn' failed to satisfy constraint: Member must not be null");
    }
    int given = (t.has("Input") ? 1 : 0) + (t.has("InputPath") ? 1 : 0)
        + (t.has("InputTransformer") ? 1 : 0);
    if (given > 1) {
      throw new AwsServiceException("ValidationException", "Only one of Input, InputPath, or"
          + " InputTransformer must be provided for target " + id + ".");
    }
    if (t.has("Input")) {
      try {
        dev.statelab.json.Json.parse(t.get("Input").asText());
      } catch (IllegalArgumentException e) {
        throw new AwsServiceException("ValidationException",
            "Input is not a valid JSON text for target " + id + ".");
      }
    }
    if (t.has("InputTransformer")) {
      InputShaping.validate(t.get("InputTransformer"), id);
    }
    JsonNode retry = t.path("RetryPolicy");
    int attempts = retry.path("MaximumRetryAttempts").asInt(DEFAULT_RETRY_ATTEMPTS);
    int age = retry.path("MaximumEventAgeInSeconds").asInt(DEFAULT_EVENT_AGE_SECONDS);
    if (attempts < 0 || attempts > 185) {
      throw new AwsServiceException("ValidationException", "1 validation error detected: Value '"
          + attempts + "' at 'targets.1.member.retryPolicy.maximumRetryAttempts' failed to satisfy"
          + " constraint: Member must have value less than or equal to 185");
    }
    if (age < 60 || age > 86_400) {
      throw new AwsServiceException("ValidationException", "1 validation error detected: Value '"
          + age + "' at 'targets.1.member.retryPolicy.maximumEventAgeInSeconds' failed to satisfy"
          + " constraint: Member must have value " + (age < 60 ? "greater than or equal to 60"
          : "less than or equal to 86400"));
    }
    String dlq = t.path("DeadLetterConfig").path("Arn").asText(null);
    return new Target(id, arn, attempts, age, dlq, t.deepCopy());
  }

  /** The kind of resource the ARN names. */
  public Kind kind() {
    if (arn.startsWith("arn:aws:states:") && arn.contains(":stateMachine:")) {
      return Kind.STATE_MACHINE;
    }
    if (arn.startsWith("arn:aws:lambda:") && arn.contains(":function:")) {
      return Kind.LAMBDA;
    }
    if (arn.startsWith("arn:aws:events:") && arn.contains(":event-bus/")) {
      return Kind.EVENT_BUS;
    }
    return Kind.OTHER;
  }

  /** The target kinds the stand-in delivers to. */
  public enum Kind {
    /** StartExecution on a Step Functions state machine. */
    STATE_MACHINE,
    /** An asynchronous Lambda invoke. */
    LAMBDA,
    /** PutEvents onto another bus. */
    EVENT_BUS,
    /** Anything else: every delivery fails. */
    OTHER
  }
}
