package dev.statelab.gateway;

/**
 * The AWS wire protocols the gateway speaks.
 *
 * <p>The two JSON RPC protocols route on the {@code X-Amz-Target} header ({@code Prefix.Operation})
 * and answer {@code POST /}. {@code restJson1} routes on the HTTP method and the request path.
 */
public enum AwsProtocol {

  /** {@code awsJson1_0}: Step Functions, DynamoDB, DynamoDB Streams. */
  AWS_JSON_1_0("application/x-amz-json-1.0"),

  /** {@code awsJson1_1}: EventBridge, Cost Explorer. */
  AWS_JSON_1_1("application/x-amz-json-1.1"),

  /** {@code restJson1}: Lambda, Batch. */
  REST_JSON_1("application/json"),

  /**
   * {@code restXml}: S3. Routed by path like {@code restJson1}, but only for requests signed for
   * the service or addressed to a bucket host ({@code bucket.s3.localhost}); errors are XML.
   */
  REST_XML("application/xml");

  private final String contentType;

  AwsProtocol(String contentType) {
    this.contentType = contentType;
  }

  /** The {@code Content-Type} of this protocol's responses. */
  public String contentType() {
    return contentType;
  }

  /** Whether requests are routed by {@code X-Amz-Target} rather than by path. */
  public boolean isTargetRouted() {
    return this == AWS_JSON_1_0 || this == AWS_JSON_1_1;
  }
}
