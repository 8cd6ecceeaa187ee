package dev.statelab.server;

import dev.statelab.testing.Processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.json.Json;
import dev.statelab.mock.MockConfig;
import dev.statelab.mock.Mocking;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client StateLab did not write (boto3) drives every integration pattern against one server:
 * a Python Lambda from a zip whose error a Catch takes by its errorType, a Batch {@code .sync}
 * job that fails once and is retried by the workflow, a nested {@code .sync:2} execution, a
 * {@code .waitForTaskToken} task completed with SendTaskSuccess, and a MockConfigFile test case
 * that drives the Retry and Catch paths. Skipped, with the reason, where python3 with boto3 is
 * missing.
 */
class IntegrationPatternsBoto3Tests {

  private static final String MOCKS = """
      {"StateMachines": {"checkout": {"TestCases": {"RetryThenCatch": {"Charge": "BusyBusyDeclined"}}}},
       "MockedResponses": {"BusyBusyDeclined": {
         "0-1": {"Throw": {"Error": "Payment.Busy", "Cause": "try later"}},
         "2": {"Throw": {"Error": "Payment.Declined", "Cause": "card expired"}}}}}""";

  private static final String SCRIPT = """
      import base64, io, json, sys, time, zipfile
      import boto3
      endpoint = sys.argv[1]
      kw = dict(endpoint_url=endpoint, region_name="us-east-1")
      sfn, lam, batch = boto3.client("stepfunctions", **kw), boto3.client("lambda", **kw), boto3.client("batch", **kw)
      role = "arn:aws:iam::123456789012:role/r"

      def run(name, definition, input="{}", suffix=""):
          arn = sfn.create_state_machine(name=name, roleArn=role, definition=json.dumps(definition))["stateMachineArn"]
          execution = sfn.start_execution(stateMachineArn=arn + suffix, input=input)["executionArn"]
          return arn, execution

      def finish(execution):
          for _ in range(3000):
              d = sfn.describe_execution(executionArn=execution)
              if d["status"] != "RUNNING":
                  break
              time.sleep(0.01)
          events = sfn.get_execution_history(executionArn=execution, maxResults=1000)["events"]
          return {"status": d["status"], "output": json.loads(d.get("output", "null")),
                  "error": d.get("error"), "events": [e["type"] for e in events]}

      out = {}

      # 1. A Python Lambda from a zip; its errorType is caught by ErrorEquals.
      buf = io.BytesIO()
      with zipfile.ZipFile(buf, "w") as z:
          z.writestr("app.py", "class OrderInvalid(Exception):\\n    pass\\n"
                     "def handler(event, context):\\n"
                     "    if event.get('qty', 0) <= 0:\\n        raise OrderInvalid('quantity must be positive')\\n"
                     "    return {'ok': True}\\n")
      lam.create_function(FunctionName="validate", Runtime="python3.11", Role=role, Handler="app.handler",
                          Code={"ZipFile": buf.getvalue()})
      _, e1 = run("validate-order", {"StartAt": "Validate", "States": {
          "Validate": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                       "Parameters": {"FunctionName": "validate", "Payload.$": "$"}, "OutputPath": "$.Payload",
                       "Catch": [{"ErrorEquals": ["OrderInvalid"], "ResultPath": "$.rejected", "Next": "Rejected"}],
                       "End": True},
          "Rejected": {"Type": "Pass", "End": True}}}, input=json.dumps({"qty": 0}))
      out["lambda"] = finish(e1)

      # 2. A Batch .sync job fails once (exit code 1 on the first attempt) and the workflow retries it.
      batch.create_compute_environment(computeEnvironmentName="ce", type="MANAGED",
          computeResources={"type": "EC2", "maxvCpus": 4, "minvCpus": 0, "instanceTypes": ["optimal"],
                            "subnets": ["s"], "instanceRole": "r"})
      batch.create_job_queue(jobQueueName="q", priority=1, computeEnvironmentOrder=[{"order": 1, "computeEnvironment": "ce"}])
      batch.register_job_definition(jobDefinitionName="train", type="container",
          parameters={"statelab:duration": "PT20M"},
          containerProperties={"image": "trainer", "vcpus": 2, "memory": 4096, "command": ["train"]})
      _, e2 = run("train-model", {"QueryLanguage": "JSONata", "StartAt": "Train", "States": {
          "Train": {"Type": "Task", "Resource": "arn:aws:states:::batch:submitJob.sync",
                    "Arguments": {"JobName": "train", "JobQueue": "q", "JobDefinition": "train",
                                  "Parameters": {"statelab:exitCode": "{% $states.context.State.RetryCount = 0 ? '1' : '0' %}"}},
                    "Retry": [{"ErrorEquals": ["States.TaskFailed"], "IntervalSeconds": 60, "MaxAttempts": 2}],
                    "Output": {"status": "{% $states.result.Status %}"}, "End": True}}})
      out["batch"] = finish(e2)

      # 3. A nested execution with .sync:2 (the child's output comes back as JSON).
      child, _ = run("child", {"StartAt": "Work", "States": {"Work": {"Type": "Pass", "Result": {"child": "done"}, "End": True}}})
      _, e3 = run("parent", {"StartAt": "Child", "States": {"Child": {
          "Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync:2",
          "Parameters": {"StateMachineArn": child, "Input": {"from": "parent"}}, "OutputPath": "$.Output", "End": True}}})
      out["nested"] = finish(e3)

      # 4. A .waitForTaskToken task completed by send_task_success.
      lam.create_function(FunctionName="ask", Runtime="python3.11", Role=role, Handler="app.handler",
                          Code={"ZipFile": (lambda b: (zipfile.ZipFile(b, "w").writestr("app.py",
                                "def handler(event, context):\\n    return 'queued'\\n"), b.getvalue())[1])(io.BytesIO())})
      _, e4 = run("approval", {"StartAt": "Ask", "States": {"Ask": {
          "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "TimeoutSeconds": 3600,
          "Parameters": {"FunctionName": "ask", "Payload": {"token.$": "$$.Task.Token"}}, "End": True}}})
      token = None
      for _ in range(2000):
          for e in sfn.get_execution_history(executionArn=e4)["events"]:
              if e["type"] == "TaskScheduled":
                  token = json.loads(e["taskScheduledEventDetails"]["parameters"])["Payload"]["token"]
          if token and any(e["type"] == "TaskSubmitted" for e in sfn.get_execution_history(executionArn=e4)["events"]):
              break
          time.sleep(0.01)
      sfn.send_task_success(taskToken=token, output=json.dumps({"approved": True}))
      out["callback"] = finish(e4)

      # 5. A MockConfigFile test case drives Retry (Busy twice) and then Catch (Declined).
      _, e5 = run("checkout", {"StartAt": "Charge", "States": {
          "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                     "Parameters": {"FunctionName": "charge", "Payload.$": "$"},
                     "Retry": [{"ErrorEquals": ["Payment.Busy"], "IntervalSeconds": 1, "MaxAttempts": 3}],
                     "Catch": [{"ErrorEquals": ["Payment.Declined"], "Next": "Declined"}], "End": True},
          "Declined": {"Type": "Pass", "End": True}}}, suffix="#RetryThenCatch")
      out["mock"] = finish(e5)
      print(json.dumps(out))
      """;

