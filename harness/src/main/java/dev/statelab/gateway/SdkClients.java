package dev.statelab.gateway;

import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3BaseClientBuilder;

/**
 * Builds AWS SDK for Java v2 clients configured for a local endpoint.
 *
 * <pre>{@code
 * SdkClients clients = SdkClients.forEndpoint(gateway.endpoint());
 * try (SfnClient sfn = clients.client(SfnClient.builder());
 *     DynamoDbClient ddb = clients.client(DynamoDbClient.builder())) { ... }
 * }</pre>
 *
 * <p>Every client gets:
 *
 * <ul>
 *   <li>{@code endpointOverride}, the region and static dummy credentials;
 *   <li>{@link AwsRetryStrategy#doNotRetry()}: the SDK's default makes up to 4 attempts, which
 *       would hide from a workflow's {@code Retry} the very failures a test injects;
 *   <li>{@link SdkAdvancedClientOption#DISABLE_HOST_PREFIX_INJECTION}: otherwise {@code
 *       StartSyncExecution} calls {@code http://sync-127.0.0.1:port} and fails with {@code
 *       UnknownHostException} (the model's {@code hostPrefix: "sync-"});
 *   <li>its own {@link Apache5HttpClient} (sync) or {@link NettyNioAsyncHttpClient} (async), set
 *       explicitly (the SDK otherwise picks one from the class path silently); it is closed with
 *       the client;
 *   <li>for S3, path-style addressing ({@code http://127.0.0.1:port/bucket/key}): virtual-hosted
 *       style would call {@code http://bucket.127.0.0.1:port}.
 * </ul>
 *
 * <p>{@code overrideConfiguration(Consumer)} replaces earlier override configuration, so pass
 * timeouts and the like through {@link #client(AwsClientBuilder, Consumer)} rather than on the
 * builder. Instances are immutable.
 */
public final class SdkClients {

  /** The access key id clients sign with. */
  public static final String ACCESS_KEY_ID = "test";

  /** The secret access key clients sign with. */
  public static final String SECRET_ACCESS_KEY = "test";

  private final URI endpoint;
  private final Region region;
  private final AwsCredentialsProvider credentials;

  private SdkClients(URI endpoint, Region region, AwsCredentialsProvider credentials) {
    this.endpoint = endpoint;
    this.region = region;
    this.credentials = credentials;
  }

  /** Clients for {@code endpoint}, in {@code us-east-1}, signing with {@code test}/{@code test}. */
  public static SdkClients forEndpoint(URI endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    return new SdkClients(endpoint, Region.of(GatewayOptions.DEFAULT_REGION),
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)));
  }

  /** A copy whose clients use another region (the gateway reads it from the signature). */
  public SdkClients withRegion(String region) {
    return new SdkClients(endpoint, Region.of(Objects.requireNonNull(region, "region")),
        credentials);
  }

  /** A copy whose clients sign with other keys. */
  public SdkClients withCredentials(String accessKeyId, String secretAccessKey) {
    return new SdkClients(endpoint, region, StaticCredentialsProvider.create(
        AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
  }

  /** The endpoint clients call. */
  public URI endpoint() {
    return endpoint;
  }

  /** The region clients sign for. */
  public Region region() {
    return region;
  }

  /** The credentials clients sign with. */
  public AwsCredentialsProvider credentialsProvider() {
    return credentials;
  }

  /** Builds a sync client, e.g. {@code client(SfnClient.builder())}. */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
    return client(builder, o -> { });
  }

  /**
   * Builds a sync client with more override configuration (timeouts, interceptors); the retry
   * strategy and host-prefix option are applied first, so {@code override} may change them.
   */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
      B builder, Consumer<ClientOverrideConfiguration.Builder> override) {
    Objects.requireNonNull(override, "override");
    return configure(builder, override)
        .httpClientBuilder(Apache5HttpClient.builder())
        .build();
  }

  /** Builds an async client on Netty, e.g. {@code asyncClient(SfnAsyncClient.builder())}. */
  public <B extends AwsClientBuilder<B, C> & AwsAsyncClientBuilder<B, C>, C> C asyncClient(
      B builder) {
    return configure(builder, o -> { })
        .httpClientBuilder(NettyNioAsyncHttpClient.builder())
        .build();
  }

  /**
   * Applies endpoint, region, credentials, no retries and no host prefix to any client builder,
   * sync or async, leaving the HTTP client to the caller; returns the builder.
   */
  public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
    return configure(builder, o -> { });
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(
      B builder, Consumer<ClientOverrideConfiguration.Builder> override) {
    Objects.requireNonNull(builder, "builder");
    if (builder instanceof S3BaseClientBuilder<?, ?> s3) {
      s3.forcePathStyle(true);
    }
    return builder
        .endpointOverride(endpoint)
        .region(region)
        .credentialsProvider(credentials)
        .overrideConfiguration(o -> {
          o.retryStrategy(AwsRetryStrategy.doNotRetry());
          o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true);
          override.accept(o);
        });
  }

  @Override
  public String toString() {
    return "SdkClients[" + endpoint + ", " + region + "]";
  }
}
