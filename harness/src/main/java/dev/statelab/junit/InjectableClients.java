package dev.statelab.junit;

import dev.statelab.gateway.SdkClients;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.batch.BatchAsyncClient;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerAsyncClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The SDK client types the extension injects, how each is built, and whether LocalStack has it. */
final class InjectableClients {

  /**
   * One injectable client type.
   *
   * @param inLocalStack true when the LocalStack backend serves its service
   * @param build builds a client from a factory
   */
  record Kind(boolean inLocalStack, Function<SdkClients, Object> build) {}

  private static final Map<Class<?>, Kind> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put(SfnClient.class, new Kind(true, c -> c.client(SfnClient.builder())));
    KINDS.put(SfnAsyncClient.class, new Kind(true, c -> c.asyncClient(SfnAsyncClient.builder())));
    KINDS.put(DynamoDbClient.class, new Kind(true, c -> c.client(DynamoDbClient.builder())));
    KINDS.put(DynamoDbAsyncClient.class, new Kind(true, c -> c.asyncClient(DynamoDbAsyncClient.builder())));
    KINDS.put(DynamoDbStreamsClient.class, new Kind(true, c -> c.client(DynamoDbStreamsClient.builder())));
    KINDS.put(DynamoDbStreamsAsyncClient.class,
        new Kind(true, c -> c.asyncClient(DynamoDbStreamsAsyncClient.builder())));
    KINDS.put(EventBridgeClient.class, new Kind(true, c -> c.client(EventBridgeClient.builder())));
    KINDS.put(EventBridgeAsyncClient.class, new Kind(true, c -> c.asyncClient(EventBridgeAsyncClient.builder())));
    KINDS.put(S3Client.class, new Kind(true, c -> c.client(S3Client.builder())));
    KINDS.put(S3AsyncClient.class, new Kind(true, c -> c.asyncClient(S3AsyncClient.builder())));
    KINDS.put(LambdaClient.class, new Kind(false, c -> c.client(LambdaClient.builder())));
    KINDS.put(LambdaAsyncClient.class, new Kind(false, c -> c.asyncClient(LambdaAsyncClient.builder())));
    KINDS.put(BatchClient.class, new Kind(false, c -> c.client(BatchClient.builder())));
    KINDS.put(BatchAsyncClient.class, new Kind(false, c -> c.asyncClient(BatchAsyncClient.builder())));
    KINDS.put(CostExplorerClient.class, new Kind(false, c -> c.client(CostExplorerClient.builder())));
    KINDS.put(CostExplorerAsyncClient.class,
        new Kind(false, c -> c.asyncClient(CostExplorerAsyncClient.builder())));
  }

  private InjectableClients() {}

  /** The kind for a client type, or null when the type is not an injectable client. */
  static Kind kind(Class<?> type) {
    return KINDS.get(type);
  }

  /** Every injectable client type, for error messages. */
  static java.util.Set<Class<?>> types() {
    return KINDS.keySet();
  }
}
