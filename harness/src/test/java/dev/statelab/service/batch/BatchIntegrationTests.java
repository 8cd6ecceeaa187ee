package dev.statelab.service.batch;

import static dev.statelab.service.batch.BatchTesting.define;
import static dev.statelab.service.batch.BatchTesting.newWorld;
import static dev.statelab.service.batch.BatchTesting.submit;
import static dev.statelab.service.batch.BatchTesting.withQueue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.history.HistoryEvent;
import dev.statelab.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The batch:submitJob Task integrations in-process, and seeded simulated durations. */
class BatchIntegrationTests {

  private static final String SYNC_WITH_RETRY = """
      {"StartAt": "Run", "States": {"Run": {
        "Type": "Task", "Resource": "arn:aws:states:::batch:submitJob.sync",
        "Parameters": {"JobName": "nightly", "JobQueue": "q", "JobDefinition": "flaky",
                       "Parameters": {"word.$": "$.word"},
                       "ContainerOverrides": {"Environment": [{"Name": "MODE", "Value": "fast"}]}},
        "Retry": [{"ErrorEquals": ["States.TaskFailed"], "MaxAttempts": 1, "IntervalSeconds": 1}],
        "End": true}}}""";

  private World world;
  private BatchStore store;

  @BeforeEach
  void setUp() {
    world = newWorld(7);
    store = withQueue(world, 4);
  }

  @AfterEach
  void tearDown() {
    world.close();
  }

