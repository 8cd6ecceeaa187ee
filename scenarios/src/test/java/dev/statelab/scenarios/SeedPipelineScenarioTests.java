package dev.statelab.scenarios;

import static dev.statelab.junit.StateLabAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.cost.PriceCatalogue;
import dev.statelab.cost.Services;
import dev.statelab.cost.UsageLedger;
import dev.statelab.engine.Execution;
import dev.statelab.json.Json;
import dev.statelab.junit.ClockControl;
import dev.statelab.junit.Scenario;
import dev.statelab.junit.StateLab;
import dev.statelab.junit.StateLabTest;
import dev.statelab.junit.StateMachineUnderTest;
import dev.statelab.junit.WorldLifecycle;
import dev.statelab.service.batch.BatchStore;
import dev.statelab.service.batch.UsageRecord;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * seed-pipeline, end to end from a DynamoDB write: the request item travels the table's stream,
 * a Pipe, the event bus and a rule into the workflow, whose Batch jobs, Cost Explorer query and
 * result item are checked against an independent calculation from the price catalogue.
 */
@StateLabTest(lifecycle = WorldLifecycle.PER_METHOD, seed = 42)
class SeedPipelineScenarioTests {

  private StateLab lab;

  @BeforeEach
  void deploy(StateLab lab) {
    this.lab = lab;
    new SeedPipelineScenario().setup(lab.world());
    StateMachineUnderTest pipeline = lab.deploy(Scenario.fromClasspath("scenarios/seed-pipeline.asl.json")
        .substitutions(SeedPipelineScenario.defaultSubstitutions()));
    SeedPipelineScenario.connectTrigger(lab.world(), pipeline.arn());
  }

  private static Map<String, AttributeValue> request(String id, String... configurations) {
    return Map.of("requestId", AttributeValue.fromS(id), "workload", AttributeValue.fromS("sort-1gb"),
        "configurations", AttributeValue.fromL(java.util.Arrays.stream(configurations).map(AttributeValue::fromS).toList()));
  }

  @Test
  void aRequestItemRunsEveryConfigurationAndStoresResultsAndCost(DynamoDbClient dynamo, ClockControl clock) {
    long wallStart = System.nanoTime();
    dynamo.putItem(b -> b.tableName(SeedPipelineScenario.REQUESTS_TABLE).item(request("bench-1", "small", "medium", "large")));
    clock.runUntilIdle();
    Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);

    Execution run = lab.executions().get(0);
    assertThat(lab.executions()).hasSize(1);
    assertThat(run).succeeded()
        .visitedStatesInOrder("ValidateRequest", "RunConfigurations", "RunBenchmark", "QueryRunCost", "StoreResults", "Done")
        .hasOutputAt("$.requestId", "bench-1")
        .hasOutputAt("$.runs", 3);
    assertThat(run.history()).filteredOn(e -> e.type().equals("TaskStateEntered") && "RunBenchmark".equals(e.stateName()))
        .hasSize(3);

    Map<String, AttributeValue> stored = dynamo.getItem(b -> b.tableName(SeedPipelineScenario.RESULTS_TABLE)
        .key(Map.of("requestId", AttributeValue.fromS("bench-1")))).item();
    assertThat(stored.get("status").s()).isEqualTo("COMPLETED");
    assertThat(stored.get("runs").n()).isEqualTo("3");
    JsonNode results = Json.parse(stored.get("results").s());
    assertThat(results).extracting(r -> r.get("configuration").asText()).containsExactly("small", "medium", "large");

    // The Batch cost Cost Explorer reported, computed again from the jobs' attempts and the catalogue.
    BigDecimal expectedBatch = fargateCost(BatchStore.of(lab.world()).usage().records(), PriceCatalogue.defaults());
    assertThat(new BigDecimal(stored.get("batchCost").n())).isEqualByComparingTo(expectedBatch.setScale(10, RoundingMode.HALF_EVEN));
    // The total Cost Explorer reported: every usage recorded before its own request, each priced by
    // hand at the catalogue's first-tier amount (nothing here reaches a second tier).
    BigDecimal expectedTotal = BigDecimal.ZERO;
    for (dev.statelab.cost.UsageRecord usage : UsageLedger.of(lab.world()).records()) {
      if (usage.service().equals(Services.COST_EXPLORER)) {
        break;
      }
      BigDecimal amount = PriceCatalogue.defaults().find(usage.service(), usage.usageType(), usage.region())
          .orElseThrow(() -> new AssertionError("no price for " + usage)).amount();
      expectedTotal = expectedTotal.add(amount.multiply(BigDecimal.valueOf(usage.quantity())));
    }
    assertThat(new BigDecimal(stored.get("totalCost").n())).isCloseTo(expectedTotal, within(new BigDecimal("1e-10")));
    assertThat(new BigDecimal(stored.get("totalCost").n())).isGreaterThan(new BigDecimal(stored.get("batchCost").n()));
    assertThat(wall).isLessThan(Duration.ofSeconds(1));
  }

  /** Fargate bills each attempt's vCPUs and GB per hour, with a one-minute minimum. */
  private static BigDecimal fargateCost(List<UsageRecord> attempts, PriceCatalogue prices) {
    BigDecimal vcpuHour = prices.require("batch-fargate-vcpu").amount();
    BigDecimal gbHour = prices.require("batch-fargate-gb").amount();
    BigDecimal total = BigDecimal.ZERO;
    for (UsageRecord a : attempts) {
      BigDecimal hours = BigDecimal.valueOf(Math.max(60.0, a.seconds()) / 3600.0);
      total = total.add(BigDecimal.valueOf(a.vcpus()).multiply(hours).multiply(vcpuHour))
          .add(BigDecimal.valueOf(a.memoryMiB() / 1024.0).multiply(hours).multiply(gbHour));
    }
    return total.round(MathContext.DECIMAL64);
  }

  @Test
  void anUnknownConfigurationIsRejectedAndRecorded(DynamoDbClient dynamo, ClockControl clock) {
    dynamo.putItem(b -> b.tableName(SeedPipelineScenario.REQUESTS_TABLE).item(request("bench-2", "small", "huge")));
    clock.runUntilIdle();

    assertThat(lab.executions().get(0)).failedWith("InvalidRequest")
        .hasCauseContaining("unknown configuration 'huge'")
        .tookCatch("ValidateRequest", "InvalidRequest", "StoreRejection");
    Map<String, AttributeValue> stored = dynamo.getItem(b -> b.tableName(SeedPipelineScenario.RESULTS_TABLE)
        .key(Map.of("requestId", AttributeValue.fromS("bench-2")))).item();
    assertThat(stored.get("status").s()).isEqualTo("REJECTED");
  }
}
