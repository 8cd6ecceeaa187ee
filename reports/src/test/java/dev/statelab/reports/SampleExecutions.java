package dev.statelab.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionRequest;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.integration.Integration;
import dev.statelab.json.Json;
import dev.statelab.reports.data.ExecutionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the sample order workflow in a virtual-clock world and writes its executions in the
 * report's data shape. Run {@link #main} to refresh {@code src/test/resources/sample-data/executions}.
 */
public final class SampleExecutions {

  /** Standard: USD per state transition (us-east-1). */
  static final double STANDARD_PER_TRANSITION = 0.000025;
  /** Express: USD per request. */
  static final double EXPRESS_PER_REQUEST = 0.000001;
  /** Express: USD per GB-second (first tier). */
  static final double EXPRESS_PER_GB_SECOND = 0.00001667;

  /** The order workflow: a Choice, a Parallel with a retried and caught payment, a Map over lines, a Wait. */
  static final String ORDER_WORKFLOW = """
      {
        "Comment": "Order pipeline",
        "StartAt": "ValidateOrder",
        "States": {
          "ValidateOrder": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Validate",
            "Retry": [{"ErrorEquals": ["States.TaskFailed"], "MaxAttempts": 2}], "Next": "IsPriority"},
          "IsPriority": {"Type": "Choice",
            "Choices": [{"Variable": "$.priority", "BooleanEquals": true, "Next": "FulfilNow"}],
            "Default": "WaitForBatch"},
          "WaitForBatch": {"Type": "Wait", "Seconds": 2, "Next": "FulfilNow"},
          "FulfilNow": {"Type": "Parallel", "ResultPath": "$.fulfilment", "Next": "PackLines",
            "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "RefundAndNotify"}],
            "Branches": [
              {"StartAt": "ReserveStock", "States": {
                "ReserveStock": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Reserve", "End": true}}},
              {"StartAt": "ChargeCard", "States": {
                "ChargeCard": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Charge",
                  "Retry": [{"ErrorEquals": ["PaymentGatewayBusy"], "IntervalSeconds": 1, "BackoffRate": 2, "MaxAttempts": 3}],
                  "Next": "RecordPayment"},
                "RecordPayment": {"Type": "Pass", "Result": "recorded", "End": true}}}
            ]},
          "PackLines": {"Type": "Map", "ItemsPath": "$.lines", "ResultPath": "$.packed", "MaxConcurrency": 2,
            "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "PackLine", "States": {
              "PackLine": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Pack", "End": true}}},
            "Next": "Shipped"},
          "Shipped": {"Type": "Succeed"},
          "RefundAndNotify": {"Type": "Pass", "Next": "OrderFailed"},
          "OrderFailed": {"Type": "Fail", "Error": "OrderFailed", "Cause": "Payment could not be taken"}
        }
      }
      """;

  private SampleExecutions() {}

  /** Writes the sample executions into the given {@code executions} folder. */
  public static void write(Path executionsDir) throws IOException {
    Files.createDirectories(executionsDir);
    writeRun(executionsDir, "order-happy-path", 2, false);
    writeRun(executionsDir, "order-payment-declined", 0, true);
  }

  /**
   * Runs the order workflow once.
   *
   * @param busyAttempts how many ChargeCard attempts fail with PaymentGatewayBusy before it succeeds
   * @param declined true to fail ChargeCard with CardDeclined (caught by the Parallel's Catch)
   */
  private static void writeRun(Path dir, String scenario, int busyAttempts, boolean declined) throws IOException {
    try (World world = World.newInstance(WorldOptions.newBuilder().seed(7).build())) {
      AtomicInteger chargeCalls = new AtomicInteger();
      register(world, "Validate", 120, in -> in);
      register(world, "Reserve", 340, in -> Json.parse("{\"reserved\":true}"));
      register(world, "Pack", 210, in -> Json.parse("{\"sku\":" + Json.write(in.path("sku")) + ",\"box\":\"S\"}"));
      register(world, "Charge", 450, in -> {
        int call = chargeCalls.incrementAndGet();
        if (declined) {
          throw new StatesError("CardDeclined", "The card ending 4242 was declined");
        }
        if (call <= busyAttempts) {
          throw new StatesError("PaymentGatewayBusy", "Gateway returned 503 on attempt " + call);
        }
        return Json.parse("{\"chargeId\":\"ch_" + call + "\"}");
      });
      JsonNode definition = Json.parse(ORDER_WORKFLOW);
      JsonNode input = Json.parse("{\"orderId\":\"o-1042\",\"priority\":" + !declined
          + ",\"lines\":[{\"sku\":\"A-1\"},{\"sku\":\"B-7\"},{\"sku\":\"C-3\"}]}");
      Execution e = world.run(StateMachine.parse(definition),
          ExecutionRequest.of(input).withName(scenario));
      Files.writeString(dir.resolve(scenario + ".json"),
          Json.pretty(ExecutionFiles.toJson(scenario, definition, e, cost(e))));
    }
  }

  /** The run's cost: Standard by transitions, Express by request and billed GB-seconds at 64 MB. */
  private static ObjectNode cost(Execution e) {
    long ms = e.stopDate().toEpochMilli() - e.startDate().toEpochMilli();
    long billedMs = Math.max(100, (ms + 99) / 100 * 100);
    ObjectNode cost = Json.object();
    cost.put("transitions", e.transitions());
    cost.put("standardCost", e.transitions() * STANDARD_PER_TRANSITION);
    cost.put("expressCost", EXPRESS_PER_REQUEST + EXPRESS_PER_GB_SECOND * (64 / 1024.0) * (billedMs / 1000.0));
    cost.put("billedDurationMs", billedMs);
    cost.put("billedMemoryMb", 64);
    ObjectNode byService = cost.putObject("byService");
    byService.put("Lambda", 0.0000002 * 6 + 0.0000166667 * 0.128 * 1.5);
    return cost;
  }

  /** Registers a function that answers after {@code latencyMs} of world time. */
  private static void register(World world, String name, long latencyMs, dev.statelab.integration.TaskFunction fn) {
    world.integrations().asyncFunction(name, Integration.onWorldClock(request -> {
      CompletableFuture<JsonNode> result = new CompletableFuture<>();
      world.schedule(Duration.ofMillis(latencyMs), () -> {
        try {
          result.complete(fn.apply(request.parameters()));
        } catch (Exception ex) {
          result.completeExceptionally(ex);
        }
      });
      return result;
    }));
  }

  /** Refreshes the checked-in sample: {@code main(reports/src/test/resources/sample-data)}. */
  public static void main(String[] args) throws IOException {
    write(Path.of(args.length > 0 ? args[0] : "reports/src/test/resources/sample-data").resolve("executions"));
  }
}
