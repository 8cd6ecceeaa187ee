package dev.statelab.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.chaos.ChaosSweep;
import dev.statelab.chaos.Latency;
import dev.statelab.chaos.RetryPolicy;
import dev.statelab.engine.World;
import dev.statelab.integration.awssdk.AwsSdkBridge;
import dev.statelab.json.Json;
import dev.statelab.service.batch.BatchModule;
import dev.statelab.service.batch.BatchStore;
import java.time.Duration;
import java.util.List;

/**
 * Submit a 25-minute AWS Batch export job ({@code batch:submitJob}, request-response), then poll
 * it with {@code aws-sdk:batch:describeJobs} every 5 minutes in a Wait, Task, Choice loop. A
 * JSONata Pass state computes the deadline from the execution's start time and
 * {@code maxWaitMinutes}; a Choice compares {@code $$.State.EnteredTime} with it and fails the
 * execution with {@code ExportDeadlineExceeded} (naming the job and its status) once it passes.
 */
public final class PollingLoopScenario implements Scenario {

  /** The simulated duration of an export job. */
  public static final Duration JOB_DURATION = Duration.ofMinutes(25);

  @Override
  public String name() {
    return "polling-loop";
  }

  @Override
  public String description() {
    return "Submit a Batch job, poll describeJobs every 5 minutes (Wait, Task, Choice) and give up at a deadline.";
  }

  /** A compute environment of 256 vCPUs, the queue {@code exports} and the job definition {@code export} (25 minutes, simulated). */
  @Override
  public void setup(World world) {
    // aws-sdk:batch:describeJobs reaches the Batch API in-process (a served world has it already).
    new BatchModule().install(world).forEach(api -> AwsSdkBridge.registerBySpec(world, api));
    BatchStore batch = BatchStore.of(world);
    batch.createComputeEnvironment(Json.parse("""
        {"computeEnvironmentName": "exports-ce", "type": "MANAGED",
         "computeResources": {"type": "FARGATE", "maxvCpus": 256}}"""));
    batch.createJobQueue(Json.parse("""
        {"jobQueueName": "exports", "priority": 1,
         "computeEnvironmentOrder": [{"order": 1, "computeEnvironment": "exports-ce"}]}"""));
    batch.registerJobDefinition(Json.parse("""
        {"jobDefinitionName": "export", "type": "container", "platformCapabilities": ["FARGATE"],
         "parameters": {"statelab:duration": "%s"},
         "containerProperties": {"image": "exporter:latest", "command": ["export", "Ref::exportId"],
           "resourceRequirements": [{"type": "VCPU", "value": "1"}, {"type": "MEMORY", "value": "2048"}]}}"""
        .formatted(JOB_DURATION)));
  }

  @Override
  public JsonNode defaultInput() {
    return Json.parse("{\"exportId\": \"2026-01-01\", \"maxWaitMinutes\": 60}");
  }

  @Override
  public JsonNode input(int index) {
    return Json.parse("{\"exportId\": \"export-" + (index + 1) + "\", \"maxWaitMinutes\": 60}");
  }

  /**
   * Rates 0, 10% and 30% of throttled describeJobs polls, with jobs slowed by 0 to 20 minutes (all within the deadline);
   * no retries against the definition's 3 x 5 s; 50 exports.
   */
  @Override
  public ChaosSweep defaultSweep() {
    return new ChaosSweep(List.of(0.0, 0.1, 0.3),
        List.of(RetryPolicy.none(), RetryPolicy.of(3, 5, 2, false)),
        List.of(1L), 50,
        (faults, rate) -> {
          faults.onJobDefinition("export").latency(Latency.uniform(Duration.ZERO, Duration.ofMinutes(20)));
          faults.onState("CheckStatus").withProbability(rate).throttle();
        });
  }
}
