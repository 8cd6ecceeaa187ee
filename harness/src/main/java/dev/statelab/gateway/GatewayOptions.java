package dev.statelab.gateway;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a {@link Gateway} listens and what it tells handlers; built with {@link #newBuilder()}.
 *
 * <p>Defaults: host {@code 127.0.0.1}, an ephemeral port, {@code max(4, cores)} handler threads,
 * region {@code us-east-1}, account {@code 123456789012}, 1 MiB request bodies, and unsigned
 * requests accepted.
 */
public final class GatewayOptions {

  /** The region when a request carries no SigV4 credential scope. */
  public static final String DEFAULT_REGION = "us-east-1";

  /** The account id in ARNs; the one AWS documentation uses in examples. */
  public static final String DEFAULT_ACCOUNT_ID = "123456789012";

  /** 1 MiB: Step Functions' API request limit. */
  public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
  private static final Pattern REGION = Pattern.compile("[a-z0-9-]+");

  private final String host;
  private final int port;
  private final int threads;
  private final String defaultRegion;
  private final String accountId;
  private final long maxRequestBytes;
  private final boolean requireAuthorization;

  private GatewayOptions(Builder builder) {
    this.host = builder.host;
    this.port = builder.port;
    this.threads = builder.threads;
    this.defaultRegion = builder.defaultRegion;
    this.accountId = builder.accountId;
    this.maxRequestBytes = builder.maxRequestBytes;
    this.requireAuthorization = builder.requireAuthorization;
  }

  /** Starts from the defaults. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /** The defaults. */
  public static GatewayOptions defaults() {
    return newBuilder().build();
  }

  /** The address to bind. */
  public String host() {
    return host;
  }

  /** The port to bind; 0 picks a free one. */
  public int port() {
    return port;
  }

  /** Handler threads in the fixed pool. */
  public int threads() {
    return threads;
  }

  /** The region of unsigned requests. */
  public String defaultRegion() {
    return defaultRegion;
  }

  /** The account id handlers put in ARNs. */
  public String accountId() {
    return accountId;
  }

  /** The request body limit for services that set none. */
  public long maxRequestBytes() {
    return maxRequestBytes;
  }

  /** Whether a request without SigV4 credentials is refused, as AWS refuses it. */
  public boolean requireAuthorization() {
    return requireAuthorization;
  }

  @Override
  public String toString() {
    return "GatewayOptions[" + host + ":" + port + ", threads=" + threads + ", region="
        + defaultRegion + ", account=" + accountId + ", maxRequestBytes=" + maxRequestBytes
        + ", requireAuthorization=" + requireAuthorization + "]";
  }

  /** Builds {@link GatewayOptions}; not thread-safe. */
  public static final class Builder {

    private String host = "127.0.0.1";
    private int port;
    private int threads = Math.max(4, Runtime.getRuntime().availableProcessors());
    private String defaultRegion = DEFAULT_REGION;
    private String accountId = DEFAULT_ACCOUNT_ID;
    private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private boolean requireAuthorization;

    private Builder() {}

    /** Sets the bind address, e.g. {@code 0.0.0.0} to accept other machines. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** Sets the port; 0 picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("Port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** Sets the handler thread count. */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** Sets the region of unsigned requests. */
    public Builder defaultRegion(String region) {
      Objects.requireNonNull(region, "region");
      if (!REGION.matcher(region).matches()) {
        throw new IllegalArgumentException("Not a region name: '" + region + "'");
      }
      this.defaultRegion = region;
      return this;
    }

    /** Sets the 12-digit account id. */
    public Builder accountId(String accountId) {
      Objects.requireNonNull(accountId, "accountId");
      if (!ACCOUNT_ID.matcher(accountId).matches()) {
        throw new IllegalArgumentException("Account id must be 12 digits: '" + accountId + "'");
      }
      this.accountId = accountId;
      return this;
    }

    /** Sets the default request body limit. */
    public Builder maxRequestBytes(long bytes) {
      if (bytes <= 0 || bytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "maxRequestBytes must be in 1.." + (Integer.MAX_VALUE - 8) + ": " + bytes);
      }
      this.maxRequestBytes = bytes;
      return this;
    }

    /**
     * Refuses requests without SigV4 credentials with {@code MissingAuthenticationTokenException}.
     * Signatures are never checked either way.
     */
    public Builder requireAuthorization(boolean require) {
      this.requireAuthorization = require;
      return this;
    }

    /** Builds the options. */
    public GatewayOptions build() {
      return new GatewayOptions(this);
    }
  }
}
