package dev.statelab.service.batch;

import static dev.statelab.service.batch.BatchTesting.START;
import static dev.statelab.service.batch.BatchTesting.define;
import static dev.statelab.service.batch.BatchTesting.newWorld;
import static dev.statelab.service.batch.BatchTesting.status;
import static dev.statelab.service.batch.BatchTesting.submit;
import static dev.statelab.service.batch.BatchTesting.withQueue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.World;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jobs on the world clock: states, capacity, retries, timeouts, arrays, dependencies, stops. */
class BatchJobLifecycleTests {

  private World world;
  private BatchStore store;

  @BeforeEach
  void setUp() {
    world = newWorld(7);
    store = withQueue(world, 4);
    define(store, "sim", "\"parameters\": {\"statelab:duration\": \"PT20M\", \"word\": \"hi\"}");
  }

  @AfterEach
  void tearDown() {
    world.close();
  }

  @Test
  void jobGoesThroughEveryStateInOrderWithAwsTimestamps() {
    String id = submit(store, "sim", "");

    world.advanceBy(Duration.ofMillis(500));
    assertThat(status(store, id)).isEqualTo("SUBMITTED");
    world.advanceBy(Duration.ofSeconds(1));
    assertThat(status(store, id)).isEqualTo("PENDING");
    world.advanceBy(Duration.ofSeconds(1));
    assertThat(status(store, id)).isEqualTo("STARTING");
    world.advanceBy(Duration.ofSeconds(5));
    assertThat(status(store, id)).isEqualTo("RUNNING");
    world.runUntilIdle();

    assertThat(store.statusHistory(id)).containsExactly(
        "SUBMITTED", "PENDING", "RUNNABLE", "STARTING", "RUNNING", "SUCCEEDED");
    JsonNode job = store.describeJob(id);
    long started = START.toEpochMilli() + 7_000;
    assertThat(job.get("createdAt").asLong()).isEqualTo(START.toEpochMilli());
    assertThat(job.get("startedAt").asLong()).isEqualTo(started);
    assertThat(job.get("stoppedAt").asLong()).isEqualTo(started + 1_200_000);
    assertThat(job.get("statusReason").asText()).isEqualTo("Essential container in task exited");
    assertThat(job.at("/attempts/0/container/exitCode").asInt()).isZero();
    assertThat(job.at("/container/command").toString()).isEqualTo("[\"echo\",\"hi\"]");
    assertThat(job.get("jobArn").asText())
        .isEqualTo("arn:aws:batch:us-east-1:123456789012:job/" + id);
  }

  @Test
  void twentyMinuteSimulatedJobTakesMillisecondsAndRecordsUsage() {
    long wallStart = System.nanoTime();
    String id = submit(store, "sim", "");
    world.runUntilIdle();
    long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;

    assertThat(status(store, id)).isEqualTo("SUCCEEDED");
    assertThat(wallMillis).isLessThan(2_000);
    List<UsageRecord> usage = store.usage().forJob(id);
    assertThat(usage).hasSize(1);
    assertThat(usage.get(0).seconds()).isEqualTo(1200.0);
    assertThat(usage.get(0).vcpuSeconds()).isEqualTo(2 * 1200.0);
    assertThat(usage.get(0).gbSeconds()).isEqualTo(4 * 1200.0);
    assertThat(usage.get(0).platform()).isEqualTo("EC2");
    assertThat(store.usage().vcpuSeconds("EC2")).isEqualTo(2400.0);
  }

  @Test
  void computeEnvironmentCapacityLimitsHowManyJobsRunAtOnce() {
    String a = submit(store, "sim", "");
    String b = submit(store, "sim", "");
    String c = submit(store, "sim", "");

    world.advanceBy(Duration.ofSeconds(60));
    assertThat(List.of(status(store, a), status(store, b), status(store, c)))
        .containsExactly("RUNNING", "RUNNING", "RUNNABLE");
    world.runUntilIdle();

    long firstStopped = store.describeJob(a).get("stoppedAt").asLong();
    assertThat(store.describeJob(c).get("startedAt").asLong()).isEqualTo(firstStopped + 5_000);
    assertThat(status(store, c)).isEqualTo("SUCCEEDED");
  }

