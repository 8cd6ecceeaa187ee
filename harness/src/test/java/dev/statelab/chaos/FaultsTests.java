package dev.statelab.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionRequest;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.ExecutionType;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.history.HistoryEvent;
import dev.statelab.json.Json;
import dev.statelab.service.batch.BatchModule;
import dev.statelab.service.batch.BatchStore;
import dev.statelab.service.lambda.LambdaFunctionException;
import dev.statelab.service.lambda.LambdaModule;
import dev.statelab.service.lambda.LambdaStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fault plans on Task states and Batch job attempts, on the virtual clock. */
class FaultsTests {

  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private static final String CHARGE = """
      {"StartAt": "Charge", "States": {"Charge": {
        "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
        "Parameters": {"FunctionName": "charge", "Payload.$": "$"}, "OutputPath": "$.Payload",
        "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "MaxAttempts": 3, "IntervalSeconds": 2, "BackoffRate": 2}],
        "End": true}}}""";

  private final AtomicInteger charges = new AtomicInteger();
  private World world;

  private World newWorld(long seed) {
    world = World.newInstance(WorldOptions.newBuilder().seed(seed).startTime(START).build());
    new LambdaModule().install(world);
    LambdaStore.of(world).runHandlersInline(true)
        .registerJson("charge", in -> IntNode.valueOf(charges.incrementAndGet()));
    return world;
  }

  @AfterEach
  void tearDown() {
    if (world != null) {
      world.close();
    }
  }

  private static List<String> failures(Execution e) {
    return e.history().stream().filter(h -> h.type().equals("TaskFailed"))
        .map(h -> h.details().get("error").asText()).toList();
  }

  @Test
  void aFunctionFailsOnTheChosenCallsAndTheRetrierRecovers() {
    Faults faults = Faults.of(newWorld(1));
    faults.onFunction("charge").onCalls(1, 2).fail("Lambda.TooManyRequestsException", "Rate exceeded");

    Execution e = world.run(StateMachine.parse(CHARGE), Json.object());

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(failures(e)).containsExactly("Lambda.TooManyRequestsException", "Lambda.TooManyRequestsException");
    assertThat(charges.get()).isEqualTo(1);
    assertThat(Duration.between(e.startDate(), e.stopDate())).isEqualTo(Duration.ofSeconds(2 + 4));
    assertThat(faults.injected()).extracting(InjectedFault::call).containsExactly(1, 2);
    assertThat(faults.injected()).extracting(InjectedFault::stateName).containsOnly("Charge");
  }

  @Test
  void throttlingALambdaUsesLambdasErrorNameAndCause() {
    Faults faults = Faults.of(newWorld(1));
    faults.onService("lambda").throttle();

    Execution e = world.run(StateMachine.parse(CHARGE), Json.object());

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("Lambda.TooManyRequestsException");
    assertThat(e.cause()).startsWith("Rate Exceeded. (Service: AWSLambda; Status Code: 429; Error Code: TooManyRequestsException;");
    assertThat(faults.injected()).hasSize(4).extracting(InjectedFault::kind).containsOnly(FaultKind.THROTTLE);
    assertThat(charges.get()).isZero();
  }

  @Test
  void throttlingDynamoDbUsesProvisionedThroughputExceeded() {
    newWorld(1);
    world.integrations().register("arn:aws:states:::dynamodb:putItem", r -> CompletableFuture.completedFuture(Json.object()));
    Faults.of(world).onService("dynamodb").throttle();

    Execution e = world.run(StateMachine.parse("""
        {"StartAt": "Put", "States": {"Put": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
          "Parameters": {"TableName": "t", "Item": {}}, "End": true}}}"""), Json.object());

    assertThat(e.error()).isEqualTo("DynamoDB.ProvisionedThroughputExceededException");
    assertThat(e.cause()).contains("(Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ProvisionedThroughputExceededException;");
  }

