package dev.statelab.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.json.Json;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** The price catalogue: defaults with sources, file replacement, single-price overrides, regions and tiers. */
class PriceCatalogueTests {

  private final PriceCatalogue defaults = PriceCatalogue.defaults();

  @Test
  void everyDefaultPriceHasASourceAndADate() {
    assertThat(defaults.prices()).hasSizeGreaterThanOrEqualTo(20).allSatisfy(p -> {
      assertThat(p.source()).isNotBlank();
      assertThat(p.date()).matches("\\d{4}.*");
    });
    assertThat(defaults.require("sfn-standard-transition").amount()).isEqualByComparingTo("0.000025");
    assertThat(defaults.require("sfn-standard-transition").freeTier()).isEqualByComparingTo("4000");
    assertThat(defaults.require("sfn-express-request").amount()).isEqualByComparingTo("0.000001");
    assertThat(defaults.require("sfn-express-duration").tiers()).hasSize(3);
    assertThat(defaults.require("ce-api-request").amount()).isEqualByComparingTo("0.01");
  }

  @Test
  void aRegionWithoutItsOwnPriceFallsBackToUsEast1() {
    assertThat(defaults.find(Services.STEP_FUNCTIONS, "StateTransition", "us-west-1").orElseThrow().amount())
        .isEqualByComparingTo("0.0000279");
    assertThat(defaults.find(Services.STEP_FUNCTIONS, "StateTransition", "eu-west-1").orElseThrow().region())
        .isEqualTo("us-east-1");
    assertThat(defaults.find(Services.LAMBDA, "NoSuchUsage", "us-east-1")).isEmpty();
  }

  @Test
  void tiersApplyAcrossTheirBoundaries() {
    Price duration = defaults.require("sfn-express-duration");
    // 3,600,000 GB-s at tier 1, 100 GB-s at tier 2.
    BigDecimal cost = duration.cost(new BigDecimal("3600100"), BigDecimal.ZERO);
    assertThat(cost).isEqualByComparingTo(new BigDecimal("3600000").multiply(new BigDecimal("0.00001667"))
        .add(new BigDecimal("100").multiply(new BigDecimal("0.00000833"))));
  }

  @Test
  void theFreeTierIsTakenOffTheBottomOnlyWhenAsked() {
    Price transition = defaults.require("sfn-standard-transition");
    assertThat(transition.cost(new BigDecimal("5000"), BigDecimal.ZERO)).isEqualByComparingTo("0.125");
    assertThat(transition.cost(new BigDecimal("5000"), transition.freeTier())).isEqualByComparingTo("0.025");
    assertThat(transition.cost(new BigDecimal("3000"), transition.freeTier())).isEqualByComparingTo("0");
  }

  @Test
  void aFileReplacesTheCatalogue(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("prices.json");
    Files.writeString(file, """
        {"date": "2030-01-01", "currency": "USD", "prices": [
          {"id": "t", "service": "AWS Step Functions", "usageType": "StateTransition", "unit": "Transitions",
           "region": "us-east-1", "amount": "0.00005", "source": "https://example.com/p", "date": "2030-01-01"}]}""");

    PriceCatalogue loaded = PriceCatalogue.load(file);

    assertThat(loaded.date()).isEqualTo("2030-01-01");
    assertThat(loaded.prices()).hasSize(1);
    assertThat(loaded.find(Services.STEP_FUNCTIONS, "StateTransition", "us-east-1").orElseThrow().amount())
        .isEqualByComparingTo("0.00005");
  }

  @Test
  void anOverrideFileChangesOnePriceAndKeepsTheRest(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("override.json");
    Files.writeString(file, """
        {"prices": [{"id": "sfn-standard-transition", "amount": "0.00003", "source": "https://example.com/quote",
                     "date": "2026-12-01"}]}""");

    PriceCatalogue merged = defaults.withOverrides(file);

    Price p = merged.require("sfn-standard-transition");
    assertThat(p.amount()).isEqualByComparingTo("0.00003");
    assertThat(p.source()).isEqualTo("https://example.com/quote");
    assertThat(p.usageType()).isEqualTo("StateTransition");
    assertThat(p.freeTier()).isEqualByComparingTo("4000");
    assertThat(merged.prices()).hasSameSizeAs(defaults.prices());
    assertThat(merged.require("sfn-express-request")).isEqualTo(defaults.require("sfn-express-request"));
    assertThat(defaults.require("sfn-standard-transition").amount()).isEqualByComparingTo("0.000025");
  }

  @Test
  void anOverrideOfATieredPriceWithAFlatAmountDropsTheTiers() {
    PriceCatalogue flat = defaults.withAmount("sfn-express-duration", new BigDecimal("0.00002"));

    assertThat(flat.require("sfn-express-duration").tiers()).isEmpty();
    assertThat(flat.require("sfn-express-duration").cost(new BigDecimal("10"), BigDecimal.ZERO))
        .isEqualByComparingTo("0.0002");
  }

  @Test
  void aNewPriceInAnOverrideMustBeComplete() {
    assertThatThrownBy(() -> defaults.withOverrides(Json.parse("""
        {"prices": [{"id": "new-one", "amount": "1"}]}""")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("new-one");
  }

  @Test
  void theCatalogueRoundTripsThroughJson() {
    assertThat(PriceCatalogue.parse(defaults.toJson()).prices()).containsExactlyElementsOf(defaults.prices());
  }

  @ParameterizedTest
  @CsvSource({
    "AWS Step Functions, StateTransition",
    "AWS Step Functions, Request",
    "AWS Step Functions, Duration",
    "AWS Lambda, Request",
    "AWS Lambda, Lambda-GB-Second",
    "AWS Batch, Fargate-vCPU-Hours:perCPU",
    "AWS Batch, Fargate-GB-Hours",
    "AWS Batch, EC2-vCPU-Hours",
    "Amazon DynamoDB, ReadRequestUnits",
    "Amazon DynamoDB, WriteRequestUnits",
    "Amazon DynamoDB, Streams-RequestsCount",
    "Amazon EventBridge, Event-64K-Chunks",
    "Amazon EventBridge, Pipes-Requests-64K-Chunks",
    "Amazon Simple Storage Service, Requests-Tier1",
    "Amazon Simple Storage Service, Requests-Tier2",
    "AWS Cost Explorer, APIRequest",
  })
  void everyUsageTypeTheStandInsRecordHasADatedPriceWithASource(String service, String usageType) {
    Price price = PriceCatalogue.defaults().find(service, usageType, "us-east-1").orElseThrow();

    assertThat(price.amount()).isPositive();
    assertThat(price.source()).isNotBlank();
    assertThat(price.date()).isNotBlank();
  }
}
