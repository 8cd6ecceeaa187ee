package dev.statelab.service.sfn;

import dev.statelab.gateway.AwsServiceException;

/** Step Functions' error codes, with the messages AWS was observed to send. */
final class SfnErrors {

  /** The namespace AWS puts in front of Step Functions' modeled errors. */
  static final String MODEL = "com.amazonaws.swf.service.v2.model#";

  /** The namespace of request-validation errors. */
  static final String VALIDATE = "com.amazon.coral.validate#";

  private SfnErrors() {}

  static AwsServiceException error(String code, String message) {
    return new AwsServiceException(MODEL + code, message);
  }

  static AwsServiceException validation(String message) {
    return new AwsServiceException(VALIDATE + "ValidationException", message);
  }

  /** One failed constraint, in Coral's words. */
  static AwsServiceException constraint(String field, Object value, String constraint) {
    String shown = value == null ? "null" : "'" + value + "'";
    return validation("1 validation error detected: Value " + shown + " at '" + field
        + "' failed to satisfy constraint: " + constraint);
  }

  static AwsServiceException serialization(String message) {
    return new AwsServiceException("com.amazon.coral.service#SerializationException", message);
  }

  static AwsServiceException stateMachineDoesNotExist(String arn) {
    return error("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
  }

  static AwsServiceException stateMachineAlreadyExists(String arn) {
    return error("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
  }

  static AwsServiceException stateMachineDeleting(String arn) {
    return error("StateMachineDeleting", "State Machine is being deleted: '" + arn + "'");
  }

  static AwsServiceException typeNotSupported() {
    return error("StateMachineTypeNotSupported",
        "This operation is not supported by this type of state machine");
  }

  static AwsServiceException executionDoesNotExist(String arn) {
    return error("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
  }

  static AwsServiceException executionAlreadyExists(String arn) {
    return error("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
  }

  static AwsServiceException invalidArn(String detail) {
    return error("InvalidArn", "Invalid Arn: '" + detail + "'");
  }

  static AwsServiceException express() {
    return invalidArn("Resource type not valid in this context: express");
  }

  static AwsServiceException invalidName(String name) {
    return error("InvalidName", "Invalid Name: '" + name + "'");
  }

  static AwsServiceException invalidDefinition(String message) {
    return error("InvalidDefinition", message);
  }

  static AwsServiceException invalidExecutionInput(String detail) {
    return error("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + detail + "'");
  }

  static AwsServiceException invalidOutput(String detail) {
    return error("InvalidOutput", "Invalid State Machine Execution Output: '" + detail + "'");
  }

  static AwsServiceException invalidToken(String token) {
    return error("InvalidToken", "Invalid Token: '" + token + "'");
  }

  static AwsServiceException activityDoesNotExist(String arn) {
    return error("ActivityDoesNotExist", "Activity Does Not Exist: '" + arn + "'");
  }

  static AwsServiceException resourceNotFound(String arn) {
    return error("ResourceNotFound", "Resource not found: '" + arn + "'");
  }

  static AwsServiceException conflict(String message) {
    return error("ConflictException", message);
  }

  static AwsServiceException missingRequiredParameter(String message) {
    return error("MissingRequiredParameter", message);
  }
}
