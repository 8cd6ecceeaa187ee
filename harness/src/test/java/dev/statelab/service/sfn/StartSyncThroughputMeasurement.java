package dev.statelab.service.sfn;

import dev.statelab.server.StateLabServer;

import dev.statelab.engine.ClockMode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/**
 * Measures StartSyncExecution of a 10-state EXPRESS Pass machine through the SDK v2 client: N
 * client threads (default 8) for S seconds (default 10) after a 10-second warm-up; prints
 * executions per second. Not a test: run it with {@code java -cp <test classpath>
 * dev.statelab.service.sfn.StartSyncThroughputMeasurement [threads] [seconds] [real|virtual]}.
 */
public final class StartSyncThroughputMeasurement {

  private StartSyncThroughputMeasurement() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    ClockMode clock = args.length > 2 && args[2].equals("virtual") ? ClockMode.VIRTUAL
        : ClockMode.REAL;
    try (StateLabServer server = StateLabServer.start(World.newInstance(
        WorldOptions.newBuilder().clockMode(clock).build()), GatewayOptions.defaults())) {
      SfnClient sfn = server.sfnClient();
      String arn = sfn.createStateMachine(b -> b.name("ten-pass").roleArn(SfnServers.ROLE)
          .type(StateMachineType.EXPRESS).definition(SfnServers.passChain(10)))
          .stateMachineArn();
      run(sfn, arn, threads, 10, "warm-up");
      double rate = run(sfn, arn, threads, seconds, "measured");
      System.out.printf("StartSyncExecution, 10-state EXPRESS Pass, %d threads, %d s, %s clock:"
          + " %.0f executions/s%n", threads, seconds, clock, rate);
    }
  }

  private static double run(SfnClient sfn, String arn, int threads, int seconds, String label)
      throws Exception {
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        while (System.nanoTime() < deadline) {
          var r = sfn.startSyncExecution(b -> b.stateMachineArn(arn).input("{\"n\": 1}"));
          if (r.status() == SyncExecutionStatus.SUCCEEDED) {
            done.incrementAndGet();
          } else {
            failed.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    double elapsed = (System.nanoTime() - start) / 1e9;
    double rate = done.get() / elapsed;
    System.out.printf("%s: %d executions (%d not SUCCEEDED) in %.1f s = %.0f/s%n", label,
        done.get(), failed.get(), elapsed, rate);
    return rate;
  }
}
