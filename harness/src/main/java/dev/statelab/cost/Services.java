package dev.statelab.cost;

/** The billing names of the services StateLab stands in for, as Cost Explorer's SERVICE dimension spells them. */
public final class Services {

  /** Step Functions, Standard and Express. */
  public static final String STEP_FUNCTIONS = "AWS Step Functions";
  /** Lambda. */
  public static final String LAMBDA = "AWS Lambda";
  /** Batch compute (billed as the Fargate or EC2 it runs on). */
  public static final String BATCH = "AWS Batch";
  /** DynamoDB, tables and streams. */
  public static final String DYNAMODB = "Amazon DynamoDB";
  /** EventBridge, buses and pipes. */
  public static final String EVENTBRIDGE = "Amazon EventBridge";
  /** S3. */
  public static final String S3 = "Amazon Simple Storage Service";
  /** Cost Explorer's own API requests. */
  public static final String COST_EXPLORER = "AWS Cost Explorer";

  private Services() {}
}
