package dev.statelab.gateway;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the gateway needs to route to one AWS service: signing name, protocol and operations.
 *
 * <p>A JSON RPC service names its {@code X-Amz-Target} prefix and its operations:
 *
 * <pre>{@code
 * ServiceSpec.newBuilder(AwsProtocol.AWS_JSON_1_0, "states")
 *     .targetPrefix("AWSStepFunctions")
 *     .operations("ListStateMachines", "StartExecution", "StartSyncExecution")
 *     .build();
 * }</pre>
 *
 * <p>A {@code restJson1} service lists routes instead:
 *
 * <pre>{@code
 * ServiceSpec.newBuilder(AwsProtocol.REST_JSON_1, "lambda")
 *     .route("POST", "/2015-03-31/functions/{FunctionName}/invocations", "Invoke")
 *     .maxRequestBytes(6 * 1024 * 1024)
 *     .build();
 * }</pre>
 *
 * <p>The signing name is the service in the SigV4 credential scope. It only breaks ties: the
 * target prefix or the route decides first, because some clients sign with another service's
 * name (DynamoDB Streams signs as {@code dynamodb}).
 */
public final class ServiceSpec {

  private static final Pattern SIGNING_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]+");

  private final AwsProtocol protocol;
  private final String signingName;
  private final String targetPrefix;
  private final Set<String> operations;
  private final List<RestRoute> routes;
  private final long maxRequestBytes;

  private ServiceSpec(Builder builder) {
    this.protocol = builder.protocol;
    this.signingName = builder.signingName;
    this.targetPrefix = builder.targetPrefix;
    this.routes = List.copyOf(builder.routes);
    Set<String> ops = new LinkedHashSet<>(builder.operations);
    for (RestRoute route : routes) {
      ops.add(route.operation());
    }
    this.operations = Set.copyOf(ops);
    this.maxRequestBytes = builder.maxRequestBytes;
  }

  /** Starts a spec for a service speaking {@code protocol}, signed as {@code signingName}. */
  public static Builder newBuilder(AwsProtocol protocol, String signingName) {
    return new Builder(protocol, signingName);
  }

  /** The wire protocol. */
  public AwsProtocol protocol() {
    return protocol;
  }

  /** The SigV4 signing name, e.g. {@code states}. */
  public String signingName() {
    return signingName;
  }

  /** The {@code X-Amz-Target} prefix for JSON RPC services; empty for {@code restJson1}. */
  public String targetPrefix() {
    return targetPrefix;
  }

  /** Every operation name this service answers. */
  public Set<String> operations() {
    return operations;
  }

  /** The {@code restJson1} routes; empty for JSON RPC services. */
  public List<RestRoute> routes() {
    return routes;
  }

  /** The largest request body accepted, or 0 for the gateway's default. */
  public long maxRequestBytes() {
    return maxRequestBytes;
  }

  /** A short name for messages: the target prefix, or the signing name for REST services. */
  String displayName() {
    return targetPrefix.isEmpty() ? signingName : targetPrefix;
  }

  @Override
  public String toString() {
    return "ServiceSpec[" + protocol + " " + signingName
        + (targetPrefix.isEmpty() ? "" : " " + targetPrefix) + ", " + operations.size()
        + " operations]";
  }

  /** Builds a {@link ServiceSpec}; not thread-safe. */
  public static final class Builder {

    private final AwsProtocol protocol;
    private final String signingName;
    private String targetPrefix = "";
    private final Set<String> operations = new LinkedHashSet<>();
    private final List<RestRoute> routes = new ArrayList<>();
    private long maxRequestBytes;

    private Builder(AwsProtocol protocol, String signingName) {
      this.protocol = Objects.requireNonNull(protocol, "protocol");
      this.signingName = Objects.requireNonNull(signingName, "signingName");
      if (!SIGNING_NAME.matcher(signingName).matches()) {
        throw new IllegalArgumentException("Not a SigV4 signing name: '" + signingName + "'");
      }
    }

    /** Sets the {@code X-Amz-Target} prefix (JSON RPC only), e.g. {@code DynamoDB_20120810}. */
    public Builder targetPrefix(String prefix) {
      Objects.requireNonNull(prefix, "prefix");
      if (!TOKEN.matcher(prefix).matches()) {
        throw new IllegalArgumentException("Not a target prefix: '" + prefix + "'");
      }
      this.targetPrefix = prefix;
      return this;
    }

    /** Adds operation names (JSON RPC). */
    public Builder operations(String... names) {
      return operations(List.of(names));
    }

    /** Adds operation names (JSON RPC). */
    public Builder operations(Collection<String> names) {
      for (String name : names) {
        if (name == null || !TOKEN.matcher(name).matches() || name.indexOf('.') >= 0) {
          throw new IllegalArgumentException("Not an operation name: '" + name + "'");
        }
        operations.add(name);
      }
      return this;
    }

    /** Adds a {@code restJson1} route; see {@link RestRoute#of}. */
    public Builder route(String method, String pathTemplate, String operation) {
      return route(RestRoute.of(method, pathTemplate, operation));
    }

    /** Adds a {@code restJson1} route. */
    public Builder route(RestRoute route) {
      Objects.requireNonNull(route, "route");
      for (RestRoute existing : routes) {
        if (existing.method().equals(route.method())
            && existing.pathTemplate().equals(route.pathTemplate())) {
          throw new IllegalArgumentException("Duplicate route " + route);
        }
      }
      routes.add(route);
      return this;
    }

    /** Overrides the gateway's request size limit for this service (Lambda allows 6 MB). */
    public Builder maxRequestBytes(long bytes) {
      if (bytes <= 0 || bytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "maxRequestBytes must be in 1.." + (Integer.MAX_VALUE - 8) + ": " + bytes);
      }
      this.maxRequestBytes = bytes;
      return this;
    }

    /**
     * Builds the spec.
     *
     * @throws IllegalStateException if a JSON RPC spec lacks a target prefix or operations, has
     *     routes, or a REST spec lacks routes or has a target prefix
     */
    public ServiceSpec build() {
      if (protocol.isTargetRouted()) {
        if (targetPrefix.isEmpty()) {
          throw new IllegalStateException(protocol + " service '" + signingName
              + "' needs a targetPrefix");
        }
        if (operations.isEmpty()) {
          throw new IllegalStateException(protocol + " service '" + signingName
              + "' needs at least one operation");
        }
        if (!routes.isEmpty()) {
          throw new IllegalStateException(protocol + " service '" + signingName
              + "' is routed by X-Amz-Target, not by path; remove its routes");
        }
      } else {
        if (routes.isEmpty()) {
          throw new IllegalStateException(protocol + " service '" + signingName
              + "' needs at least one route");
        }
        if (!targetPrefix.isEmpty() || !operations.isEmpty()) {
          throw new IllegalStateException(protocol + " service '" + signingName
              + "' is routed by path; give operations through route(...) only");
        }
      }
      return new ServiceSpec(this);
    }
  }
}
