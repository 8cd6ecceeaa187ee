package dev.statelab.gateway;

/**
 * The errors the gateway itself raises, named as AWS's front end names them.
 *
 * <p>AWS's JSON front end ("Coral") puts its own errors in the {@code com.amazon.coral.service}
 * namespace; every SDK drops the namespace, so clients see {@code SerializationException} etc.
 */
final class GatewayErrors {

  static final String CORAL = "com.amazon.coral.service#";

  /** Body is not JSON, or not a JSON object where one is required: 400. */
  static final String SERIALIZATION = CORAL + "SerializationException";

  /** Target or route names no operation of a known service: 400 (JSON RPC), 404 (REST). */
  static final String UNKNOWN_OPERATION = CORAL + "UnknownOperationException";

  /** Handler bug: 500. */
  static final String INTERNAL_FAILURE = CORAL + "InternalFailure";

  /** No Authorization header or presigned query when the gateway requires one: 400 / 403. */
  static final String MISSING_AUTHENTICATION_TOKEN = CORAL + "MissingAuthenticationTokenException";

  /** Request body over the limit: 413, Lambda's wire code and wording. */
  static final String REQUEST_ENTITY_TOO_LARGE = "RequestEntityTooLargeException";

  /** StateLab's own: neither target prefix, route nor signing name names a registered service. */
  static final String UNKNOWN_SERVICE = "UnknownServiceException";

  private GatewayErrors() {}

  static AwsServiceException serialization(String message) {
    return new AwsServiceException(SERIALIZATION, message, 400);
  }
}