  @Test
  void failedAttemptIsRetriedPerRetryStrategy() {
    AtomicInteger calls = new AtomicInteger();
    store.registerRunner("flaky", job -> JobOutcome.of(calls.getAndIncrement() == 0 ? 1 : 0,
        Duration.ofMinutes(2)));
    define(store, "flaky", "\"retryStrategy\": {\"attempts\": 2}");

    String id = submit(store, "flaky", "");
    world.runUntilIdle();

    JsonNode job = store.describeJob(id);
    assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(job.at("/attempts/0/container/exitCode").asInt()).isEqualTo(1);
    assertThat(job.at("/attempts/1/container/exitCode").asInt()).isZero();
    assertThat(store.statusHistory(id)).containsSubsequence(
        "RUNNING", "RUNNABLE", "STARTING", "RUNNING", "SUCCEEDED");
    assertThat(store.usage().forJob(id)).hasSize(2);
  }

  @Test
  void evaluateOnExitExitActionStopsRetries() {
    store.registerRunner("exit3", job -> JobOutcome.of(3, Duration.ofSeconds(30)));
    define(store, "exit3", """
        "retryStrategy": {"attempts": 5,
          "evaluateOnExit": [{"onExitCode": "3*", "action": "exit"}]}""");

    String id = submit(store, "exit3", "");
    world.runUntilIdle();

    JsonNode job = store.describeJob(id);
    assertThat(job.get("status").asText()).isEqualTo("FAILED");
    assertThat(job.get("attempts")).hasSize(1);
  }

  @Test
  void attemptLongerThanTheTimeoutFails() {
    define(store, "slow", """
        "parameters": {"statelab:duration": "PT20M"},
        "timeout": {"attemptDurationSeconds": 60}""");

    String id = submit(store, "slow", "");
    world.runUntilIdle();

    JsonNode job = store.describeJob(id);
    assertThat(job.get("status").asText()).isEqualTo("FAILED");
    assertThat(job.get("statusReason").asText()).isEqualTo("Job attempt duration exceeded timeout");
    assertThat(job.get("stoppedAt").asLong() - job.get("startedAt").asLong()).isEqualTo(60_000);
    assertThat(store.usage().forJob(id).get(0).seconds()).isEqualTo(60.0);
  }

