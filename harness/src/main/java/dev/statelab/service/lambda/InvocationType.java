package dev.statelab.service.lambda;

import dev.statelab.gateway.AwsServiceException;

/** How Invoke runs a function ({@code X-Amz-Invocation-Type}). */
public enum InvocationType {
  /** Run and wait for the response (200). */
  REQUEST_RESPONSE,
  /** Queue the event and return at once (202). */
  EVENT,
  /** Only check that the call would be allowed (204). */
  DRY_RUN;

  /**
   * Parses the wire value; null means RequestResponse.
   *
   * @throws AwsServiceException {@code InvalidParameterValueException} for other values
   */
  public static InvocationType parse(String value) {
    if (value == null || value.equals("RequestResponse")) {
      return REQUEST_RESPONSE;
    }
    if (value.equals("Event")) {
      return EVENT;
    }
    if (value.equals("DryRun")) {
      return DRY_RUN;
    }
    throw new AwsServiceException("InvalidParameterValueException",
        "1 validation error detected: Value '" + value + "' at 'invocationType' failed to satisfy constraint:"
            + " Member must satisfy enum value set: [RequestResponse, Event, DryRun]");
  }
}
