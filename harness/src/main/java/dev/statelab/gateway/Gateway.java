package dev.statelab.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One local HTTP port that answers AWS SDKs, the AWS CLI and boto3 for every registered service.
 *
 * <pre>{@code
 * try (Gateway gateway = Gateway.start(GatewayOptions.defaults(), stepFunctions, lambda);
 *     SfnClient sfn = gateway.clients().client(SfnClient.builder())) {
 *   sfn.listStateMachines();
 * }
 * }</pre>
 *
 * <p>Requests are routed by {@code X-Amz-Target} (awsJson1_0, awsJson1_1) or by method and path
 * (restJson1); the SigV4 credential scope breaks ties and supplies the region. Signatures are not
 * checked. The {@code Host} header is ignored, so {@code sync-} hosts work too; the client side of
 * that story is {@link SdkClients}.
 *
 * <p>The server is the JDK's {@code com.sun.net.httpserver}. Without {@code
 * sun.net.httpserver.nodelay=true} every call waits about 50 ms for Nagle's algorithm, so {@link
 * #start} sets that property when nobody has; it takes effect only if no JDK HTTP server has run in
 * this JVM yet.
 */
public final class Gateway implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(Gateway.class.getName());
  private static final String NODELAY = "sun.net.httpserver.nodelay";
  private static final int BACKLOG = 256;
  private static final AtomicInteger GATEWAYS = new AtomicInteger();

  private final GatewayOptions options;
  private final Router router;
  private final HttpServer server;
  private final ExecutorService executor;
  private final URI endpoint;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Gateway(GatewayOptions options, Router router, HttpServer server,
      ExecutorService executor, URI endpoint) {
    this.options = options;
    this.router = router;
    this.server = server;
    this.executor = executor;
    this.endpoint = endpoint;
  }

  /** Starts a gateway serving {@code services}; see {@link #start(GatewayOptions, Collection)}. */
  public static Gateway start(GatewayOptions options, AwsService... services) {
    return start(options, List.of(services));
  }

  /**
   * Binds the port and starts serving.
   *
   * @throws IllegalArgumentException if two services claim one target prefix, or one signing
   *     name and route
   * @throws UncheckedIOException if the address cannot be bound
   */
  public static Gateway start(GatewayOptions options, Collection<? extends AwsService> services) {
    Objects.requireNonNull(options, "options");
    Router router = new Router(List.copyOf(services));
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    } else if (!Boolean.getBoolean(NODELAY)) {
      LOG.log(Level.WARNING, "StateLab gateway: " + NODELAY
          + " is false; each call will take about 50 ms");
    }
    InetSocketAddress address;
    try {
      address = new InetSocketAddress(InetAddress.getByName(options.host()), options.port());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot resolve gateway host " + options.host(), e);
    }
    HttpServer server;
    try {
      server = HttpServer.create(address, BACKLOG);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot bind the gateway to " + options.host() + ":"
          + options.port() + ": " + e.getMessage(), e);
    }
    ExecutorService executor = new ThreadPoolExecutor(options.threads(), options.threads(),
        0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
        daemonThreads("statelab-gateway-" + GATEWAYS.incrementAndGet() + "-"));
    server.createContext("/", new GatewayHandler(router, options, executor));
    server.setExecutor(executor);
    server.start();
    URI endpoint = endpointOf(server.getAddress());
    return new Gateway(options, router, server, executor, endpoint);
  }

  /** The base URI for clients, e.g. {@code http://127.0.0.1:49152}. */
  public URI endpoint() {
    return endpoint;
  }

  /** The bound port. */
  public int port() {
    return endpoint.getPort();
  }

  /** The region of unsigned requests, and of {@link #clients()}. */
  public String region() {
    return options.defaultRegion();
  }

  /** The account id handlers see. */
  public String accountId() {
    return options.accountId();
  }

  /** An access key id clients may sign with; any value is accepted. */
  public String accessKey() {
    return SdkClients.ACCESS_KEY_ID;
  }

  /** A secret key clients may sign with; any value is accepted. */
  public String secretKey() {
    return SdkClients.SECRET_ACCESS_KEY;
  }

  /** The options the gateway was started with. */
  public GatewayOptions options() {
    return options;
  }

  /** The services served, in registration order. */
  public List<AwsService> services() {
    return router.services();
  }

  /** A factory for SDK v2 clients pointed at this gateway, in {@link #region()}. */
  public SdkClients clients() {
    return SdkClients.forEndpoint(endpoint).withRegion(options.defaultRegion());
  }

  /** Stops listening and stops the handler threads; idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(0);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "Gateway[" + endpoint + ", " + router.services().size() + " services"
        + (closed.get() ? ", closed" : "") + "]";
  }

  private static URI endpointOf(InetSocketAddress bound) {
    InetAddress address = bound.getAddress();
    String host;
    if (address.isAnyLocalAddress()) {
      host = "127.0.0.1";
    } else if (address instanceof Inet6Address) {
      host = "[" + address.getHostAddress() + "]";
    } else {
      host = address.getHostAddress();
    }
    return URI.create("http://" + host + ":" + bound.getPort());
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
