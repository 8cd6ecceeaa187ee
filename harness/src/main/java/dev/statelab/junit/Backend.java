package dev.statelab.junit;

/**
 * Where the services behind the injected clients run.
 *
 * <p>The system property {@value #PROPERTY} ({@code embedded}, {@code localstack}, {@code auto})
 * chooses when the annotation or builder says {@link #DEFAULT}.
 */
public enum Backend {
  /** The system property {@value #PROPERTY} if set, else {@link #EMBEDDED}. */
  DEFAULT,
  /** Everything in-process, behind one loopback gateway. */
  EMBEDDED,
  /**
   * Step Functions, DynamoDB (and its streams), EventBridge and S3 in a LocalStack container
   * (Testcontainers, needs Docker); Lambda, Batch and Cost Explorer from the embedded gateway.
   */
  LOCALSTACK,
  /** {@link #LOCALSTACK} when a Docker engine is available, else {@link #EMBEDDED}. */
  AUTO;

  /** The system property that chooses the backend for {@link #DEFAULT}. */
  public static final String PROPERTY = "statelab.backend";
}
