package dev.statelab.chaos;

import dev.statelab.asl.errors.StatesError;
import dev.statelab.integration.ResourceArn;
import dev.statelab.integration.awssdk.AwsSdkBridge;

/**
 * The throttling and internal errors each Task integration reports, with Step Functions' error
 * names and SDK-v1 style causes, as a failed call to the real service shows them.
 */
final class AwsErrors {

  private AwsErrors() {}

  /** The integration's throttling error. */
  static StatesError throttle(ResourceArn arn, String requestId) {
    String type = arn.resourceType();
    if (type.equals("lambda")) {
      return v1("Lambda.TooManyRequestsException", "Rate Exceeded.", "AWSLambda", 429, "TooManyRequestsException", requestId);
    }
    if (type.equals("dynamodb")) {
      return v1("DynamoDB.ProvisionedThroughputExceededException",
          "The level of configured provisioned throughput for the table was exceeded. Consider increasing your"
              + " provisioning level with the UpdateTable API.",
          "AmazonDynamoDBv2", 400, "ProvisionedThroughputExceededException", requestId);
    }
    if (type.equals("batch")) {
      return v1("Batch.TooManyRequestsException", "Too Many Requests", "AWSBatch", 429, "TooManyRequestsException", requestId);
    }
    if (type.startsWith("aws-sdk:")) {
      String service = type.substring("aws-sdk:".length());
      String code = service.equals("dynamodb") ? "ProvisionedThroughputExceededException"
          : service.equals("lambda") ? "TooManyRequestsException" : "ThrottlingException";
      return sdk(service, code, "Rate exceeded", 400, requestId);
    }
    return new StatesError("States.TaskFailed", "Rate exceeded");
  }

  /** The integration's internal service error. */
  static StatesError serviceError(ResourceArn arn, String requestId) {
    String type = arn.resourceType();
    if (type.equals("lambda")) {
      return v1("Lambda.ServiceException", "Internal Server Error", "AWSLambda", 500, "ServiceException", requestId);
    }
    if (type.equals("dynamodb")) {
      return v1("DynamoDB.InternalServerErrorException", "Internal server error", "AmazonDynamoDBv2", 500,
          "InternalServerError", requestId);
    }
    if (type.equals("batch")) {
      return v1("Batch.ServerException", "Internal server error", "AWSBatch", 500, "ServerException", requestId);
    }
    if (type.startsWith("aws-sdk:")) {
      return sdk(type.substring("aws-sdk:".length()), "InternalServerError", "Internal server error", 500, requestId);
    }
    return new StatesError("States.TaskFailed", "Internal server error");
  }

  private static StatesError v1(String error, String message, String service, int status, String code, String requestId) {
    return new StatesError(error, message + " (Service: " + service + "; Status Code: " + status + "; Error Code: "
        + code + "; Request ID: " + requestId + "; Proxy: null)");
  }

  private static StatesError sdk(String service, String code, String message, int status, String requestId) {
    String name = AwsSdkBridge.errorName(service, code);
    String prefix = name.substring(0, name.indexOf('.'));
    return new StatesError(name, message + " (Service: " + prefix + ", Status Code: " + status + ", Request ID: "
        + requestId + ")");
  }
}
