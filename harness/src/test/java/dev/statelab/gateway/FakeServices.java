package dev.statelab.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/** Fake services for gateway tests: a JSON 1.0 "states", a REST "lambda" and a REST "batch". */
final class FakeServices {

  private FakeServices() {}

  /**
   * A fake Step Functions: canned answers, errors on request, a crash on DeleteStateMachine, and a
   * GetActivityTask long poll the test completes through {@link #pendingPolls}.
   */
  static final class FakeStepFunctions implements AwsService {

    static final ServiceSpec SPEC = ServiceSpec.newBuilder(AwsProtocol.AWS_JSON_1_0, "states")
        .targetPrefix("AWSStepFunctions")
        .operations("ListStateMachines", "DescribeStateMachine", "StartExecution",
            "StartSyncExecution", "DeleteStateMachine", "GetActivityTask")
        .build();

    final AtomicReference<AwsRequest> lastRequest = new AtomicReference<>();
    final BlockingQueue<CompletableFuture<AwsResponse>> pendingPolls = new LinkedBlockingQueue<>();

    @Override
    public ServiceSpec spec() {
      return SPEC;
    }

    @Override
    public CompletionStage<AwsResponse> handleAsync(AwsRequest request) {
      if (request.operation().equals("GetActivityTask")) {
        lastRequest.set(request);
        CompletableFuture<AwsResponse> poll = new CompletableFuture<>();
        pendingPolls.add(poll);
        return poll;
      }
      return AwsService.super.handleAsync(request);
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
      lastRequest.set(request);
      JsonNode body = request.body();
      String arnPrefix = "arn:aws:states:" + request.region() + ":" + request.accountId() + ":";
      switch (request.operation()) {
        case "ListStateMachines": {
          ObjectNode machine = Json.object()
              .put("stateMachineArn", arnPrefix + "stateMachine:hello")
              .put("name", "hello")
              .put("type", "STANDARD")
              .put("creationDate", new BigDecimal("1714643996.180"));
          ObjectNode out = Json.object();
          out.putArray("stateMachines").add(machine);
          return AwsResponse.ok(out);
        }
        case "DescribeStateMachine": {
          String arn = body.path("stateMachineArn").asText();
          if (arn.endsWith(":missing")) {
            throw new AwsServiceException("StateMachineDoesNotExist",
                "State Machine Does Not Exist: '" + arn + "'");
          }
          if (arn.endsWith(":namespaced")) {
            throw new AwsServiceException(
                "com.amazonaws.swf.service.v2.model#StateMachineDoesNotExist",
                "State Machine Does Not Exist: '" + arn + "'");
          }
          return AwsResponse.ok(Json.object()
              .put("stateMachineArn", arn)
              .put("name", arn.substring(arn.lastIndexOf(':') + 1))
              .put("definition", "{}")
              .put("roleArn", "arn:aws:iam::" + request.accountId() + ":role/r")
              .put("type", "STANDARD")
              .put("creationDate", 1714643996));
        }
        case "StartExecution":
          return AwsResponse.ok(Json.object()
              .put("executionArn", arnPrefix + "execution:hello:"
                  + body.path("name").asText("generated"))
              .put("startDate", 1714643996));
        case "StartSyncExecution":
          return AwsResponse.ok(Json.object()
              .put("executionArn", arnPrefix + "express:hello:x:1")
              .put("startDate", 1714643996)
              .put("stopDate", 1714643997)
              .put("status", "SUCCEEDED")
              .put("output", body.path("input").asText("{}")));
        case "DeleteStateMachine":
          throw new IllegalStateException("boom");
        default:
          throw new AssertionError("gateway routed unknown operation " + request.operation());
      }
    }
  }

  /** A fake Lambda: Invoke echoes its payload; "missing" is not found; "fails" errors. */
  static final class FakeLambda implements AwsService {

    static final ServiceSpec SPEC = ServiceSpec.newBuilder(AwsProtocol.REST_JSON_1, "lambda")
        .route("POST", "/2015-03-31/functions/{FunctionName}/invocations", "Invoke")
        .route("GET", "/2015-03-31/functions/{FunctionName}", "GetFunction")
        .maxRequestBytes(6 * 1024 * 1024)
        .build();

    final AtomicReference<AwsRequest> lastRequest = new AtomicReference<>();

    @Override
    public ServiceSpec spec() {
      return SPEC;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
      lastRequest.set(request);
      String name = request.pathParam("FunctionName");
      if (name.endsWith("missing")) {
        throw new AwsServiceException("ResourceNotFoundException",
            "Function not found: " + name, 404);
      }
      if (request.operation().equals("GetFunction")) {
        ObjectNode out = Json.object();
        out.putObject("Configuration").put("FunctionName", name).put("FunctionArn",
            "arn:aws:lambda:" + request.region() + ":" + request.accountId() + ":function:"
                + name);
        return AwsResponse.ok(out);
      }
      if (name.endsWith("fails")) {
        return AwsResponse.raw(200,
                "{\"errorMessage\":\"bad\",\"errorType\":\"Error\"}".getBytes(
                    StandardCharsets.UTF_8), null)
            .withHeader("X-Amz-Function-Error", "Unhandled");
      }
      return AwsResponse.raw(200, request.rawBody(), null)
          .withHeader("X-Amz-Executed-Version", "$LATEST");
    }
  }

  /** A fake Batch with SubmitJob only. */
  static AwsService batch() {
    ServiceSpec spec = ServiceSpec.newBuilder(AwsProtocol.REST_JSON_1, "batch")
        .route("POST", "/v1/submitjob", "SubmitJob")
        .build();
    return AwsService.of(spec, request -> AwsResponse.ok(Json.object()
        .put("jobName", request.body().path("jobName").asText())
        .put("jobId", "11111111-2222-3333-4444-555555555555")
        .put("jobArn", "arn:aws:batch:" + request.region() + ":" + request.accountId()
            + ":job/11111111-2222-3333-4444-555555555555")));
  }
}
