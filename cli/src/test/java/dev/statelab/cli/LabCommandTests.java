package dev.statelab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import dev.statelab.reports.BrowserCheck;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab run without its benchmark pass (benchmarks are never run by the test suite). */
class LabCommandTests {

  @TempDir static Path out;
  static CliRunner.Result result;

  @BeforeAll
  static void runLab() {
    result = CliRunner.run("lab", "--no-bench", "--executions", "10", "--out", out.toString());
  }

  @Test
  void writesEveryPageAndTheDataBehindThem() {
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(out.resolve("index.html")).exists();
    assertThat(out.resolve("cost.html")).exists();
    assertThat(out.resolve("chaos.html")).exists();
    assertThat(out.resolve("execution-saga.html")).exists();
    assertThat(out.resolve("data/cost.json")).exists();
    assertThat(out.resolve("data/chaos.json")).exists();
    assertThat(out.resolve("data/executions/saga.json")).exists();
  }

  @Test
  void everyPageRendersInHeadlessChromiumWithoutErrorsWhereChromiumIsInstalled() {
    assumeTrue(BrowserCheck.available(), "/usr/bin/chromium is missing: apt-get install -y chromium");
    assertThat(result.out()).contains("no JavaScript errors, every chart drawn");
    assertThat(out.resolve("screenshots/cost.png")).exists();
    assertThat(out.resolve("screenshots/execution-saga.png")).exists();
  }

  @Test
  void printsProgressASummaryTableAndThePath() {
    assertThat(result.out()).contains("[1/", "] scenarios", "] report: HTML pages", "Standard $/1M", "Report: ")
        .contains(out.resolve("index.html").toString());
    assertThat(result.out()).containsPattern("saga\\s+SUCCEEDED\\s+4\\s+\\$100\\.61\\s+\\$1\\.71\\s+EXPRESS");
  }

  /**
   * The saga's costs per million executions, worked out here from the price file and the usage
   * the report states: 4 transitions, 3 Lambda requests of 1 ms at 128 MB; as Express, 1 request
   * of 100 ms billed at 64 MB.
   */
  @Test
  void sagaCostsMatchAnIndependentCalculationFromTheCatalogue() throws IOException {
    JsonNode saga = scenario(Json.parse(Files.readString(out.resolve("data/cost.json"))), "saga");
    JsonNode prices = catalogue();
    BigDecimal million = BigDecimal.valueOf(1_000_000);
    BigDecimal lambda = price(prices, "lambda-request").multiply(BigDecimal.valueOf(3))
        .add(price(prices, "lambda-gb-second").multiply(new BigDecimal("0.125")).multiply(new BigDecimal("0.001"))
            .multiply(BigDecimal.valueOf(3)));
    BigDecimal standard = price(prices, "sfn-standard-transition").multiply(BigDecimal.valueOf(4)).add(lambda);
    BigDecimal express = price(prices, "sfn-express-request")
        .add(price(prices, "sfn-express-duration").multiply(new BigDecimal("0.0625")).multiply(new BigDecimal("0.1")))
        .add(lambda);

    assertThat(cents(saga.at("/standard/totalCost"))).isEqualByComparingTo(standard.multiply(million).setScale(2, RoundingMode.HALF_UP));
    assertThat(cents(saga.at("/express/totalCost"))).isEqualByComparingTo(express.multiply(million).setScale(2, RoundingMode.HALF_UP));
    assertThat(cents(saga.at("/standard/totalCost"))).isEqualByComparingTo("100.61");
    assertThat(cents(saga.at("/express/totalCost"))).isEqualByComparingTo("1.71");
  }

  @Test
  void theChaosDataIsTheRetryStormSweep() throws IOException {
    JsonNode chaos = Json.parse(Files.readString(out.resolve("data/chaos.json")));
    assertThat(chaos.get("scenario").asText()).isEqualTo("retry-storm");
    assertThat(chaos.get("executionsPerCell").asInt()).isEqualTo(10);
    assertThat(chaos.get("cells")).isNotEmpty();
  }

  private static JsonNode scenario(JsonNode cost, String name) {
    for (JsonNode s : cost.get("scenarios")) {
      if (s.get("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no scenario " + name + " in cost.json");
  }

  private static JsonNode catalogue() throws IOException {
    try (InputStream in = LabCommandTests.class.getResourceAsStream("/dev/statelab/cost/prices.json")) {
      return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** A price's first-tier amount, read from the catalogue file as written. */
  private static BigDecimal price(JsonNode catalogue, String id) {
    for (JsonNode p : catalogue.get("prices")) {
      if (p.get("id").asText().equals(id)) {
        return new BigDecimal(p.get("amount").asText());
      }
    }
    throw new AssertionError("no price " + id);
  }

  private static BigDecimal cents(JsonNode amount) {
    return new BigDecimal(amount.asText()).setScale(2, RoundingMode.HALF_UP);
  }
}
