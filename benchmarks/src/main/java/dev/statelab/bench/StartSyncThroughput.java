package dev.statelab.bench;

import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.gateway.SdkClients;
import dev.statelab.json.Json;
import dev.statelab.server.StateLabServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/**
 * StartSyncExecution throughput of a 10-state Express machine against a StateLab server on
 * loopback (not a test, not JMH): first through AWS SDK v2 clients, one per thread, then through
 * a minimal HTTP client sending the same awsJson1_0 request, which separates the server's
 * capacity from the client's cost.
 *
 * <pre>java -Dsun.net.httpserver.nodelay=true -cp benchmarks/target/benchmarks.jar \
 *     dev.statelab.bench.StartSyncThroughput [threads=8] [seconds=10] [endpoint]
 *     [--warmup S=40] [--iterations N=3] [--sdk-only]</pre>
 *
 * <p>Each client runs for a warm-up (progress every 5 s), then for {@code N} measured iterations
 * of {@code seconds} each, without stopping its threads in between. The warm-up matters: on two
 * cores shared by client and server, the JIT needs 20-30 s before the SDK's request pipeline and
 * the server reach their steady rate (about a third of it after 10 s).
 *
 * <p>Without an endpoint it starts an in-process server; with one (for example {@code
 * http://127.0.0.1:4566} from {@code statelab serve}) the server runs in its own process.
 */
public final class StartSyncThroughput {

  private static final int PROGRESS_SECONDS = 5;

  private StartSyncThroughput() {}

  /** Runs the measurements and prints executions per second. */
  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    StateLabServer server = settings.endpoint == null
        ? StateLabServer.start(WorldOptions.defaults(), GatewayOptions.defaults()) : null;
    URI endpoint = server != null ? server.endpoint() : settings.endpoint;
    try (SfnClient admin = sdkClient(endpoint)) {
      String arn = admin.createStateMachine(b -> b.name("sync10-" + System.nanoTime())
          .type("EXPRESS").roleArn("arn:aws:iam::123456789012:role/bench")
          .definition(Json.write(Workloads.passChain(10)))).stateMachineArn();
      measure("AWS SDK v2 clients", settings, settings.warmupSeconds, () -> {
        SfnClient sdk = sdkClient(endpoint);
        return () -> {
          if (sdk.startSyncExecution(b -> b.stateMachineArn(arn).input("{}")).status()
              != SyncExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException("an execution did not succeed");
          }
        };
      });
      if (!settings.sdkOnly) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(endpoint)
            .header("Content-Type", "application/x-amz-json-1.0")
            .header("X-Amz-Target", "AWSStepFunctions.StartSyncExecution")
            .POST(HttpRequest.BodyPublishers.ofString(
                "{\"stateMachineArn\":\"" + arn + "\",\"input\":\"{}\"}"))
            .build();
        // The server is warm by now; the JDK client warms up in a few seconds.
        measure("minimal HTTP client", settings, Math.min(settings.warmupSeconds, 10), () -> () -> {
          HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() != 200 || !r.body().contains("\"SUCCEEDED\"")) {
            throw new IllegalStateException(r.body());
          }
        });
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  private static SfnClient sdkClient(URI endpoint) {
    return SdkClients.forEndpoint(endpoint).client(SfnClient.builder());
  }

  /** One call of the measured operation. */
  private interface Call {
    void run() throws Exception;
  }

  /** Makes a thread's call (each thread gets its own client where a client holds state). */
  private interface CallFactory {
    Call create() throws Exception;
  }

  private static void measure(String what, Settings settings, int warmupSeconds,
      CallFactory factory) throws Exception {
    AtomicLong done = new AtomicLong();
    AtomicLong retried = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long runNanos = TimeUnit.SECONDS.toNanos(warmupSeconds
        + (long) settings.iterations * settings.seconds);
    long end = System.nanoTime() + runNanos;
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < settings.threads; t++) {
      Call call = factory.create();
      Thread worker = new Thread(() -> {
        while (System.nanoTime() < end && failure.get() == null) {
          try {
            call.run();
            done.incrementAndGet();
          } catch (IOException e) {
            // The JDK client's pool may close a connection it is about to reuse under load:
            // counted and made again.
            retried.incrementAndGet();
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
          }
        }
      }, "client-" + t);
      worker.setDaemon(true);
      workers.add(worker);
    }
    workers.forEach(Thread::start);
    System.out.printf("%s, %d threads: %d s warm-up, then %d × %d s%n", what, settings.threads,
        warmupSeconds, settings.iterations, settings.seconds);
    long before = done.get();
    for (int s = PROGRESS_SECONDS; s <= warmupSeconds; s += PROGRESS_SECONDS) {
      Thread.sleep(TimeUnit.SECONDS.toMillis(PROGRESS_SECONDS));
      long now = done.get();
      System.out.printf("  warm-up %2d s: %,d/s%n", s, (now - before) / PROGRESS_SECONDS);
      before = now;
    }
    Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds % PROGRESS_SECONDS));
    long[] rates = new long[settings.iterations];
    before = done.get();
    for (int i = 0; i < settings.iterations; i++) {
      long start = System.nanoTime();
      Thread.sleep(TimeUnit.SECONDS.toMillis(settings.seconds));
      long now = done.get();
      rates[i] = Math.round((now - before) * 1e9 / (System.nanoTime() - start));
      before = now;
      System.out.printf("  iteration %d: %,d/s%n", i + 1, rates[i]);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException(what + ": a call failed", failure.get());
    }
    long sum = 0;
    long min = Long.MAX_VALUE;
    long max = 0;
    for (long rate : rates) {
      sum += rate;
      min = Math.min(min, rate);
      max = Math.max(max, rate);
    }
    System.out.printf("StartSyncExecution, 10-state Express, %d threads, %s: %,d executions/s"
            + " (min %,d, max %,d over %d × %d s after %d s warm-up; %d connection errors"
            + " retried)%n", settings.threads, what, sum / rates.length, min, max,
        settings.iterations, settings.seconds, warmupSeconds, retried.get());
  }

  /** The command line. */
  private record Settings(int threads, int seconds, URI endpoint, int warmupSeconds,
      int iterations, boolean sdkOnly) {

    static Settings parse(String[] args) {
      List<String> positional = new ArrayList<>();
      int warmup = 40;
      int iterations = 3;
      boolean sdkOnly = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--warmup" -> warmup = Integer.parseInt(args[++i]);
          case "--iterations" -> iterations = Integer.parseInt(args[++i]);
          case "--sdk-only" -> sdkOnly = true;
          default -> positional.add(args[i]);
        }
      }
      if (warmup < 0 || iterations < 1) {
        throw new IllegalArgumentException("--warmup must be >= 0 and --iterations >= 1");
      }
      return new Settings(
          positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 8,
          positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 10,
          positional.size() > 2 ? URI.create(positional.get(2)) : null,
          warmup, iterations, sdkOnly);
    }
  }
}
