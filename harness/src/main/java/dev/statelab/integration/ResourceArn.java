package dev.statelab.integration;

/**
 * A Task Resource ARN taken apart the way Step Functions names it in history events.
 *
 * @param arn the ARN as written
 * @param kind what the resource is
 * @param resourceType the history's {@code resourceType}, e.g. {@code lambda}
 * @param resource the history's {@code resource}, e.g. {@code invoke.waitForTaskToken}
 * @param pattern the integration pattern
 * @param name the function or activity name for {@link Kind#LAMBDA_FUNCTION} and {@link Kind#ACTIVITY}
 */
public record ResourceArn(String arn, Kind kind, String resourceType, String resource, Pattern pattern, String name) {

  /** What a resource ARN points at. */
  public enum Kind {
    /** {@code arn:aws:lambda:region:account:function:name}: a Lambda function called directly. */
    LAMBDA_FUNCTION,
    /** {@code arn:aws:states:region:account:activity:name}. */
    ACTIVITY,
    /** {@code arn:aws:states:::service:action[.pattern]}: an optimized or AWS SDK integration. */
    SERVICE,
    /** Anything else. */
    OTHER
  }

  /** The integration pattern of a service integration. */
  public enum Pattern {
    /** Call the API and go on. */
    REQUEST_RESPONSE,
    /** Run a job and wait for it ({@code .sync} / {@code .sync:2}). */
    SYNC,
    /** Wait for a callback with the task token ({@code .waitForTaskToken}). */
    WAIT_FOR_TASK_TOKEN
  }

  /** Parses a Resource ARN. */
  public static ResourceArn parse(String arn) {
    String[] parts = arn.split(":", 7);
    if (parts.length >= 7 && parts[2].equals("lambda") && parts[5].equals("function")) {
      return new ResourceArn(arn, Kind.LAMBDA_FUNCTION, "lambda", arn, Pattern.REQUEST_RESPONSE, parts[6]);
    }
    if (parts.length >= 7 && parts[2].equals("states") && parts[5].equals("activity")) {
      return new ResourceArn(arn, Kind.ACTIVITY, "activity", arn, Pattern.WAIT_FOR_TASK_TOKEN, parts[6]);
    }
    if (parts.length >= 7 && parts[2].equals("states") && parts[3].isEmpty() && parts[4].isEmpty()) {
      String resourceType = parts[5];
      String resource = parts[6];
      Pattern pattern = Pattern.REQUEST_RESPONSE;
      if (resource.endsWith(".waitForTaskToken")) {
        pattern = Pattern.WAIT_FOR_TASK_TOKEN;
      } else if (resource.endsWith(".sync") || resource.contains(".sync:")) {
        pattern = Pattern.SYNC;
      }
      if (resourceType.equals("aws-sdk")) {
        int colon = resource.indexOf(':');
        if (colon > 0) {
          resourceType = "aws-sdk:" + resource.substring(0, colon);
          resource = resource.substring(colon + 1);
        }
      }
      return new ResourceArn(arn, Kind.SERVICE, resourceType, resource, pattern, null);
    }
    return new ResourceArn(arn, Kind.OTHER, "unknown", arn, Pattern.REQUEST_RESPONSE, null);
  }

  /** The resource without its pattern suffix, e.g. {@code invoke} for {@code invoke.waitForTaskToken}. */
  public String action() {
    int dot = resource.indexOf('.');
    return dot < 0 ? resource : resource.substring(0, dot);
  }
}
