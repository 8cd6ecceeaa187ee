package dev.statelab.bench;

import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.server.StateLabServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * StartSyncExecution throughput of a 10-state Express machine against a StateLab server on
 * loopback (not a test, not JMH): first with AWS SDK v2 clients, then with a minimal HTTP client
 * sending the same awsJson1_0 requests, to separate the server's capacity from the client's cost.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.statelab.bench.StartSyncThroughput [threads] [seconds] [endpoint]</pre>
 *
 * <p>Without an endpoint it starts an in-process server (virtual clock); with one (for example
 * {@code http://127.0.0.1:4566} from {@code statelab serve}) the server runs in its own process.
 */
public final class StartSyncThroughput {

  private StartSyncThroughput() {}

  /** Runs both measurements and prints executions per second for each. */
  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    StateLabServer server = args.length > 2 ? null : StateLabServer.start(WorldOptions.defaults(), GatewayOptions.defaults());
    URI endpoint = server != null ? server.endpoint() : URI.create(args[2]);
    try (SfnClient admin = clients(endpoint)) {
      String arn = admin.createStateMachine(b -> b.name("sync10-" + System.nanoTime()).type("EXPRESS")
          .roleArn("arn:aws:iam::123456789012:role/bench").definition(dev.statelab.json.Json.write(Workloads.passChain(10)))).stateMachineArn();
      String body = "{\"stateMachineArn\":\"" + arn + "\",\"input\":\"{}\"}";
      report("AWS SDK v2 clients", threads, seconds, () -> {
        SfnClient sdk = clients(endpoint);
        return () -> sdk.startSyncExecution(b -> b.stateMachineArn(arn).input("{}"));
      });
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      report("minimal HTTP client", threads, seconds, () -> () -> {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint)
            .header("Content-Type", "application/x-amz-json-1.0")
            .header("X-Amz-Target", "AWSStepFunctions.StartSyncExecution")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains("\"SUCCEEDED\"")) {
          throw new IllegalStateException(r.body());
        }
      });
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  private static SfnClient clients(URI endpoint) {
    return dev.statelab.gateway.SdkClients.forEndpoint(endpoint).client(SfnClient.builder());
  }

  /** One call of the measured operation. */
  private interface Call {
    void run() throws Exception;
  }

  /** Makes a thread's call (each thread gets its own client where a client holds state). */
  private interface CallFactory {
    Call create() throws Exception;
  }

  private static void report(String what, int threads, int seconds, CallFactory factory) throws Exception {
    long[] rates = new long[2];
    AtomicLong errors = new AtomicLong();
    for (int phase = 0; phase < 2; phase++) {
      AtomicLong done = new AtomicLong();
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      Thread[] workers = new Thread[threads];
      for (int t = 0; t < threads; t++) {
        Call call = factory.create();
        workers[t] = new Thread(() -> {
          while (System.nanoTime() < end) {
            try {
              call.run();
              done.incrementAndGet();
            } catch (java.io.IOException e) {
              // A client-side connection error (the JDK client's pool can close a connection it
              // is about to use under load): counted, and the call is made again.
              errors.incrementAndGet();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
        });
        workers[t].start();
      }
      for (Thread w : workers) {
        w.join();
      }
      rates[phase] = done.get() / seconds;
    }
    System.out.printf("StartSyncExecution, 10-state Express, %d threads, %s: %d executions/s (warm-up %d/s, %d client connection errors retried)%n",
        threads, what, rates[1], rates[0], errors.get());
  }
}
