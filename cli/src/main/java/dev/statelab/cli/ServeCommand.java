package dev.statelab.cli;

import dev.statelab.engine.ClockMode;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.mock.MockConfig;
import dev.statelab.mock.MockConfigException;
import dev.statelab.mock.Mocking;
import dev.statelab.server.StateLabServer;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code statelab serve}: the Step Functions API on one local port for SDKs, boto3 and the AWS
 * CLI, until SIGINT or SIGTERM, which close the server through a shutdown hook.
 */
final class ServeCommand {

  static final List<String> FLAGS = List.of("--port", "--host", "--clock", "--time-scale",
      "--seed", "--region", "--account", "--mock-config");

  /** The environment variable Step Functions Local and LocalStack read a MockConfigFile from. */
  static final String MOCK_CONFIG_ENV = "SFN_MOCK_CONFIG";

  private final PrintStream out;
  private final PrintStream err;

  ServeCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int execute(Arguments args) {
    StateLabServer server;
    try {
      server = start(args);
    } catch (UncheckedIOException e) {
      err.println("statelab serve: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      err.println("statelab serve: stopped");
      stopped.countDown();
    }, "statelab-serve-shutdown"));
    out.println("ready on " + server.endpoint());
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.close();
    }
    return 0;
  }

  /** Starts the server the options describe (for tests: the caller closes it). */
  static StateLabServer start(Arguments args) {
    return start(args, System.getenv());
  }

  /**
   * Starts the server the options describe, loading the MockConfigFile named by {@code
   * --mock-config} or else by {@code SFN_MOCK_CONFIG} in {@code env}.
   */
  static StateLabServer start(Arguments args, Map<String, String> env) {
    String mockFile = args.option("--mock-config", env.getOrDefault(MOCK_CONFIG_ENV, ""));
    if (!mockFile.isBlank()) {
      try {
        MockConfig.load(Path.of(mockFile));
      } catch (MockConfigException e) {
        throw new UsageException("mock config: " + e.getMessage());
      }
    }
    StateLabServer server = startServer(args);
    if (!mockFile.isBlank()) {
      try {
        Mocking.of(server.world()).load(Path.of(mockFile));
      } catch (MockConfigException e) {
        server.close();
        throw new UsageException("mock config: " + e.getMessage());
      }
    }
    return server;
  }

  private static StateLabServer startServer(Arguments args) {
    if (!args.positional().isEmpty()) {
      throw new UsageException("serve takes no arguments, got " + args.positional());
    }
    WorldOptions.Builder world = WorldOptions.newBuilder()
        .clockMode(clock(args.option("--clock", "real")))
        .seed(number(args, "--seed", "0"))
        .region(args.option("--region", GatewayOptions.DEFAULT_REGION))
        .accountId(args.option("--account", GatewayOptions.DEFAULT_ACCOUNT_ID));
    if (args.options().containsKey("--time-scale")) {
      try {
        world.timeScale(Double.parseDouble(args.option("--time-scale", "1")));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--time-scale must be a positive number: "
            + args.option("--time-scale", ""));
      }
    }
    GatewayOptions gateway;
    try {
      gateway = GatewayOptions.newBuilder()
          .host(args.option("--host", "127.0.0.1"))
          .port((int) number(args, "--port", "4566"))
          .defaultRegion(args.option("--region", GatewayOptions.DEFAULT_REGION))
          .accountId(args.option("--account", GatewayOptions.DEFAULT_ACCOUNT_ID))
          .build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return StateLabServer.start(world.build(), gateway);
  }

  private static ClockMode clock(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "real" -> ClockMode.REAL;
      case "virtual" -> ClockMode.VIRTUAL;
      default -> throw new UsageException("--clock must be real or virtual, got '" + value + "'");
    };
  }

  private static long number(Arguments args, String flag, String defaultValue) {
    String value = args.option(flag, defaultValue);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new UsageException(flag + " must be a whole number, got '" + value + "'");
    }
  }
}
