package dev.statelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import dev.statelab.mock.Mocking;
import dev.statelab.server.StateLabServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code statelab serve --mock-config} and {@code SFN_MOCK_CONFIG}, with boto3 as the client. */
class ServeMockConfigTests {

  static final String MOCKS = """
      {"StateMachines": {"Order": {"TestCases": {
          "RetryPath": {"Charge": "BusyTwiceThenPaid"},
          "CatchPath": {"Charge": "Declined"}}}},
       "MockedResponses": {
          "BusyTwiceThenPaid": {
            "0-1": {"Throw": {"Error": "Payment.Busy", "Cause": "try later"}},
            "2": {"Return": {"Payload": {"paid": true}, "StatusCode": 200}}},
          "Declined": {"0": {"Throw": {"Error": "Payment.Declined", "Cause": "card refused"}}}}}""";

  static final String ORDER = """
      {"StartAt": "Charge", "States": {
        "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "charge", "Payload.$": "$"},
          "ResultSelector": {"paid.$": "$.Payload.paid"},
          "Retry": [{"ErrorEquals": ["Payment.Busy"], "IntervalSeconds": 1, "MaxAttempts": 3}],
          "Catch": [{"ErrorEquals": ["Payment.Declined"], "ResultPath": "$.error", "Next": "Refund"}],
          "Next": "Done"},
        "Refund": {"Type": "Pass", "Result": "refunded", "ResultPath": "$.refund", "End": true},
        "Done": {"Type": "Succeed"}}}""";

  static final String SCRIPT = """
      import json, sys, time, boto3
      sfn = boto3.client("stepfunctions", endpoint_url=sys.argv[1], region_name="us-east-1",
                         aws_access_key_id="test", aws_secret_access_key="test")
      arn = sfn.create_state_machine(name="Order", definition=sys.argv[2],
          roleArn="arn:aws:iam::123456789012:role/r")["stateMachineArn"]
      seen = {}
      for case in ["RetryPath", "CatchPath"]:
          ex = sfn.start_execution(stateMachineArn=arn + "#" + case, input="{}")["executionArn"]
          for _ in range(2000):
              d = sfn.describe_execution(executionArn=ex)
              if d["status"] != "RUNNING":
                  break
              time.sleep(0.01)
          events = sfn.get_execution_history(executionArn=ex)["events"]
          seen[case] = {"status": d["status"], "output": json.loads(d.get("output", "null")),
                        "types": [e["type"] for e in events],
                        "errors": [e["taskFailedEventDetails"]["error"] for e in events
                                   if e["type"] == "TaskFailed"]}
      print(json.dumps(seen))
      """;

  @Test
  void boto3DrivesRetryAndCatchThroughAMockConfigGivenToServe(@TempDir Path dir) throws Exception {
    Result probe = run(List.of("python3", "-c", "import boto3"));
    Assumptions.assumeTrue(probe.exitCode == 0,
        "python3 with boto3 is not available here: " + probe.output.strip());
    Path mocks = dir.resolve("MockConfigFile.json");
    Files.writeString(mocks, MOCKS);
    Path script = dir.resolve("mocked.py");
    Files.writeString(script, SCRIPT);
    Arguments args = Arguments.parse(List.of("--port", "0", "--clock", "virtual",
        "--mock-config", mocks.toString()), ServeCommand.FLAGS, List.of());

    try (StateLabServer server = ServeCommand.start(args, Map.of())) {
      Result result = run(List.of("python3", script.toString(), server.endpoint().toString(), ORDER));

      assertThat(result.exitCode).as(result.output).isZero();
      String[] lines = result.output.strip().split("\n");
      JsonNode seen = Json.parse(lines[lines.length - 1]);
      JsonNode retry = seen.path("RetryPath");
      assertThat(retry.path("status").asText()).isEqualTo("SUCCEEDED");
      assertThat(retry.path("output")).isEqualTo(Json.parse("{\"paid\": true}"));
      assertThat(retry.path("errors").toString()).isEqualTo("[\"Payment.Busy\",\"Payment.Busy\"]");
      JsonNode caught = seen.path("CatchPath");
      assertThat(caught.path("status").asText()).isEqualTo("SUCCEEDED");
      assertThat(caught.path("output").path("error").path("Error").asText()).isEqualTo("Payment.Declined");
      assertThat(caught.path("types").toString()).contains("PassStateEntered");
    }
  }

  @Test
  void theSfnMockConfigEnvironmentVariableLoadsTheFile(@TempDir Path dir) throws Exception {
    Path mocks = dir.resolve("mocks.json");
    Files.writeString(mocks, MOCKS);
    Arguments args = Arguments.parse(List.of("--port", "0"), ServeCommand.FLAGS, List.of());

    try (StateLabServer server = ServeCommand.start(args, Map.of("SFN_MOCK_CONFIG", mocks.toString()))) {
      assertThat(Mocking.of(server.world()).config().testCase("Order", "CatchPath")).isPresent();
    }
  }

  @Test
  void anInvalidMockConfigIsAUsageErrorNamingThePlace(@TempDir Path dir) throws Exception {
    Path mocks = dir.resolve("bad.json");
    Files.writeString(mocks, "{\"MockedResponses\": {\"X\": {\"1\": {\"Return\": 1}}}}");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = Main.run(new String[] {"serve", "--port", "0", "--mock-config", mocks.toString()},
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(
        mocks + ": MockedResponses.X has a gap: no answer for invocation 0");
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("AWS_CONFIG_FILE", "/nonexistent/statelab-aws-config");
    builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/statelab-aws-credentials");
    builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    builder.environment().remove("AWS_PROFILE");
    Path log = Files.createTempFile("statelab-boto3", ".log");
    builder.redirectOutput(log.toFile());
    try {
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        return new Result(-1, "cannot start " + command.get(0) + ": " + e.getMessage());
      }
      process.getOutputStream().close();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-2, command + " timed out");
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
