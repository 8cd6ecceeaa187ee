package dev.statelab.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.AwsRequest;
import dev.statelab.service.costexplorer.CostExplorerService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger's bounded detail: old records folded into hourly aggregates that keep every total exact. */
class UsageLedgerFoldingTests {

  private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
  private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:Ingest";

  private World world;
  private UsageLedger ledger;

  @BeforeEach
  void setUp() {
    world = World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.VIRTUAL).startTime(START).build());
    ledger = UsageLedger.of(world);
  }

  @AfterEach
  void tearDown() {
    world.close();
  }

  @Test
  void foldingKeepsTotalsHoursAndPricesExactWhileTheDetailStaysBounded() {
    ledger.detailLimit(1_000);
    List<UsageRecord> recorded = new ArrayList<>();
    Map<Long, Map<String, Double>> byHour = new HashMap<>();
    for (int i = 0; i < 3_000; i++) {
      UsageRecord r = recordOneOfFour(i);
      recorded.add(r);
      byHour.computeIfAbsent(hourOf(r.at()), h -> new HashMap<>()).merge(r.usageType(), r.quantity(), Double::sum);
      assertThat(ledger.records().size() - ledger.aggregateCount()).isLessThanOrEqualTo(1_000);
      world.advanceBy(Duration.ofMillis(7_200)); // 3,000 records over 6 hours
    }

    // 4 kinds of usage over the 6 hours at most: aggregates of one key and hour merge.
    assertThat(ledger.aggregateCount()).isBetween(1, 4 * 6);
    assertThat(ledger.records()).hasSizeLessThan(3_000);
    assertThat(ledger.total(Services.STEP_FUNCTIONS, "Request")).isEqualTo(750);
    assertThat(ledger.total(Services.LAMBDA, "Lambda-GB-Second")).isEqualTo(750 * 0.25);
    assertThat(ledger.total(Services.DYNAMODB, "WriteRequestUnits")).isEqualTo(750 * 0.5);
    assertThat(ledger.total(Services.BATCH, "Fargate-vCPU-Hours:perCPU")).isEqualTo(750 * 0.125);
    for (int h = 0; h < 6; h++) {
      Instant from = START.plus(Duration.ofHours(h));
      Map<String, Double> inHour = new HashMap<>();
      ledger.between(from, from.plus(Duration.ofHours(1)))
          .forEach(r -> inHour.merge(r.usageType(), r.quantity(), Double::sum));
      assertThat(inHour).as("hour %d", h).isEqualTo(byHour.get((long) h));
    }
    CostModel model = CostModel.of(PriceCatalogue.defaults());
    BigDecimal expected = model.price(recorded).total();
    assertThat(model.price(ledger.records()).total()).isEqualByComparingTo(expected);
  }

  @Test
  void costExplorerAnswersTheSameAfterFolding() {
    for (int i = 0; i < 3_000; i++) {
      recordOneOfFour(i);
      world.advanceBy(Duration.ofMillis(7_200));
    }
    CostExplorerService ce = new CostExplorerService(world, PriceCatalogue.defaults());
    String hourly = """
        {"TimePeriod": {"Start": "2026-03-01T00:00:00Z", "End": "2026-03-01T06:00:00Z"}, "Granularity": "HOURLY",
         "Metrics": ["UnblendedCost", "UsageQuantity"],
         "GroupBy": [{"Type": "DIMENSION", "Key": "SERVICE"}, {"Type": "DIMENSION", "Key": "USAGE_TYPE"}],
         "Filter": {"Dimensions": {"Key": "SERVICE",
           "Values": ["AWS Step Functions", "AWS Lambda", "Amazon DynamoDB", "AWS Batch"]}}}""";
    String daily = """
        {"TimePeriod": {"Start": "2026-03-01", "End": "2026-03-02"}, "Granularity": "DAILY",
         "Metrics": ["UnblendedCost", "UsageQuantity"], "GroupBy": [{"Type": "DIMENSION", "Key": "USAGE_TYPE"}],
         "Filter": {"Dimensions": {"Key": "SERVICE",
           "Values": ["AWS Step Functions", "AWS Lambda", "Amazon DynamoDB", "AWS Batch"]}}}""";
    JsonNode hourlyBefore = costAndUsage(ce, hourly);
    JsonNode dailyBefore = costAndUsage(ce, daily);

    ledger.detailLimit(100);

    assertThat(ledger.aggregateCount()).isPositive();
    assertThat(costAndUsage(ce, hourly)).isEqualTo(hourlyBefore);
    assertThat(costAndUsage(ce, daily)).isEqualTo(dailyBefore);
    assertThat(hourlyBefore.at("/ResultsByTime/5/Groups/0/Metrics/UsageQuantity/Amount").asDouble()).isPositive();
  }

  @Test
  void aggregatesDropPerEventAttributesAndKeepTheOthers() {
    ledger.detailLimit(10);
    for (int i = 0; i < 40; i++) {
      recordOneOfFour(i);
    }

    List<UsageRecord> aggregates = ledger.records().subList(0, ledger.aggregateCount());
    assertThat(aggregates).extracting(UsageRecord::attributes).containsExactlyInAnyOrder(
        Map.of("stateMachineArn", MACHINE, "type", "EXPRESS"),
        Map.of("functionName", "Resize"),
        Map.of("table", "Orders"),
        Map.of("jobQueue", "Nightly", "platform", "FARGATE"));
    assertThat(aggregates).extracting(UsageRecord::at).containsOnly(START);
    // The recent records keep their detail.
    UsageRecord last = ledger.records().get(ledger.records().size() - 1);
    assertThat(last.attributes()).containsKeys("jobId", "jobName");
  }

  @Test
  void aggregatesOfTheSameKeyAndHourMergeAcrossFolds() {
    ledger.detailLimit(10);
    for (int i = 0; i < 100; i++) {
      ledger.record(Services.STEP_FUNCTIONS, "Request", 1, "Requests",
          Map.of("stateMachineArn", MACHINE, "executionArn", MACHINE + ":" + i));
    }

    assertThat(ledger.aggregateCount()).isEqualTo(1);
    UsageRecord aggregate = ledger.records().get(0);
    assertThat(aggregate.attributes()).isEqualTo(Map.of("stateMachineArn", MACHINE));
    assertThat(aggregate.quantity() + ledger.records().size() - 1).isEqualTo(100);
    assertThat(ledger.records().size()).isLessThanOrEqualTo(1 + 10);

    world.advanceBy(Duration.ofHours(1));
    for (int i = 0; i < 20; i++) {
      ledger.record(Services.STEP_FUNCTIONS, "Request", 1, "Requests",
          Map.of("stateMachineArn", MACHINE, "executionArn", MACHINE + ":next-" + i));
    }
    assertThat(ledger.aggregateCount()).isEqualTo(2);
    assertThat(ledger.records().subList(0, 2)).extracting(UsageRecord::at)
        .containsExactly(START, START.plus(Duration.ofHours(1)));
    assertThat(ledger.total(Services.STEP_FUNCTIONS, "Request")).isEqualTo(120);
  }

  @Test
  void drainingHandsOverFoldedAndDetailedRecordsOnce() {
    ledger.detailLimit(10);
    for (int i = 0; i < 25; i++) {
      ledger.record(Services.LAMBDA, "Request", 1, "Requests", Map.of("functionName", "f", "requestId", "r" + i));
    }

    List<UsageRecord> drained = ledger.drain();
    assertThat(drained.stream().mapToDouble(UsageRecord::quantity).sum()).isEqualTo(25);
    assertThat(drained.get(0).attributes()).isEqualTo(Map.of("functionName", "f"));
    assertThat(ledger.records()).isEmpty();
    assertThat(ledger.aggregateCount()).isZero();
    assertThat(ledger.total(Services.LAMBDA, "Request")).isZero();
    assertThat(ledger.drain()).isEmpty();
  }

  @Test
  void smallLedgersKeepEveryRecordInDetail() {
    for (int i = 0; i < 1_000; i++) {
      recordOneOfFour(i);
    }

    assertThat(ledger.detailLimit()).isEqualTo(UsageLedger.DEFAULT_DETAIL_LIMIT);
    assertThat(ledger.aggregateCount()).isZero();
    assertThat(ledger.records()).hasSize(1_000);
  }

  @Test
  void loweringTheLimitFoldsAtOnceAndALimitBelowTwoIsRefused() {
    for (int i = 0; i < 100; i++) {
      recordOneOfFour(i);
    }
    ledger.detailLimit(20);

    assertThat(ledger.aggregateCount()).isEqualTo(4);
    assertThat(ledger.records()).hasSize(4 + 10);
    assertThatThrownBy(() -> ledger.detailLimit(1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2");
  }

  /** Records the {@code i}th of four kinds of usage in turn, each with per-event attributes but DynamoDB's. */
  private UsageRecord recordOneOfFour(int i) {
    switch (i % 4) {
      case 0 -> ledger.record(Services.STEP_FUNCTIONS, "Request", 1, "Requests",
          Map.of("stateMachineArn", MACHINE, "executionArn", MACHINE + ":" + i, "type", "EXPRESS"));
      case 1 -> ledger.record(Services.LAMBDA, "Lambda-GB-Second", 0.25, "GB-Seconds",
          Map.of("functionName", "Resize", "requestId", "req-" + i));
      case 2 -> ledger.record(Services.DYNAMODB, "WriteRequestUnits", 0.5, "WriteRequestUnits",
          Map.of("table", "Orders"));
      default -> ledger.record(Services.BATCH, "Fargate-vCPU-Hours:perCPU", 0.125, "vCPU-Hours",
          Map.of("jobId", "job-" + i, "jobName", "resize-" + i, "jobQueue", "Nightly", "platform", "FARGATE"));
    }
    List<UsageRecord> all = ledger.records();
    return all.get(all.size() - 1);
  }

  private static JsonNode costAndUsage(CostExplorerService ce, String body) {
    return ce.handle(AwsRequest.newBuilder().operation("GetCostAndUsage").body(body).accountId("123456789012")
        .region("us-east-1").build()).jsonBody().orElseThrow();
  }

  private static long hourOf(Instant at) {
    return Duration.between(START, at).toHours();
  }
}
