package dev.statelab.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.chaos.ChaosSweep;
import dev.statelab.chaos.Latency;
import dev.statelab.chaos.RetryPolicy;
import dev.statelab.engine.World;
import dev.statelab.json.Json;
import dev.statelab.service.lambda.LambdaFunctionException;
import dev.statelab.service.lambda.LambdaModule;
import dev.statelab.service.lambda.LambdaStore;
import java.time.Duration;
import java.util.List;

/**
 * A Map fans out over 20 items with {@code ToleratedFailurePercentage: 10}: a poison item fails
 * for good ({@code InvalidItem}) and is tolerated; transient Lambda errors are retried; once more
 * than 10% of the items fail, the Map fails with {@code States.ExceedToleratedFailureThreshold}.
 */
public final class FanOutScenario implements Scenario {

  /** Items per execution in the default input. */
  public static final int ITEMS = 20;

  @Override
  public String name() {
    return "fan-out";
  }

  @Override
  public String description() {
    return "A Map over " + ITEMS + " items (one poison) with ToleratedFailurePercentage 10, under transient Lambda errors.";
  }

  @Override
  public void setup(World world) {
    new LambdaModule().install(world);
    LambdaStore.of(world).registerJson("process", item -> {
      if (item.path("poison").asBoolean()) {
        throw new LambdaFunctionException("InvalidItem", "Item " + item.path("id").asInt() + " cannot be processed");
      }
      ObjectNode out = Json.object();
      out.set("id", item.get("id"));
      out.put("processed", true);
      return out;
    });
  }

  /** Items 1..20; item 7 is poison. */
  @Override
  public JsonNode defaultInput() {
    ObjectNode input = Json.object();
    ArrayNode items = input.putArray("items");
    for (int i = 1; i <= ITEMS; i++) {
      ObjectNode item = items.addObject();
      item.put("id", i);
      if (i == 7) {
        item.put("poison", true);
      }
    }
    return input;
  }

  /** Rates 0, 5%, 15% and 30% of Lambda.ServiceException; no retries, 2 x 1 s, 3 x 1 s with full jitter; 50 executions. */
  @Override
  public ChaosSweep defaultSweep() {
    return new ChaosSweep(List.of(0.0, 0.05, 0.15, 0.3),
        List.of(RetryPolicy.none(), RetryPolicy.of(2, 1, 2, false), RetryPolicy.of(3, 1, 2, true)),
        List.of(1L), 50,
        (faults, rate) -> {
          faults.onFunction("process").latency(Latency.uniform(Duration.ofMillis(100), Duration.ofMillis(400)));
          faults.onFunction("process").withProbability(rate).serviceError();
        });
  }
}
