package dev.statelab.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Projections checked against hand computations with the default catalogue. */
class ProjectionTests {

  private static final Instant AT = Instant.parse("2026-11-02T00:00:00Z");

  /** 10 transitions as Standard; as Express 1 request and 100 ms x 64 MB = 0.00625 GB-s. */
  static ScenarioUsage tenTransitions() {
    return new ScenarioUsage("ten-pass-states",
        List.of(record(Services.STEP_FUNCTIONS, "StateTransition", 10, "Transitions")),
        List.of(record(Services.STEP_FUNCTIONS, "Request", 1, "Requests"),
            record(Services.STEP_FUNCTIONS, "Duration", 0.00625, "GB-Seconds")),
        ExpressBilling.of(40, 50.01));
  }

  static UsageRecord record(String service, String usageType, double quantity, String unit) {
    return new UsageRecord(service, usageType, quantity, unit, AT, "us-east-1", Map.of());
  }

  @Test
  void aMillionExecutionsCostWhatTheHandComputationSays() {
    Projection.Result r = Projection.of(CostModel.of(PriceCatalogue.defaults()), tenTransitions()).project(1_000_000);

    // 10,000,000 x $0.000025
    assertThat(r.standard().total()).isEqualByComparingTo("250");
    // 1,000,000 x $0.000001 + 6,250 GB-s x $0.00001667
    assertThat(r.express().total()).isEqualByComparingTo("1.1041875");
    assertThat(r.cheaper()).isEqualTo(Projection.Choice.EXPRESS);
    assertThat(r.reason()).startsWith("Express is cheaper than Standard at 1,000,000 executions a month")
        .contains("10 state transitions").contains("100 ms × 64 MB");
  }

  @Test
  void withoutTheFreeTierExpressIsCheaperAtEveryVolume() {
    Projection.BreakEven b = Projection.of(CostModel.of(PriceCatalogue.defaults()), tenTransitions()).breakEven();

    assertThat(b.never()).isTrue();
    assertThat(b.reason()).startsWith("Express is cheaper at every volume");
  }

  @Test
  void withTheFreeTierStandardIsCheaperUpTo401ExecutionsAndExpressFrom402() {
    // Standard: 0.000025 x (10N - 4000); Express: 1.1041875e-6 x N; equal at N = 401.77.
    Projection p = Projection.of(CostModel.of(PriceCatalogue.defaults()).withFreeTier(true), tenTransitions());

    Projection.BreakEven b = p.breakEven();

    assertThat(b.executions()).isEqualTo(402L);
    assertThat(b.cheaperFrom()).isEqualTo(Projection.Choice.EXPRESS);
    assertThat(p.project(401).cheaper()).isEqualTo(Projection.Choice.STANDARD);
    assertThat(p.project(401).standard().total()).isEqualByComparingTo("0.00025");
    assertThat(p.project(402).cheaper()).isEqualTo(Projection.Choice.EXPRESS);
    assertThat(p.project(402).express().total()).isEqualByComparingTo(new BigDecimal("402").multiply(
        new BigDecimal("0.0000011041875")));
  }

  @Test
  void aLongExpressRunMakesStandardCheaperAtEveryVolume() {
    // 3 transitions ($0.000075) vs 300 s x 128 MB = 37.5 GB-s (>= $0.000171 even at the lowest tier).
    ScenarioUsage slow = new ScenarioUsage("slow", List.of(record(Services.STEP_FUNCTIONS, "StateTransition", 3,
        "Transitions")), List.of(record(Services.STEP_FUNCTIONS, "Request", 1, "Requests"),
        record(Services.STEP_FUNCTIONS, "Duration", 37.5, "GB-Seconds")), ExpressBilling.of(300_000, 100));

    Projection p = Projection.of(CostModel.of(PriceCatalogue.defaults()), slow);

    assertThat(p.breakEven().never()).isTrue();
    assertThat(p.project(1000).cheaper()).isEqualTo(Projection.Choice.STANDARD);
    assertThat(p.project(1000).reason()).contains("37.5 GB-seconds (300000 ms × 128 MB)");
  }

  @Test
  void otherServicesCostTheSameOnBothSides() {
    ScenarioUsage withLambda = new ScenarioUsage("lambda",
        List.of(record(Services.STEP_FUNCTIONS, "StateTransition", 4, "Transitions"),
            record(Services.LAMBDA, "Request", 2, "Requests"), record(Services.LAMBDA, "Lambda-GB-Second", 0.25,
                "GB-Seconds")),
        List.of(record(Services.STEP_FUNCTIONS, "Request", 1, "Requests"),
            record(Services.STEP_FUNCTIONS, "Duration", 0.00625, "GB-Seconds"),
            record(Services.LAMBDA, "Request", 2, "Requests"), record(Services.LAMBDA, "Lambda-GB-Second", 0.25,
                "GB-Seconds")),
        ExpressBilling.of(100, 50));

    Projection.Result r = Projection.of(CostModel.of(PriceCatalogue.defaults()), withLambda).project(1000);

    // 2,000 x $0.0000002 + 250 GB-s x $0.0000166667
    assertThat(r.standard().total(Services.LAMBDA)).isEqualByComparingTo("0.004566675");
    assertThat(r.express().total(Services.LAMBDA)).isEqualByComparingTo("0.004566675");
    assertThat(r.standard().total(Services.STEP_FUNCTIONS)).isEqualByComparingTo("0.1");
  }
}
