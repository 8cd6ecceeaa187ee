package dev.statelab.service.sfn;

import dev.statelab.server.StateLabServer;

import static dev.statelab.service.sfn.SfnServers.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.StartSyncExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.SyncExecutionStatus;

/**
 * Eight client threads for two seconds of StartExecution, StartSyncExecution, DescribeExecution
 * and GetExecutionHistory over loopback: nothing is lost, every execution ends, and Describe and
 * List agree.
 */
class SfnConcurrencyTests {

  private static final int THREADS = 8;
  private static final long RUN_MILLIS = 2_000;

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void eightThreadsOfStartsSyncsDescribesAndHistoriesLoseNothing() throws Exception {
    try (StateLabServer server = SfnServers.real()) {
      SfnClient sfn = server.sfnClient();
      String standard = sfn.createStateMachine(b -> b.name("busy").roleArn(ROLE)
          .definition(SfnServers.passChain(3))).stateMachineArn();
      String express = sfn.createStateMachine(b -> b.name("busy-express").roleArn(ROLE)
          .type(StateMachineType.EXPRESS).definition(SfnServers.passChain(3))).stateMachineArn();
      Set<String> started = ConcurrentHashMap.newKeySet();
      AtomicInteger syncs = new AtomicInteger();
      AtomicInteger calls = new AtomicInteger();
      List<String> syncFailures = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUN_MILLIS);

      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(pool.submit(() -> {
          int n = 0;
          while (System.nanoTime() < deadline) {
            String name = "t" + thread + "-" + n++;
            String arn = sfn.startExecution(b -> b.stateMachineArn(standard).name(name)
                .input("{\"n\": " + thread + "}")).executionArn();
            started.add(arn);
            StartSyncExecutionResponse sync = sfn.startSyncExecution(b -> b
                .stateMachineArn(express).input("{}"));
            if (sync.status() != SyncExecutionStatus.SUCCEEDED) {
              synchronized (syncFailures) {
                syncFailures.add(sync.toString());
              }
            }
            syncs.incrementAndGet();
            sfn.describeExecution(b -> b.executionArn(arn));
            sfn.getExecutionHistory(b -> b.executionArn(arn));
            calls.addAndGet(4);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(20, TimeUnit.SECONDS);
      }
      pool.shutdown();

      Map<String, ExecutionStatus> described = new HashMap<>();
      for (String arn : started) {
        described.put(arn, ExecutionApiTests.awaitDone(arn, sfn).status());
      }
      Map<String, ExecutionStatus> listed = new HashMap<>();
      String token = null;
      do {
        String t = token;
        ListExecutionsResponse page = sfn.listExecutions(b -> b.stateMachineArn(standard)
            .maxResults(1000).nextToken(t));
        for (ExecutionListItem item : page.executions()) {
          listed.put(item.executionArn(), item.status());
        }
        token = page.nextToken();
      } while (token != null);

      assertThat(started).hasSizeGreaterThan(THREADS);
      assertThat(syncs.get()).isEqualTo(started.size());
      assertThat(syncFailures).isEmpty();
      assertThat(described.values()).containsOnly(ExecutionStatus.SUCCEEDED);
      assertThat(listed).isEqualTo(described);
      System.out.printf("SfnConcurrencyTests: %d calls, %d standard + %d express executions in"
          + " %d ms with %d threads%n", calls.get(), started.size(), syncs.get(), RUN_MILLIS,
          THREADS);
    }
  }
}
