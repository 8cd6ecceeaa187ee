package dev.statelab.server;

import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.Gateway;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.gateway.AwsService;
import dev.statelab.gateway.SdkClients;
import dev.statelab.integration.awssdk.AwsSdkBridge;
import dev.statelab.service.sfn.SfnService;
import java.util.ArrayList;
import java.util.List;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * A world and a gateway serving Step Functions and the stand-in services for it, started and
 * closed together.
 *
 * <pre>{@code
 * try (StateLabServer server = StateLabServer.start(
 *     World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.REAL).build()),
 *     GatewayOptions.defaults())) {
 *   SfnClient sfn = server.sfnClient();            // closed with the server
 *   sfn.createStateMachine(b -> b.name("hello").definition(asl).roleArn(role));
 * }
 * }</pre>
 *
 * <p>{@link #start} starts the world's driver thread, so executions advance by themselves, and
 * binds the gateway with the world's region and account, so ARNs and the region clients sign for
 * agree. Closing the server closes the gateway, the service and the world.
 *
 * <p>Serve on the real clock (optionally scaled) when clients complete tasks from outside: on the
 * virtual clock a driven world jumps to the next timer whenever it is idle, so a task waiting for
 * SendTaskSuccess or a worker reaches its TimeoutSeconds (default 99,999,999 s) at once.
 */
public final class StateLabServer implements AutoCloseable {

  private final World world;
  private final SfnService sfn;
  private final Gateway gateway;
  private SfnClient client;
  private boolean closed;

  private StateLabServer(World world, SfnService sfn, Gateway gateway) {
    this.world = world;
    this.sfn = sfn;
    this.gateway = gateway;
  }

  /** Starts serving {@code world} (which the server then owns) with the default activity poll. */
  public static StateLabServer start(World world, GatewayOptions options) {
    return start(world, options, SfnService.DEFAULT_ACTIVITY_POLL);
  }

  /** Starts serving {@code world}; GetActivityTask polls wait at most {@code activityPoll}. */
  public static StateLabServer start(World world, GatewayOptions options, Duration activityPoll) {
    return start(world, options, activityPoll, ServiceModules.standard());
  }

  /**
   * Starts serving {@code world} with Step Functions and the given stand-in modules, each
   * installed into the world before the gateway opens.
   */
  public static StateLabServer start(
      World world, GatewayOptions options, Duration activityPoll, List<ServiceModule> modules) {
    return start(world, options, activityPoll, modules, true);
  }

  /**
   * Serves {@code world} with Step Functions and the given stand-in modules without starting its
   * driver: the caller moves the world ({@link World#runUntilIdle()}, {@link World#advanceBy}),
   * and requests run their ready work on the gateway's threads under the world's lock. For tests
   * that control time themselves; a {@code StartSyncExecution} that needs time to pass waits until
   * the caller moves it.
   */
  public static StateLabServer serveUndriven(
      World world, GatewayOptions options, Duration activityPoll, List<ServiceModule> modules) {
    return start(world, options, activityPoll, modules, false);
  }

  private static StateLabServer start(World world, GatewayOptions options, Duration activityPoll,
      List<ServiceModule> modules, boolean drive) {
    Objects.requireNonNull(world, "world");
    Objects.requireNonNull(options, "options");
    SfnService sfn = SfnService.newInstance(world, activityPoll);
    List<AwsService> services = new ArrayList<>();
    services.add(sfn);
    for (ServiceModule module : modules) {
      for (AwsService service : module.install(world)) {
        services.add(service);
        AwsSdkBridge.registerBySpec(world, service);
      }
    }
    if (drive) {
      world.startDriver();
    }
    WorldOptions w = world.options();
    GatewayOptions bound = GatewayOptions.newBuilder()
        .host(options.host())
        .port(options.port())
        .threads(options.threads())
        .defaultRegion(w.region())
        .accountId(w.accountId())
        .maxRequestBytes(options.maxRequestBytes())
        .requireAuthorization(options.requireAuthorization())
        .build();
    Gateway gateway;
    try {
      gateway = Gateway.start(bound, services);
    } catch (RuntimeException e) {
      sfn.close();
      world.close();
      throw e;
    }
    return new StateLabServer(world, sfn, gateway);
  }

  /** Builds a world from {@code worldOptions} and serves it. */
  public static StateLabServer start(WorldOptions worldOptions, GatewayOptions options) {
    return start(World.newInstance(worldOptions), options);
  }

  /** The base URI for clients, e.g. {@code http://127.0.0.1:4566}. */
  public URI endpoint() {
    return gateway.endpoint();
  }

  /** The bound port. */
  public int port() {
    return gateway.port();
  }

  /** The region in ARNs and the region clients sign for. */
  public String region() {
    return world.options().region();
  }

  /** The account id in ARNs. */
  public String accountId() {
    return world.options().accountId();
  }

  /** The world the executions run in. */
  public World world() {
    return world;
  }

  /** The Step Functions service. */
  public SfnService service() {
    return sfn;
  }

  /** The gateway. */
  public Gateway gateway() {
    return gateway;
  }

  /** A factory for SDK v2 clients pointed at this server (no retries, no host prefix). */
  public SdkClients clients() {
    return gateway.clients();
  }

  /** A shared Step Functions client for this server, built on first use, closed with it. */
  public synchronized SfnClient sfnClient() {
    if (closed) {
      throw new IllegalStateException("The server is closed");
    }
    if (client == null) {
      client = clients().client(SfnClient.builder());
    }
    return client;
  }

  /** Stops serving and closes the client, the service and the world; idempotent. */
  @Override
  public void close() {
    SfnClient c;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      c = client;
    }
    try {
      if (c != null) {
        c.close();
      }
    } finally {
      try {
        gateway.close();
      } finally {
        try {
          sfn.close();
        } finally {
          world.close();
        }
      }
    }
  }

  @Override
  public String toString() {
    return "StateLabServer[" + endpoint() + "]";
  }
}
