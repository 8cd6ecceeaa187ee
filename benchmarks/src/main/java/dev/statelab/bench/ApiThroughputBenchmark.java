package dev.statelab.bench;

import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.gateway.SdkClients;
import dev.statelab.server.StateLabServer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;

/**
 * The Step Functions API through AWS SDK v2 clients against an in-process StateLab server on
 * loopback, 8 client threads: StartExecution then DescribeExecution of a 10-state Standard
 * machine, and StartSyncExecution of the same machine as Express.
 *
 * <p>Client and server share this machine's cores, so the score is the system's capacity, not
 * the server's alone ({@link StartSyncThroughput} separates the two).
 *
 * <p>{@link #startSync} warms up for 40 s: on two cores the JIT needs 20-30 s before the SDK's
 * request pipeline and the server reach their steady rate. {@link #startAndDescribe} keeps the
 * short warm-up, because every Standard execution it starts stays in the server (as AWS keeps
 * them for 90 days, about 10 KB each for this 10-state machine): a 40 s warm-up would fill the
 * fork's 1 GB heap and measure the garbage collector.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dsun.net.httpserver.nodelay=true"})
@Threads(8)
public class ApiThroughputBenchmark {

  /** The server and the two machines, shared by all client threads. */
  @State(Scope.Benchmark)
  public static class Server {

    StateLabServer server;
    String standardArn;
    String expressArn;

    /** Starts the server and creates the machines. */
    @Setup(Level.Trial)
    public void start() {
      server = StateLabServer.start(WorldOptions.defaults(), GatewayOptions.defaults());
      try (SfnClient admin = client(this)) {
        String definition = dev.statelab.json.Json.write(Workloads.passChain(10));
        standardArn = admin.createStateMachine(b -> b.name("standard10").type("STANDARD")
            .roleArn("arn:aws:iam::123456789012:role/bench").definition(definition)).stateMachineArn();
        expressArn = admin.createStateMachine(b -> b.name("express10").type("EXPRESS")
            .roleArn("arn:aws:iam::123456789012:role/bench").definition(definition)).stateMachineArn();
      }
    }

    /** Stops the server. */
    @TearDown(Level.Trial)
    public void stop() {
      server.close();
    }
  }

  /** One SDK client per thread, as an application would hold one per worker. */
  @State(Scope.Thread)
  public static class Client {

    SfnClient sfn;

    /** Builds this thread's client. */
    @Setup(Level.Trial)
    public void open(Server server) {
      sfn = client(server);
    }

    /** Closes this thread's client. */
    @TearDown(Level.Trial)
    public void close() {
      sfn.close();
    }
  }

  private static SfnClient client(Server server) {
    return SdkClients.forEndpoint(server.server.endpoint()).client(SfnClient.builder());
  }

  /** StartExecution of the Standard machine, then DescribeExecution of what it started. */
  @Benchmark
  public DescribeExecutionResponse startAndDescribe(Server server, Client client) {
    String arn = client.sfn.startExecution(b -> b.stateMachineArn(server.standardArn).input("{}")).executionArn();
    return client.sfn.describeExecution(b -> b.executionArn(arn));
  }

  /** StartSyncExecution of the Express machine: start, run all ten states, answer. */
  @Benchmark
  @Warmup(iterations = 8, time = 5, timeUnit = TimeUnit.SECONDS)
  public StartSyncExecutionResponse startSync(Server server, Client client) {
    StartSyncExecutionResponse response = client.sfn.startSyncExecution(b -> b.stateMachineArn(server.expressArn).input("{}"));
    if (!"SUCCEEDED".equals(response.statusAsString())) {
      throw new IllegalStateException(response.toString());
    }
    return response;
  }
}