  @Test
  void boto3DrivesEveryIntegrationPatternAgainstOneServer(@TempDir Path dir) throws Exception {
    Processes.Result probe = Processes.run(List.of("python3", "-c", "import boto3, botocore"), 60);
    Assumptions.assumeTrue(probe.exitCode() == 0, "python3 with boto3 is not available here: " + probe.output().strip());
    Path script = dir.resolve("patterns.py");
    Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);

    Processes.Result result;
    World world = World.newInstance(WorldOptions.newBuilder().seed(3).build());
    Mocking.of(world).use(MockConfig.parse(MOCKS, "mocks.json"));
    try (StateLabServer server = StateLabServer.start(world, GatewayOptions.defaults())) {
      result = Processes.run(List.of("python3", script.toString(), server.endpoint().toString()), 180);
    }

    assertThat(result.exitCode()).as(result.output()).isZero();
    String[] lines = result.output().strip().split("\n");
    JsonNode seen = Json.parse(lines[lines.length - 1]);

    JsonNode lambda = seen.get("lambda");
    assertThat(lambda.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(lambda.at("/output/rejected/Error").asText()).isEqualTo("OrderInvalid");
    assertThat(lambda.at("/output/rejected/Cause").asText()).contains("quantity must be positive");

    JsonNode batch = seen.get("batch");
    assertThat(batch.path("status").asText()).as(batch.toString()).isEqualTo("SUCCEEDED");
    assertThat(batch.at("/output/status").asText()).isEqualTo("SUCCEEDED");
    assertThat(events(batch)).containsSubsequence(
        "TaskScheduled", "TaskSubmitted", "TaskFailed", "TaskScheduled", "TaskSubmitted", "TaskSucceeded");

    JsonNode nested = seen.get("nested");
    assertThat(nested.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(nested.get("output")).isEqualTo(Json.parse("{\"child\": \"done\"}"));

    JsonNode callback = seen.get("callback");
    assertThat(callback.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(callback.get("output")).isEqualTo(Json.parse("{\"approved\": true}"));
    assertThat(events(callback)).containsSubsequence("TaskSubmitted", "TaskSucceeded");

    JsonNode mock = seen.get("mock");
    assertThat(mock.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(mock.at("/output/Error").asText()).isEqualTo("Payment.Declined");
    assertThat(events(mock).stream().filter("TaskFailed"::equals).count()).isEqualTo(3);
  }

  private static List<String> events(JsonNode result) {
    List<String> out = new java.util.ArrayList<>();
    result.get("events").forEach(e -> out.add(e.asText()));
    return out;
  }

}
