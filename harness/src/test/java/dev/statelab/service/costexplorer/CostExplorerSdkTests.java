package dev.statelab.service.costexplorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.statelab.asl.StateMachine;
import dev.statelab.cost.Services;
import dev.statelab.cost.UsageLedger;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.gateway.SdkClients;
import dev.statelab.json.Json;
import dev.statelab.server.StateLabServer;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.CostExplorerException;
import software.amazon.awssdk.services.costexplorer.model.Dimension;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;
import software.amazon.awssdk.services.costexplorer.model.Granularity;
import software.amazon.awssdk.services.costexplorer.model.Group;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinitionType;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;

/** The SDK v2 Cost Explorer client against a server that ran a workflow with a Lambda and a Batch job. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CostExplorerSdkTests {

  private StateLabServer server;
  private CostExplorerClient ce;
  private Execution execution;

  @BeforeEach
  void setUp() throws Exception {
    World world = CostExplorerTesting.newWorld();
    CostExplorerTesting.provision(world);
    server = StateLabServer.start(world, GatewayOptions.defaults());
    ce = SdkClients.forEndpoint(server.endpoint()).client(CostExplorerClient.builder());
    execution = world.call(() -> world.start(StateMachine.parse(CostExplorerTesting.WORKFLOW), Json.parse("{\"n\": 21}")));
    execution.completion().toCompletableFuture().get(30, TimeUnit.SECONDS);
    world.call(() -> null); // the meter runs right after the execution ends, on the world's thread
  }

  @AfterEach
  void tearDown() {
    ce.close();
    server.close();
  }

  private GetCostAndUsageResponse costByService() {
    return ce.getCostAndUsage(b -> b.timePeriod(t -> t.start("2026-11-02").end("2026-11-03"))
        .granularity(Granularity.DAILY).metrics("UnblendedCost", "UsageQuantity")
        .groupBy(g -> g.type(GroupDefinitionType.DIMENSION).key("SERVICE")));
  }

  @Test
  void costsGroupedByServiceEqualTheCataloguePricesTimesTheMeteredUsage() {
    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);

    GetCostAndUsageResponse response = costByService();

    assertThat(response.resultsByTime()).hasSize(1);
    ResultByTime day = response.resultsByTime().get(0);
    assertThat(day.timePeriod().start()).isEqualTo("2026-11-02");
    assertThat(day.timePeriod().end()).isEqualTo("2026-11-03");
    assertThat(day.total()).isEmpty();
    assertThat(day.estimated()).isTrue();
    Map<String, BigDecimal> amounts = new TreeMap<>();
    for (Group g : day.groups()) {
      amounts.put(g.keys().get(0), new BigDecimal(g.metrics().get("UnblendedCost").amount()));
      assertThat(g.metrics().get("UnblendedCost").unit()).isEqualTo("USD");
    }
    Map<String, BigDecimal> expected = CostExplorerTesting.expectedCostByService(server.world());
    assertThat(amounts.keySet()).containsExactlyInAnyOrder(Services.STEP_FUNCTIONS, Services.LAMBDA, Services.BATCH);
    assertThat(amounts.keySet()).isEqualTo(expected.keySet());
    expected.forEach((service, cost) -> assertThat(amounts.get(service)).as(service).isCloseTo(cost,
        within(new BigDecimal("0.0000000001"))));
    // 2 transitions x $0.000025; a 2-minute 1 vCPU / 2 GiB Fargate job.
    assertThat(amounts.get(Services.STEP_FUNCTIONS)).isEqualByComparingTo("0.00005");
    assertThat(amounts.get(Services.BATCH)).isCloseTo(new BigDecimal("0.04048").add(new BigDecimal("0.00889"))
        .divide(new BigDecimal("30"), java.math.MathContext.DECIMAL64), within(new BigDecimal("0.0000000001")));
  }

  @Test
  void eachCostExplorerRequestIsBilledOneCent() {
    costByService();

    GetCostAndUsageResponse second = costByService();

    Group ceGroup = second.resultsByTime().get(0).groups().stream()
        .filter(g -> g.keys().get(0).equals(Services.COST_EXPLORER)).findFirst().orElseThrow();
    assertThat(ceGroup.metrics().get("UnblendedCost").amount()).isEqualTo("0.01");
    assertThat(UsageLedger.of(server.world()).total(Services.COST_EXPLORER, "APIRequest")).isEqualTo(2);
  }

  @Test
  void anUngroupedRequestHasATotalAndAFilterNarrowsIt() {
    GetCostAndUsageResponse all = ce.getCostAndUsage(b -> b.timePeriod(t -> t.start("2026-11-01").end("2026-11-03"))
        .granularity(Granularity.DAILY).metrics("BlendedCost")
        .filter(f -> f.dimensions(d -> d.key(Dimension.SERVICE).values(Services.LAMBDA))));

    assertThat(all.resultsByTime()).hasSize(2);
    assertThat(all.resultsByTime().get(0).total().get("BlendedCost").amount()).isEqualTo("0");
    assertThat(all.resultsByTime().get(1).groups()).isEmpty();
    BigDecimal lambda = new BigDecimal(all.resultsByTime().get(1).total().get("BlendedCost").amount());
    assertThat(lambda).isCloseTo(CostExplorerTesting.expectedCostByService(server.world()).get(Services.LAMBDA),
        within(new BigDecimal("0.0000000001")));
  }

  @Test
  void anEndBeforeTheStartIsAValidationException() {
    assertThatThrownBy(() -> ce.getCostAndUsage(b -> b.timePeriod(t -> t.start("2026-11-03").end("2026-11-02"))
        .granularity(Granularity.DAILY).metrics("UnblendedCost")))
        .isInstanceOfSatisfying(CostExplorerException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Start date (and hour) should be before end date (and hour)");
        });
  }

  @Test
  void serviceDimensionValuesListWhatWasUsed() {
    var values = ce.getDimensionValues(b -> b.timePeriod(t -> t.start("2026-11-02").end("2026-11-03"))
        .dimension(Dimension.SERVICE));

    assertThat(values.dimensionValues()).extracting(v -> v.value())
        .containsExactly(Services.BATCH, Services.LAMBDA, Services.STEP_FUNCTIONS);
  }
}