  @Test
  void arrayJobRunsOneChildPerIndex() {
    List<Integer> indexes = new ArrayList<>();
    store.registerRunner("arr", job -> {
      indexes.add(job.arrayIndex());
      return JobOutcome.of(0, Duration.ofMinutes(1));
    });
    define(store, "arr", "");

    String id = submit(store, "arr", "\"arrayProperties\": {\"size\": 3}");
    world.runUntilIdle();

    JsonNode parent = store.describeJob(id);
    assertThat(parent.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(parent.at("/arrayProperties/size").asInt()).isEqualTo(3);
    assertThat(parent.at("/arrayProperties/statusSummary/SUCCEEDED").asInt()).isEqualTo(3);
    assertThat(indexes).containsExactlyInAnyOrder(0, 1, 2);
    JsonNode child = store.describeJob(id + ":1");
    assertThat(child.at("/arrayProperties/index").asInt()).isEqualTo(1);
    JsonNode listed = store.listJobs(Json.parse(
        "{\"arrayJobId\": \"" + id + "\", \"jobStatus\": \"SUCCEEDED\"}"));
    assertThat(listed.get("jobSummaryList")).hasSize(3);
  }

  @Test
  void dependentJobWaitsForItsDependencyToSucceed() {
    String first = submit(store, "sim", "");
    String second = submit(store, "sim", "\"dependsOn\": [{\"jobId\": \"" + first + "\"}]");

    world.advanceBy(Duration.ofMinutes(5));
    assertThat(status(store, second)).isEqualTo("PENDING");
    world.runUntilIdle();

    assertThat(store.describeJob(second).get("startedAt").asLong())
        .isGreaterThan(store.describeJob(first).get("stoppedAt").asLong());
    assertThat(status(store, second)).isEqualTo("SUCCEEDED");
  }

  @Test
  void dependentJobFailsWhenItsDependencyFails() {
    store.registerRunner("bad", job -> JobOutcome.of(2, Duration.ofMinutes(1)));
    define(store, "bad", "");
    String first = submit(store, "bad", "");
    String second = submit(store, "sim", "\"dependsOn\": [{\"jobId\": \"" + first + "\"}]");
    world.runUntilIdle();

    JsonNode job = store.describeJob(second);
    assertThat(job.get("status").asText()).isEqualTo("FAILED");
    assertThat(job.get("statusReason").asText()).isEqualTo("Dependent Job failed");
    assertThat(job.get("attempts")).isEmpty();
  }

  @Test
  void terminateJobStopsARunningJobAndCancelJobOnlyAffectsJobsNotStarted() {
    String running = submit(store, "sim", "");
    world.advanceBy(Duration.ofMinutes(1));
    assertThat(status(store, running)).isEqualTo("RUNNING");

    store.cancelJob(Json.parse("{\"jobId\": \"" + running + "\", \"reason\": \"nope\"}"));
    assertThat(status(store, running)).isEqualTo("RUNNING");
    store.terminateJob(Json.parse("{\"jobId\": \"" + running + "\", \"reason\": \"stop it\"}"));

    JsonNode job = store.describeJob(running);
    assertThat(job.get("status").asText()).isEqualTo("FAILED");
    assertThat(job.get("statusReason").asText()).isEqualTo("stop it");
    assertThat(job.get("isTerminated").asBoolean()).isTrue();
    assertThat(store.usage().forJob(running).get(0).seconds()).isEqualTo(53.0);

    String queued = submit(store, "sim", "");
    store.cancelJob(Json.parse("{\"jobId\": \"" + queued + "\", \"reason\": \"changed my mind\"}"));
    JsonNode cancelled = store.describeJob(queued);
    assertThat(cancelled.get("status").asText()).isEqualTo("FAILED");
    assertThat(cancelled.get("isCancelled").asBoolean()).isTrue();
    world.runUntilIdle();
    assertThat(store.statusHistory(queued)).containsExactly("SUBMITTED", "FAILED");
  }

  @Test
  void unknownQueueOrDefinitionIsAClientException() {
    assertThatThrownBy(() -> store.submitJob(Json.parse(
        "{\"jobName\": \"j\", \"jobQueue\": \"nope\", \"jobDefinition\": \"sim\"}")))
        .isInstanceOf(AwsServiceException.class)
        .hasMessage("JobQueue nope not found.")
        .extracting(e -> ((AwsServiceException) e).code()).isEqualTo("ClientException");
    assertThatThrownBy(() -> store.submitJob(Json.parse(
        "{\"jobName\": \"j\", \"jobQueue\": \"q\", \"jobDefinition\": \"nope\"}")))
        .isInstanceOf(AwsServiceException.class)
        .hasMessage("JobDefinition name nope does not exist or is not in ACTIVE status.");
  }

  @Test
  void jobLargerThanEveryComputeEnvironmentStaysRunnable() {
    String id = submit(store, "sim", "\"containerOverrides\": {\"vcpus\": 16}");
    world.advanceBy(Duration.ofHours(2));
    assertThat(status(store, id)).isEqualTo("RUNNABLE");
  }

  @Test
  void processRunnerRunsTheContainerCommandLocallyWhenAsked() {
    store.registerJobDefinition(Json.parse("""
        {"jobDefinitionName": "proc", "type": "container",
         "parameters": {"statelab:runner": "process", "code": "3"},
         "containerProperties": {"image": "busybox", "vcpus": 1, "memory": 512,
           "command": ["sh", "-c", "exit $CODE", "Ref::code"],
           "environment": [{"name": "CODE", "value": "3"}]}}"""));

    String id = submit(store, "proc", "");
    world.runUntilIdle();

    JsonNode job = store.describeJob(id);
    assertThat(job.get("status").asText()).isEqualTo("FAILED");
    assertThat(job.at("/container/exitCode").asInt()).isEqualTo(3);
  }

  @Test
  void higherPriorityQueueGetsFreedCapacityFirst() {
    store.createJobQueue(Json.parse("""
        {"jobQueueName": "urgent", "priority": 100,
         "computeEnvironmentOrder": [{"order": 1, "computeEnvironment": "ce"}]}"""));
    String first = submit(store, "sim", "\"containerOverrides\": {\"vcpus\": 4}");
    world.advanceBy(Duration.ofMinutes(1));
    String low = submit(store, "sim", "");
    String high = store.submitJob(Json.parse(
        "{\"jobName\": \"u\", \"jobQueue\": \"urgent\", \"jobDefinition\": \"sim\","
            + " \"containerOverrides\": {\"vcpus\": 4}}")).get("jobId").asText();
    world.advanceBy(Duration.ofMinutes(5));
    assertThat(List.of(status(store, low), status(store, high)))
        .containsExactly("RUNNABLE", "RUNNABLE");

    world.runUntilIdle();

    long firstStopped = store.describeJob(first).get("stoppedAt").asLong();
    assertThat(store.describeJob(high).get("startedAt").asLong()).isEqualTo(firstStopped + 5_000);
    assertThat(store.describeJob(low).get("startedAt").asLong())
        .isGreaterThan(store.describeJob(high).get("stoppedAt").asLong());
  }
}