  @Test
  void submitJobWaitForTaskTokenWaitsForTheJobsCallback() {
    java.util.concurrent.atomic.AtomicReference<String> token = new java.util.concurrent.atomic.AtomicReference<>();
    store.registerRunner("notify", job -> {
      token.set(job.parameters().get("token"));
      return JobOutcome.of(0, Duration.ofMinutes(5));
    });
    define(store, "notify", "");
    Execution e = world.start(StateMachine.parse("""
        {"StartAt": "Run", "States": {"Run": {
          "Type": "Task", "Resource": "arn:aws:states:::batch:submitJob.waitForTaskToken",
          "Parameters": {"JobName": "cb", "JobQueue": "q", "JobDefinition": "notify",
                         "Parameters": {"token.$": "$$.Task.Token"}},
          "TimeoutSeconds": 3600, "End": true}}}"""), Json.object());
    world.advanceBy(Duration.ofMinutes(10));

    assertThat(token.get()).isNotBlank();
    world.sendTaskSuccess(token.get(), Json.parse("{\"done\": true}"));
    world.runUntilIdle();

    assertThat(e.status()).isEqualTo(dev.statelab.engine.ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(Json.parse("{\"done\": true}"));
    assertThat(e.history()).extracting(h -> h.type()).containsSubsequence("TaskSubmitted", "TaskSucceeded");
  }

  @Test
  void submitJobSyncFailingOnceIsRetriedByTheWorkflow() {
    AtomicInteger calls = new AtomicInteger();
    List<JobContext> seen = new ArrayList<>();
    store.registerRunner("flaky", job -> {
      seen.add(job);
      return JobOutcome.of(calls.getAndIncrement() == 0 ? 1 : 0, Duration.ofMinutes(20));
    });
    define(store, "flaky", "");

    Execution e = world.run(StateMachine.parse(SYNC_WITH_RETRY), Json.parse("{\"word\": \"yo\"}"));

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    List<String> tasks = e.history().stream().map(HistoryEvent::type)
        .filter(t -> t.startsWith("Task")).toList();
    assertThat(tasks).containsExactly("TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted",
        "TaskFailed", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited");
    HistoryEvent failed = e.history().stream().filter(h -> h.type().equals("TaskFailed"))
        .findFirst().orElseThrow();
    assertThat(failed.details().get("error").asText()).isEqualTo("States.TaskFailed");
    JsonNode cause = Json.parse(failed.details().get("cause").asText());
    assertThat(cause.get("Status").asText()).isEqualTo("FAILED");
    assertThat(cause.at("/Attempts/0/Container/ExitCode").asInt()).isEqualTo(1);
    JsonNode out = e.output();
    assertThat(out.get("Status").asText()).isEqualTo("SUCCEEDED");
    assertThat(out.get("JobName").asText()).isEqualTo("nightly");
    assertThat(out.get("StoppedAt").asLong() - out.get("StartedAt").asLong())
        .isEqualTo(1_200_000);
    assertThat(out.at("/Parameters/word").asText()).isEqualTo("yo");
    assertThat(seen.get(0).command()).containsExactly("echo", "yo");
    assertThat(seen.get(0).environment()).containsEntry("MODE", "fast");
    HistoryEvent submitted = e.history().stream().filter(h -> h.type().equals("TaskSubmitted"))
        .findFirst().orElseThrow();
    JsonNode submitOutput = submitted.details().get("output");
    if (submitOutput.isTextual()) {
      submitOutput = Json.parse(submitOutput.asText());
    }
    assertThat(submitOutput.fieldNames())
        .toIterable().containsExactlyInAnyOrder("JobArn", "JobId", "JobName");
  }

  @Test
  void submitJobRequestResponseReturnsTheSubmitResponseAtOnce() {
    define(store, "sim", "\"parameters\": {\"statelab:duration\": \"PT1H\"}");
    Execution e = world.start(StateMachine.parse("""
        {"StartAt": "Run", "States": {"Run": {
          "Type": "Task", "Resource": "arn:aws:states:::batch:submitJob",
          "Parameters": {"JobName": "rr", "JobQueue": "q", "JobDefinition": "sim"},
          "End": true}}}"""), Json.object());
    world.advanceBy(Duration.ofMillis(10));

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode out = e.output();
    assertThat(out.get("JobName").asText()).isEqualTo("rr");
    assertThat(out.get("JobArn").asText()).endsWith(":job/" + out.get("JobId").asText());
    assertThat(BatchTesting.status(store, out.get("JobId").asText())).isEqualTo("SUBMITTED");
  }

  @Test
  void submitJobToAnUnknownQueueFailsTheTaskWithBatchClientException() {
    define(store, "sim", "");
    Execution e = world.run(StateMachine.parse("""
        {"StartAt": "Run", "States": {"Run": {
          "Type": "Task", "Resource": "arn:aws:states:::batch:submitJob.sync",
          "Parameters": {"JobName": "x", "JobQueue": "missing", "JobDefinition": "sim"},
          "End": true}}}"""), Json.object());

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    HistoryEvent failed = e.history().stream().filter(h -> h.type().equals("TaskFailed"))
        .findFirst().orElseThrow();
    assertThat(failed.details().get("error").asText()).isEqualTo("Batch.ClientException");
    assertThat(failed.details().get("cause").asText()).startsWith("JobQueue missing not found.");
  }

  @Test
  void simulatedDurationsAreTheSameForTheSameSeed() {
    assertThat(durations(42)).isEqualTo(durations(42)).isNotEqualTo(durations(43));
  }

  @Test
  void simulatedFailureRateFailsAboutThatShareOfJobs() {
    define(store, "coin", """
        "parameters": {"statelab:duration": "PT1M", "statelab:failureRate": "0.5",
                       "statelab:failureExitCode": "9"}""");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(submit(store, "coin", ""));
    }
    world.runUntilIdle();

    long failed = ids.stream().filter(id -> BatchTesting.status(store, id).equals("FAILED"))
        .peek(id -> assertThat(store.describeJob(id).at("/container/exitCode").asInt()).isEqualTo(9))
        .count();
    assertThat(failed).isBetween(8L, 32L);
  }

  private static List<Long> durations(long seed) {
    try (World w = newWorld(seed)) {
      BatchStore s = withQueue(w, 100);
      define(s, "ln", """
          "tags": {"statelab:durationDistribution": "lognormal(mean=PT10M,sigma=0.3)"}""");
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        ids.add(submit(s, "ln", ""));
      }
      w.runUntilIdle();
      List<Long> out = new ArrayList<>();
      for (String id : ids) {
        JsonNode job = s.describeJob(id);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        out.add(job.get("stoppedAt").asLong() - job.get("startedAt").asLong());
      }
      assertThat(out).allSatisfy(d -> assertThat(d).isBetween(60_000L, 3_600_000L));
      return out;
    }
  }
}
