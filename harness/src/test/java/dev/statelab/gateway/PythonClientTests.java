package dev.statelab.gateway;

import dev.statelab.testing.Processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.gateway.FakeServices.FakeLambda;
import dev.statelab.gateway.FakeServices.FakeStepFunctions;
import dev.statelab.json.Json;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway as boto3 and the AWS CLI see it, through subprocesses.
 *
 * <p>Skipped, with the reason, where python3 with boto3 (or the {@code aws} command) is missing.
 */
class PythonClientTests {

  private static Gateway gateway;
  private static Level savedLevel;

  @BeforeAll
  static void start() {
    gateway = Gateway.start(GatewayOptions.defaults(), new FakeStepFunctions(), new FakeLambda());
    // The script provokes one handler crash on purpose; keep its stack trace out of the output.
    Logger jul = Logger.getLogger(Gateway.class.getName());
    savedLevel = jul.getLevel();
    jul.setLevel(Level.OFF);
  }

  @AfterAll
  static void stop() {
    Logger.getLogger(Gateway.class.getName()).setLevel(savedLevel);
    gateway.close();
  }

  @Test
  void boto3SeesAwsShapedAnswersAndErrors(@TempDir Path dir) throws Exception {
    Processes.Result probe = Processes.run(List.of("python3", "-c", "import boto3, botocore"), 60);
    Assumptions.assumeTrue(probe.exitCode() == 0,
        "python3 with boto3 is not available here: " + probe.output().strip());
    Path script = dir.resolve("boto3_client.py");
    try (InputStream in = PythonClientTests.class.getResourceAsStream("boto3_client.py")) {
      Files.write(script, in.readAllBytes());
    }

    Processes.Result result = Processes.run(List.of("python3", script.toString(), gateway.endpoint().toString()), 120);

    assertThat(result.exitCode()).as(result.output()).isZero();
    JsonNode seen = Json.parse(lastLine(result.output()));
    assertThat(seen.path("machines").get(0).asText())
        .isEqualTo("arn:aws:states:eu-west-1:123456789012:stateMachine:hello");
    assertThat(seen.path("creationDate").asDouble()).isEqualTo(1714643996.18);
    assertThat(seen.path("describeError").get(0).asText()).isEqualTo("StateMachineDoesNotExist");
    assertThat(seen.path("describeError").get(1).asText())
        .startsWith("State Machine Does Not Exist");
    assertThat(seen.path("describeError").get(2).asInt()).isEqualTo(400);
    assertThat(seen.path("modeledError").asText()).isEqualTo("StateMachineDoesNotExist");
    assertThat(seen.path("sync").asText()).isEqualTo("{\"a\":1}");
    assertThat(seen.path("crash").get(0).asText()).isEqualTo("InternalFailure");
    assertThat(seen.path("crash").get(1).asInt()).isEqualTo(500);
    assertThat(seen.path("invoke").get(0).asInt()).isEqualTo(200);
    assertThat(seen.path("invoke").get(1).asText()).isEqualTo("{\"x\":1}");
    assertThat(seen.path("invoke").get(2).asText()).isEqualTo("$LATEST");
    assertThat(seen.path("lambdaError").get(0).asText()).isEqualTo("ResourceNotFoundException");
    assertThat(seen.path("lambdaError").get(1).asInt()).isEqualTo(404);
  }

  @Test
  void awsCliListsAndReportsErrorsLikeAws() throws Exception {
    Processes.Result probe = Processes.run(List.of("aws", "--version"), 60);
    Assumptions.assumeTrue(probe.exitCode() == 0,
        "the aws command is not available here: " + probe.output().strip());
    String endpoint = gateway.endpoint().toString();

    Processes.Result list = Processes.run(List.of("aws", "--endpoint-url", endpoint, "--output", "json",
        "stepfunctions", "list-state-machines"), 120);
    Processes.Result missing = Processes.run(List.of("aws", "--endpoint-url", endpoint, "stepfunctions",
        "describe-state-machine", "--state-machine-arn",
        "arn:aws:states:us-east-1:123456789012:stateMachine:missing"), 120);

    assertThat(list.exitCode()).as(list.output()).isZero();
    assertThat(Json.parse(list.output()).path("stateMachines").get(0).path("name").asText())
        .isEqualTo("hello");
    assertThat(missing.exitCode()).as(missing.output()).isNotZero();
    assertThat(missing.output()).contains("An error occurred (StateMachineDoesNotExist) when "
        + "calling the DescribeStateMachine operation: State Machine Does Not Exist");
  }

  private static String lastLine(String output) {
    String[] lines = output.strip().split("\n");
    return lines[lines.length - 1];
  }
}
