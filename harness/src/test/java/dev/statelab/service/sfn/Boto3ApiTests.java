package dev.statelab.service.sfn;

import dev.statelab.testing.Processes;

import dev.statelab.server.StateLabServer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * boto3 against an in-process server like {@code statelab serve}, through a python3 subprocess:
 * create, start, describe, history, list, sync, activity task token and errors.
 *
 * <p>Skipped, with the reason, where python3 with boto3 is missing.
 */
class Boto3ApiTests {

  @Test
  void boto3DrivesTheWholeLifecycleUnchanged(@TempDir Path dir) throws Exception {
    Processes.Result probe = Processes.run(List.of("python3", "-c", "import boto3, botocore"), 60);
    Assumptions.assumeTrue(probe.exitCode() == 0,
        "python3 with boto3 is not available here: " + probe.output().strip());
    Path script = dir.resolve("boto3_sfn.py");
    try (InputStream in = Boto3ApiTests.class.getResourceAsStream("boto3_sfn.py")) {
      Files.write(script, in.readAllBytes());
    }

    Processes.Result result;
    try (StateLabServer server = SfnServers.real()) {
      result = Processes.run(List.of("python3", script.toString(), server.endpoint().toString()), 120);
    }

    assertThat(result.exitCode()).as(result.output()).isZero();
    String[] lines = result.output().strip().split("\n");
    JsonNode seen = Json.parse(lines[lines.length - 1]);
    assertThat(seen.path("created").asText())
        .isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:boto");
    assertThat(seen.path("creationDateIsDatetime").asBoolean()).isTrue();
    assertThat(seen.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(seen.path("output").asText()).isEqualTo("{\"a\":1}");
    assertThat(seen.path("history").toString()).isEqualTo("[\"ExecutionStarted\","
        + "\"PassStateEntered\",\"PassStateExited\",\"ExecutionSucceeded\"]");
    assertThat(seen.path("listed").get(0).asText()).endsWith(":execution:boto:b1");
    assertThat(seen.path("machines").toString()).contains("\"boto\"");
    assertThat(seen.path("sync").toString()).isEqualTo("[\"SUCCEEDED\",\"{\\\"s\\\":2}\",64]");
    assertThat(seen.path("task").toString())
        .isEqualTo("[\"{\\\"job\\\":3}\",\"SUCCEEDED\",\"{\\\"done\\\":true}\"]");
    assertThat(seen.path("missing").get(0).asText()).isEqualTo("StateMachineDoesNotExist");
    assertThat(seen.path("missing").get(1).asText()).startsWith("State Machine Does Not Exist");
    assertThat(seen.path("badInput").asText()).isEqualTo("InvalidExecutionInput");
  }

}