  @Test
  void latencyDelaysTheTaskOnTheWorldClock() {
    Faults faults = Faults.of(newWorld(1));
    faults.onState("Charge").latency(Latency.fixed(Duration.ofMinutes(10)));

    long wall = System.nanoTime();
    Execution e = world.run(StateMachine.parse(CHARGE), Json.object());

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Duration.between(e.startDate(), e.stopDate())).isEqualTo(Duration.ofMinutes(10));
    assertThat(Duration.ofNanos(System.nanoTime() - wall)).isLessThan(Duration.ofSeconds(30)); // not ten real minutes
    assertThat(faults.injected()).singleElement().extracting(InjectedFault::delayMillis).isEqualTo(600_000L);
  }

  @Test
  void theSameSeedInjectsTheSameFaults() {
    List<List<InjectedFault>> runs = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Faults faults = Faults.of(newWorld(42));
      faults.onFunction("charge").withProbability(0.5).throttle();
      faults.onFunction("charge").latency(Latency.logNormal(Duration.ofMillis(200), 0.5));
      StateMachine machine = StateMachine.parse(CHARGE);
      for (int n = 0; n < 20; n++) {
        world.start(machine, ExecutionRequest.of(Json.object()).withName("e" + n));
      }
      world.runUntilIdle();
      runs.add(faults.injected());
      world.close();
    }
    assertThat(runs.get(0)).isEqualTo(runs.get(1));
    assertThat(runs.get(0)).extracting(InjectedFault::kind).contains(FaultKind.THROTTLE, FaultKind.LATENCY);
  }

  @Test
  void aRateLimitThrottlesTheCallsBeyondItInTheSameSecond() {
    Faults faults = Faults.of(newWorld(1));
    faults.onFunction("charge").aboveRate(4).throttle();
    StateMachine machine = StateMachine.parse(CHARGE.replace("\"MaxAttempts\": 3", "\"MaxAttempts\": 0"));
    List<Execution> runs = new java.util.ArrayList<>();
    for (int n = 0; n < 10; n++) {
      runs.add(world.start(machine, ExecutionRequest.of(Json.object()).withName("e" + n)));
    }
    world.runUntilIdle();

    assertThat(runs).filteredOn(e -> e.status() == ExecutionStatus.SUCCEEDED).hasSize(4);
    assertThat(faults.injected()).extracting(InjectedFault::call).containsExactly(5, 6, 7, 8, 9, 10);
  }

  @Test
  void aWindowLimitsFaultsToWorldTimesInsideIt() {
    Faults faults = Faults.of(newWorld(1));
    faults.onFunction("charge").between(START.plusSeconds(1), START.plusSeconds(3)).throttle();

    Execution e = world.run(StateMachine.parse(CHARGE), Json.object());

    // Attempt at 0 s passes the window; only attempts inside [1 s, 3 s) would fail.
    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(faults.injected()).isEmpty();
  }

  @Test
  void expressAtLeastOnceDeliveryRunsTheTaskTwice() {
    Faults faults = Faults.of(newWorld(1));
    faults.onFunction("charge").onNthCall(1).duplicate();

    Execution e = world.run(StateMachine.parse(CHARGE),
        ExecutionRequest.of(Json.object()).withType(ExecutionType.EXPRESS));

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(charges.get()).isEqualTo(2);
    assertThat(e.output().asInt()).isEqualTo(1);
    assertThat(faults.injected()).extracting(InjectedFault::kind).containsExactly(FaultKind.DUPLICATE);
  }

  @Test
  void aDuplicateDeliveryThatFailsDoesNotFailTheTask() {
    newWorld(1);
    AtomicInteger calls = new AtomicInteger();
    LambdaStore.of(world).registerJson("once", in -> {
      if (calls.incrementAndGet() > 1) {
        throw new LambdaFunctionException("AlreadyClaimed", "event seen before");
      }
      return IntNode.valueOf(calls.get());
    });
    Faults faults = Faults.of(world);
    faults.onFunction("once").duplicate();

    Execution e = world.run(StateMachine.parse(CHARGE.replace("\"charge\"", "\"once\"")),
        ExecutionRequest.of(Json.object()).withType(ExecutionType.EXPRESS));

    assertThat(calls).hasValue(2);
    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output().asInt()).isEqualTo(1);
  }

  // ---- Batch ----------------------------------------------------------------------------------

  private BatchStore batchWorld() {
    newWorld(3);
    new BatchModule().install(world);
    BatchStore store = BatchStore.of(world);
    store.createComputeEnvironment(Json.parse("""
        {"computeEnvironmentName": "ce", "type": "MANAGED", "computeResources": {"type": "EC2", "maxvCpus": 8}}"""));
    store.createJobQueue(Json.parse("""
        {"jobQueueName": "q", "priority": 1, "computeEnvironmentOrder": [{"order": 1, "computeEnvironment": "ce"}]}"""));
    store.registerJobDefinition(Json.parse("""
        {"jobDefinitionName": "render", "type": "container",
         "containerProperties": {"image": "busybox", "vcpus": 2, "memory": 2048},
         "parameters": {"statelab:duration": "PT10M"}}"""));
    return store;
  }

  private static final String RENDER = """
      {"StartAt": "Render", "States": {"Render": {"Type": "Task", "Resource": "arn:aws:states:::batch:submitJob.sync",
        "Parameters": {"JobName": "r", "JobQueue": "q", "JobDefinition": "render" %s}, "End": true}}}""";

  @Test
  void aFailedJobAttemptFailsTheSyncTaskWithItsStatusReason() {
    batchWorld();
    Faults faults = Faults.of(world);
    faults.onJobDefinition("render").failJob("Host EC2 terminated");

    Execution e = world.run(StateMachine.parse(RENDER.formatted("")), Json.object());

    assertThat(e.error()).isEqualTo("States.TaskFailed");
    assertThat(Json.parse(e.cause()).get("StatusReason").asText()).isEqualTo("Host EC2 terminated");
    assertThat(Json.parse(e.cause()).get("Status").asText()).isEqualTo("FAILED");
    assertThat(faults.injected()).singleElement().extracting(InjectedFault::kind).isEqualTo(FaultKind.JOB_FAILURE);
  }

  @Test
  void aLostHostIsRetriedByTheJobsRetryStrategy() {
    BatchStore store = batchWorld();
    Faults faults = Faults.of(world);
    faults.onJobDefinition("render").onNthCall(1).loseHost();

    Execution e = world.run(StateMachine.parse(RENDER.formatted(
        ", \"RetryStrategy\": {\"Attempts\": 2, \"EvaluateOnExit\": [{\"OnStatusReason\": \"Host EC2*\", \"Action\": \"RETRY\"}]}")),
        Json.object());

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    String jobId = e.output().get("JobId").asText();
    var attempts = store.describeJob(jobId).get("attempts");
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0).get("statusReason").asText()).matches("Host EC2 \\(instance i-[0-9a-f]{17}\\) terminated\\.");
    assertThat(attempts.get(0).get("container").has("exitCode")).isFalse();
    assertThat(attempts.get(1).get("container").get("exitCode").asInt()).isZero();
    assertThat(faults.injected()).extracting(InjectedFault::kind).containsExactly(FaultKind.HOST_LOST);
  }

  @Test
  void latencyOnAJobDefinitionLengthensTheAttempt() {
    batchWorld();
    Faults.of(world).onJobDefinition("render").latency(Latency.fixed(Duration.ofMinutes(5)));

    Execution e = world.run(StateMachine.parse(RENDER.formatted("")), Json.object());

    HistoryEvent last = e.history().get(e.history().size() - 1);
    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output().get("StoppedAt").asLong() - e.output().get("StartedAt").asLong())
        .isEqualTo(Duration.ofMinutes(15).toMillis());
    assertThat(last.type()).isEqualTo("ExecutionSucceeded");
  }
}
