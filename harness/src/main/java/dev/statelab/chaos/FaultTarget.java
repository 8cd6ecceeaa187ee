package dev.statelab.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.integration.ResourceArn;
import dev.statelab.integration.TaskRequest;
import dev.statelab.service.lambda.LambdaStore;
import java.util.Objects;

/**
 * What a fault rule applies to: a Lambda function, a service's Task integrations, a Task state,
 * a Batch job definition, or every task.
 *
 * @param kind the kind of target
 * @param name the function, service id, state or job definition name (empty for {@link Kind#ANY_TASK})
 */
public record FaultTarget(Kind kind, String name) {

  /** The kinds of target. */
  public enum Kind {
    /** A Lambda function, called by ARN or through {@code lambda:invoke}. */
    FUNCTION,
    /** Every Task of a service ({@code lambda}, {@code dynamodb}, {@code batch}; aws-sdk ones too). */
    SERVICE,
    /** A Task state by name. */
    STATE,
    /** Attempts of Batch jobs of a job definition (any revision). */
    JOB_DEFINITION,
    /** Every Task state. */
    ANY_TASK
  }

  /** Validates the target. */
  public FaultTarget {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  /** True for targets that Task states hit (not Batch job attempts). */
  boolean isTask() {
    return kind != Kind.JOB_DEFINITION;
  }

  /** True when the Task request hits this target. */
  boolean matches(TaskRequest request, ResourceArn arn) {
    return switch (kind) {
      case ANY_TASK -> true;
      case STATE -> name.equals(request.stateName());
      case FUNCTION -> name.equals(functionName(request, arn));
      case SERVICE -> arn.resourceType().equals(name) || arn.resourceType().equals("aws-sdk:" + name);
      case JOB_DEFINITION -> false;
    };
  }

  /** The Lambda function a task calls, or null when it calls none. */
  static String functionName(TaskRequest request, ResourceArn arn) {
    if (arn.kind() == ResourceArn.Kind.LAMBDA_FUNCTION) {
      return LambdaStore.functionName(arn.name());
    }
    if (arn.kind() == ResourceArn.Kind.SERVICE && arn.resourceType().equals("lambda") && arn.action().equals("invoke")) {
      JsonNode fn = request.parameters() == null ? null : request.parameters().get("FunctionName");
      return fn != null && fn.isTextual() ? LambdaStore.functionName(fn.asText()) : null;
    }
    return null;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case FUNCTION -> "function:" + name;
      case SERVICE -> "service:" + name;
      case STATE -> "state:" + name;
      case JOB_DEFINITION -> "jobDefinition:" + name;
      case ANY_TASK -> "task:*";
    };
  }
}
