package dev.statelab.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.chaos.ChaosSweep;
import dev.statelab.chaos.Latency;
import dev.statelab.chaos.RetryPolicy;
import dev.statelab.engine.World;
import dev.statelab.json.Json;
import dev.statelab.service.lambda.LambdaModule;
import dev.statelab.service.lambda.LambdaStore;
import java.time.Duration;
import java.util.List;

/**
 * A burst of orders hits a Lambda function that accepts {@value #CALLS_PER_SECOND} calls a second;
 * the rest are throttled ({@code Lambda.TooManyRequestsException}) and retried. Without jitter the
 * retries arrive together and are throttled together; with {@code JitterStrategy: FULL} they
 * spread over the backoff interval.
 */
public final class RetryStormScenario implements Scenario {

  /** The function's rate limit in the default sweep. */
  public static final int CALLS_PER_SECOND = 50;

  @Override
  public String name() {
    return "retry-storm";
  }

  @Override
  public String description() {
    return "A burst of 200 orders against a Lambda limited to " + CALLS_PER_SECOND
        + " calls/s, with random throttling on top: Retry with and without jitter.";
  }

  @Override
  public void setup(World world) {
    new LambdaModule().install(world);
    LambdaStore.of(world).registerJson("charge", order -> {
      ObjectNode receipt = Json.object();
      receipt.set("orderId", order.get("orderId"));
      receipt.set("charged", order.get("amount"));
      receipt.put("status", "CHARGED");
      return receipt;
    });
  }

  @Override
  public JsonNode defaultInput() {
    return Json.parse("{\"orderId\": \"order-1\", \"amount\": 42}");
  }

  @Override
  public JsonNode input(int index) {
    return Json.parse("{\"orderId\": \"order-" + (index + 1) + "\", \"amount\": " + (10 + index % 90) + "}");
  }

  /**
   * Rates 0, 5% and 20% of random throttling on top of the rate limit; no retries, the
   * definition's 3 x 2 s (backoff 2), 6 x 1 s without and with full jitter; 200 executions a cell.
   */
  @Override
  public ChaosSweep defaultSweep() {
    return new ChaosSweep(List.of(0.0, 0.05, 0.2),
        List.of(RetryPolicy.none(), RetryPolicy.of(3, 2, 2, false), RetryPolicy.of(3, 2, 2, true),
            RetryPolicy.of(6, 1, 2, false), RetryPolicy.of(6, 1, 2, true)),
        List.of(1L), 200,
        (faults, rate) -> {
          faults.onFunction("charge").latency(Latency.logNormal(Duration.ofMillis(80), 0.4));
          faults.onFunction("charge").aboveRate(CALLS_PER_SECOND).throttle();
          faults.onFunction("charge").withProbability(rate).throttle();
        });
  }
}
