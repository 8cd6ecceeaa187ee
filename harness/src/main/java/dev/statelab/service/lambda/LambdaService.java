package dev.statelab.service.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.gateway.AwsProtocol;
import dev.statelab.gateway.AwsRequest;
import dev.statelab.gateway.AwsResponse;
import dev.statelab.gateway.AwsService;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.gateway.ServiceSpec;
import dev.statelab.json.Json;
import java.util.concurrent.CompletionStage;

/** The Lambda API ({@code restJson1}, signing name {@code lambda}) over a {@link LambdaStore}. */
public final class LambdaService implements AwsService {

  private static final String FUNCTIONS = "/2015-03-31/functions";
  private static final String CONCURRENCY = "/2017-10-31/functions/{FunctionName}/concurrency";

  private static final ServiceSpec SPEC = ServiceSpec.newBuilder(AwsProtocol.REST_JSON_1, "lambda")
      .route("POST", FUNCTIONS, "CreateFunction")
      .route("GET", FUNCTIONS, "ListFunctions")
      .route("GET", FUNCTIONS + "/", "ListFunctions")
      .route("GET", FUNCTIONS + "/{FunctionName}", "GetFunction")
      .route("DELETE", FUNCTIONS + "/{FunctionName}", "DeleteFunction")
      .route("GET", FUNCTIONS + "/{FunctionName}/configuration", "GetFunctionConfiguration")
      .route("PUT", FUNCTIONS + "/{FunctionName}/configuration", "UpdateFunctionConfiguration")
      .route("PUT", FUNCTIONS + "/{FunctionName}/code", "UpdateFunctionCode")
      .route("POST", FUNCTIONS + "/{FunctionName}/invocations", "Invoke")
      .route("PUT", CONCURRENCY, "PutFunctionConcurrency")
      .route("DELETE", CONCURRENCY, "DeleteFunctionConcurrency")
      .route("GET", "/2019-09-30/functions/{FunctionName}/concurrency", "GetFunctionConcurrency")
      .maxRequestBytes(6L * 1024 * 1024 + 1024 * 1024)
      .build();

  private final LambdaStore store;

  /** A service over {@code store}. */
  public LambdaService(LambdaStore store) {
    this.store = store;
  }

  @Override
  public ServiceSpec spec() {
    return SPEC;
  }

  @Override
  public CompletionStage<AwsResponse> handleAsync(AwsRequest request) {
    if (!request.operation().equals("Invoke")) {
      return AwsService.super.handleAsync(request);
    }
    InvocationType type = InvocationType.parse(request.header("X-Amz-Invocation-Type").orElse(null));
    String logType = request.header("X-Amz-Log-Type").orElse("None");
    return store.invoke(request.pathParam("FunctionName"), request.rawBody(), type).thenApply(r -> {
      if (r.statusCode() != 200) {
        return AwsResponse.empty(r.statusCode());
      }
      AwsResponse response = AwsResponse.raw(200, r.payload(), "application/json")
          .withHeader("X-Amz-Executed-Version", "$LATEST");
      if ("Tail".equals(logType)) {
        response = response.withHeader("X-Amz-Log-Result", r.logTail());
      }
      return r.isFunctionError() ? response.withHeader("X-Amz-Function-Error", r.functionError()) : response;
    });
  }

  @Override
  public AwsResponse handle(AwsRequest request) {
    switch (request.operation()) {
      case "CreateFunction":
        return AwsResponse.of(201, store.create(request.body()).toJson());
      case "ListFunctions": {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("Functions");
        store.functions().forEach(c -> list.add(c.toJson()));
        return AwsResponse.ok(out);
      }
      case "GetFunction": {
        FunctionConfig c = existing(request);
        ObjectNode out = Json.object();
        out.set("Configuration", c.toJson());
        ObjectNode code = out.putObject("Code");
        code.put("RepositoryType", "S3");
        code.put("Location", "file://statelab/" + c.name());
        if (c.reservedConcurrency() != null) {
          out.putObject("Concurrency").put("ReservedConcurrentExecutions", c.reservedConcurrency());
        }
        return AwsResponse.ok(out);
      }
      case "GetFunctionConfiguration":
        return AwsResponse.ok(existing(request).toJson());
      case "DeleteFunction":
        store.delete(request.pathParam("FunctionName"));
        return AwsResponse.empty(204);
      case "UpdateFunctionCode":
        return AwsResponse.ok(store.updateCode(request.pathParam("FunctionName"), request.body()).toJson());
      case "UpdateFunctionConfiguration":
        return AwsResponse.ok(store.updateConfiguration(request.pathParam("FunctionName"), request.body()).toJson());
      case "PutFunctionConcurrency": {
        JsonNode n = request.body().get("ReservedConcurrentExecutions");
        if (n == null || !n.canConvertToInt()) {
          throw new AwsServiceException("InvalidParameterValueException", "ReservedConcurrentExecutions is required");
        }
        store.reservedConcurrency(request.pathParam("FunctionName"), n.asInt());
        ObjectNode out = Json.object();
        out.put("ReservedConcurrentExecutions", n.asInt());
        return AwsResponse.ok(out);
      }
      case "DeleteFunctionConcurrency":
        store.reservedConcurrency(request.pathParam("FunctionName"), null);
        return AwsResponse.empty(204);
      case "GetFunctionConcurrency": {
        FunctionConfig c = existing(request);
        ObjectNode out = Json.object();
        if (c.reservedConcurrency() != null) {
          out.put("ReservedConcurrentExecutions", c.reservedConcurrency());
        }
        return AwsResponse.ok(out);
      }
      default:
        throw new AwsServiceException("UnknownOperationException", "Unknown operation " + request.operation(), 404);
    }
  }

  private FunctionConfig existing(AwsRequest request) {
    String name = request.pathParam("FunctionName");
    return store.function(name).orElseThrow(() -> new AwsServiceException("ResourceNotFoundException",
        "Function not found: " + store.arn(LambdaStore.functionName(name)), 404));
  }

  @Override
  public String toString() {
    return "LambdaService[" + store.functions().size() + " functions]";
  }

}
