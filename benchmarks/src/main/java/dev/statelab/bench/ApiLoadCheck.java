package dev.statelab.bench;

import dev.statelab.engine.ClockMode;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.server.StateLabServer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;

/**
 * A bounded load check of the Step Functions API on loopback (not a test, not JMH): N client
 * threads for D seconds of StartExecution, StartSyncExecution, DescribeExecution and
 * GetExecutionHistory against an in-process StateLab server; then every started execution must
 * reach a terminal status, DescribeExecution and ListExecutions must agree on it, and the only
 * errors allowed are AWS-shaped throttling.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.statelab.bench.ApiLoadCheck [clients] [seconds]</pre>
 */
public final class ApiLoadCheck {

  private static final String STANDARD = """
      {"StartAt": "A", "States": {
        "A": {"Type": "Pass", "Parameters": {"id.$": "$.id", "at.$": "$$.State.EnteredTime"}, "Next": "W"},
        "W": {"Type": "Wait", "Seconds": 2, "Next": "B"},
        "B": {"Type": "Pass", "End": true}}}""";

  private static final String EXPRESS = """
      {"StartAt": "S0", "States": {
        "S0": {"Type": "Pass", "Next": "S1"}, "S1": {"Type": "Pass", "Next": "S2"},
        "S2": {"Type": "Pass", "Next": "S3"}, "S3": {"Type": "Pass", "Next": "S4"},
        "S4": {"Type": "Pass", "Next": "S5"}, "S5": {"Type": "Pass", "Next": "S6"},
        "S6": {"Type": "Pass", "Next": "S7"}, "S7": {"Type": "Pass", "Next": "S8"},
        "S8": {"Type": "Pass", "Next": "S9"}, "S9": {"Type": "Pass", "End": true}}}""";

  private ApiLoadCheck() {}

  /** Runs the check; exits 1 when anything was lost or disagreed. */
  public static void main(String[] args) throws InterruptedException {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    WorldOptions world = WorldOptions.newBuilder().clockMode(ClockMode.REAL).timeScale(0.01).build();
    long heapBefore = usedHeapAfterGc();
    try (StateLabServer server = StateLabServer.start(world, GatewayOptions.newBuilder().threads(8).build())) {
      SfnClient admin = server.sfnClient();
      String role = "arn:aws:iam::" + server.accountId() + ":role/load";
      String standardArn = admin.createStateMachine(b -> b.name("load-standard").roleArn(role).definition(STANDARD)).stateMachineArn();
      String expressArn = admin.createStateMachine(b -> b.name("load-express").roleArn(role).definition(EXPRESS)
          .type("EXPRESS")).stateMachineArn();

      Queue started = new Queue();
      Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
      Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
      AtomicLong syncSucceeded = new AtomicLong();
      long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
      CountDownLatch done = new CountDownLatch(clients);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < clients; t++) {
        int id = t;
        Thread thread = new Thread(() -> {
          try (SfnClient sfn = server.clients().client(SfnClient.builder())) {
            long n = 0;
            while (System.nanoTime() < deadline) {
              long i = n++;
              try {
                switch ((int) (i % 4)) {
                  case 0 -> {
                    String arn = sfn.startExecution(b -> b.stateMachineArn(standardArn)
                        .input("{\"id\": \"" + id + "-" + i + "\"}")).executionArn();
                    started.items.add(arn);
                    count(calls, "StartExecution");
                  }
                  case 1 -> {
                    StartSyncExecutionResponse r = sfn.startSyncExecution(b -> b.stateMachineArn(expressArn).input("{}"));
                    count(calls, "StartSyncExecution");
                    if (r.status() == software.amazon.awssdk.services.sfn.model.SyncExecutionStatus.SUCCEEDED) {
                      syncSucceeded.incrementAndGet();
                    }
                  }
                  case 2 -> {
                    String arn = started.items.peek();
                    if (arn != null) {
                      sfn.describeExecution(b -> b.executionArn(arn));
                      count(calls, "DescribeExecution");
                    }
                  }
                  default -> {
                    String arn = started.items.peek();
                    if (arn != null) {
                      sfn.getExecutionHistory(b -> b.executionArn(arn).maxResults(100));
                      count(calls, "GetExecutionHistory");
                    }
                  }
                }
              } catch (SfnException e) {
                count(errors, e.awsErrorDetails() == null ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode());
              } catch (RuntimeException e) {
                count(errors, e.getClass().getSimpleName());
              }
            }
          } finally {
            done.countDown();
          }
        }, "load-" + t);
        threads.add(thread);
        thread.start();
      }
      done.await();
      long totalCalls = calls.values().stream().mapToLong(AtomicLong::get).sum();
      System.out.printf("%d clients x %d s: %d calls (%.0f/s) %s; errors %s; sync SUCCEEDED %d%n",
          clients, seconds, totalCalls, totalCalls / (double) seconds, calls, errors, syncSucceeded.get());

      // Every started Standard execution must end (its Wait is 2 s at time scale 0.01: 20 ms).
      List<String> arns = new ArrayList<>(started.items);
      Map<String, String> described = new HashMap<>();
      long settle = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      for (String arn : arns) {
        DescribeExecutionResponse d;
        do {
          d = admin.describeExecution(b -> b.executionArn(arn));
          if (d.status() == ExecutionStatus.RUNNING) {
            Thread.sleep(5);
          }
        } while (d.status() == ExecutionStatus.RUNNING && System.nanoTime() < settle);
        described.put(arn, d.statusAsString());
      }
      Map<String, String> listed = new HashMap<>();
      String token = null;
      do {
        String next = token;
        ListExecutionsResponse page = admin.listExecutions(b -> b.stateMachineArn(standardArn).maxResults(1000).nextToken(next));
        for (ExecutionListItem item : page.executions()) {
          listed.put(item.executionArn(), item.statusAsString());
        }
        token = page.nextToken();
      } while (token != null);

      long notTerminal = described.values().stream().filter("RUNNING"::equals).count();
      long disagree = described.entrySet().stream().filter(e -> !e.getValue().equals(listed.get(e.getKey()))).count();
      long notSucceeded = described.values().stream().filter(s -> !"SUCCEEDED".equals(s)).count();
      long unexpectedErrors = errors.entrySet().stream()
          .filter(e -> !e.getKey().contains("Throttling")).mapToLong(e -> e.getValue().get()).sum();
      long heapAfter = usedHeapAfterGc();
      System.out.printf("started %d Standard executions: %d listed, %d not terminal, %d disagree between Describe and List, %d not SUCCEEDED%n",
          arns.size(), listed.size(), notTerminal, disagree, notSucceeded);
      System.out.printf("heap after GC: %d MB before, %d MB after (%.1f KB per retained Standard execution)%n",
          heapBefore >> 20, heapAfter >> 20, (heapAfter - heapBefore) / 1024.0 / Math.max(1, arns.size()));
      boolean ok = notTerminal == 0 && disagree == 0 && notSucceeded == 0 && unexpectedErrors == 0
          && listed.size() == arns.size();
      System.out.println(ok ? "load check: nothing lost" : "load check: FAILED");
      if (!ok) {
        System.exit(1);
      }
    }
  }

  private static void count(Map<String, AtomicLong> counters, String key) {
    counters.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
  }

  private static long usedHeapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The ARNs started so far, shared by the client threads. */
  private static final class Queue {
    final ConcurrentLinkedQueue<String> items = new ConcurrentLinkedQueue<>();
  }
}
