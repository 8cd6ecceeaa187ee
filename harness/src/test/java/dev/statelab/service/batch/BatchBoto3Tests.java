package dev.statelab.service.batch;

import dev.statelab.testing.Processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.json.Json;
import dev.statelab.server.StateLabServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * boto3 against a StateLab server: compute environment, queue, definition, a submitted job, and a
 * state machine running {@code batch:submitJob.sync} through the Step Functions API.
 *
 * <p>Skipped, with the reason, where python3 with boto3 is missing.
 */
class BatchBoto3Tests {

  private static final String SCRIPT = """
      import json, sys, time
      import boto3
      endpoint = sys.argv[1]
      batch = boto3.client("batch", endpoint_url=endpoint, region_name="us-east-1")
      sfn = boto3.client("stepfunctions", endpoint_url=endpoint, region_name="us-east-1")
      batch.create_compute_environment(computeEnvironmentName="ce", type="MANAGED",
          computeResources={"type": "EC2", "maxvCpus": 8, "minvCpus": 0,
                            "instanceTypes": ["optimal"], "subnets": ["s"],
                            "instanceRole": "r"})
      batch.create_job_queue(jobQueueName="q", priority=1,
          computeEnvironmentOrder=[{"order": 1, "computeEnvironment": "ce"}])
      batch.register_job_definition(jobDefinitionName="d", type="container",
          parameters={"statelab:duration": "PT20M"},
          containerProperties={"image": "busybox", "vcpus": 2, "memory": 2048,
                               "command": ["echo", "hi"]})
      job = batch.submit_job(jobName="boto", jobQueue="q", jobDefinition="d")
      detail = None
      for _ in range(2000):
          detail = batch.describe_jobs(jobs=[job["jobId"]])["jobs"][0]
          if detail["status"] in ("SUCCEEDED", "FAILED"):
              break
          time.sleep(0.005)
      try:
          batch.submit_job(jobName="x", jobQueue="missing", jobDefinition="d")
          missing = None
      except batch.exceptions.ClientException as e:
          missing = e.response["Error"]["Message"]
      machine = sfn.create_state_machine(name="b", roleArn="arn:aws:iam::123456789012:role/r",
          definition=json.dumps({"StartAt": "Run", "States": {"Run": {
              "Type": "Task", "Resource": "arn:aws:states:::batch:submitJob.sync",
              "Parameters": {"JobName": "wf", "JobQueue": "q", "JobDefinition": "d"},
              "End": True}}}))["stateMachineArn"]
      execution = sfn.start_execution(stateMachineArn=machine, input="{}")["executionArn"]
      described = None
      for _ in range(6000):
          described = sfn.describe_execution(executionArn=execution)
          if described["status"] != "RUNNING":
              break
          time.sleep(0.01)
      events = [e["type"] for e in sfn.get_execution_history(executionArn=execution)["events"]]
      print(json.dumps({"status": detail["status"],
                        "ran": detail["stoppedAt"] - detail["startedAt"],
                        "exitCode": detail["attempts"][0]["container"]["exitCode"],
                        "missing": missing,
                        "execution": described["status"],
                        "output": json.loads(described.get("output", "{}")),
                        "events": events}))
      """;

  @Test
  void boto3CreatesQueueAndDefinitionSubmitsAndRunsSubmitJobSync(@TempDir Path dir)
      throws Exception {
    Processes.Result probe = Processes.run(List.of("python3", "-c", "import boto3, botocore"), 60);
    Assumptions.assumeTrue(probe.exitCode() == 0,
        "python3 with boto3 is not available here: " + probe.output().strip());
    Path script = dir.resolve("boto3_batch.py");
    Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);

    Processes.Result result;
    try (StateLabServer server = StateLabServer.start(World.newInstance(WorldOptions.newBuilder()
        .seed(5).realIoGrace(Duration.ofMillis(5)).build()), GatewayOptions.defaults())) {
      result = Processes.run(List.of("python3", script.toString(), server.endpoint().toString()), 120);
    }

    assertThat(result.exitCode()).as(result.output()).isZero();
    String[] lines = result.output().strip().split("\n");
    JsonNode seen = Json.parse(lines[lines.length - 1]);
    assertThat(seen.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(seen.path("ran").asLong()).isEqualTo(1_200_000);
    assertThat(seen.path("exitCode").asInt()).isZero();
    assertThat(seen.path("missing").asText()).isEqualTo("JobQueue missing not found.");
    assertThat(seen.path("execution").asText()).isEqualTo("SUCCEEDED");
    assertThat(seen.at("/output/Status").asText()).isEqualTo("SUCCEEDED");
    assertThat(seen.at("/output/JobName").asText()).isEqualTo("wf");
    assertThat(seen.path("events").toString()).contains("\"TaskSubmitted\"", "\"TaskSucceeded\"");
  }

}
