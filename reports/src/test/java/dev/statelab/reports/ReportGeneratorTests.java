package dev.statelab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import dev.statelab.reports.data.BenchData;
import dev.statelab.reports.data.ChaosData;
import dev.statelab.reports.data.CostData;
import dev.statelab.reports.view.BenchView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportGeneratorTests {

  static final Path SAMPLE = Path.of("src/test/resources/sample-data");

  static Path out;
  static List<Path> pages;

  @BeforeAll
  static void render(@TempDir Path dir) throws IOException {
    out = dir;
    pages = ReportGenerator.generate(SAMPLE, dir);
  }

  private static String page(String name) throws IOException {
    return Files.readString(out.resolve(name));
  }

  @Test
  void rendersTheIndexAPagePerExecutionAndTheCostBenchAndChaosPages() {
    assertThat(pages).extracting(p -> p.getFileName().toString()).containsExactly(
        "index.html", "execution-order-happy-path.html", "execution-order-payment-declined.html",
        "cost.html", "bench.html", "chaos.html");
    assertThat(pages).allMatch(Files::isRegularFile);
  }

  @Test
  void indexSummarisesEachRunAndLinksEveryPage() throws IOException {
    String index = page("index.html");
    assertThat(index).contains("href=\"execution-order-happy-path.html\"", "href=\"cost.html\"",
        "href=\"bench.html\"", "href=\"chaos.html\"");
    assertThat(index).contains("SUCCEEDED", "FAILED", "$0.000325", "1 state entry retried, 0 errors caught");
  }

  @Test
  void pagesInlineTheirScriptsAndStylesAndLoadNothing() throws IOException {
    for (Path p : pages) {
      String html = Files.readString(p);
      assertThat(html).doesNotContain("<script src", "<link ", "@import url");
    }
    assertThat(page("cost.html")).contains("uPlot");
  }

  @Test
  void graphDrawsParallelBranchesAndTheMapProcessorAsCompoundNodes() throws IOException {
    String html = page("execution-order-happy-path.html");
    assertThat(html).contains("class=\"node group k-parallel visited\" data-state=\"FulfilNow\"");
    assertThat(html).contains("data-state=\"Branch 1\"", "data-state=\"Branch 2\"");
    assertThat(html).contains("class=\"node group k-map visited\" data-state=\"PackLines\"");
    assertThat(html).contains("class=\"node k-task visited\" data-state=\"PackLine\"");
  }

  @Test
  void graphHighlightsTheTakenPathAndMarksTheRetriedState() throws IOException {
    String html = page("execution-order-happy-path.html");
    assertThat(html).contains("class=\"node k-task visited retried\" data-state=\"ChargeCard\"");
    assertThat(html).contains("↻2");
    assertThat(html).contains("<title>Start -&gt; ValidateOrder</title>", "<title>Shipped -&gt; End</title>");
    assertThat(html).containsPattern("class=\"edge taken\"[^>]*><title>IsPriority -&gt; FulfilNow</title>");
    assertThat(html).containsPattern("class=\"edge\"[^>]*><title>IsPriority -&gt; WaitForBatch</title>");
    assertThat(html).contains("class=\"node k-wait\" data-state=\"WaitForBatch\"");
  }

  @Test
  void declinedRunMarksTheCaughtParallelAndTheFailState() throws IOException {
    String html = page("execution-order-payment-declined.html");
    assertThat(html).contains("class=\"node group k-parallel visited caught\" data-state=\"FulfilNow\"");
    assertThat(html).contains("class=\"node k-fail visited failed\" data-state=\"OrderFailed\"");
    assertThat(html).contains("OrderFailed: Payment could not be taken", "0 state entries retried, 1 error caught");
    assertThat(html).containsPattern("class=\"edge taken\"[^>]*><title>FulfilNow -&gt; RefundAndNotify</title>");
  }

  @Test
  void timelineHasABarPerStateEntryOnTheVirtualClock() throws IOException {
    String html = page("execution-order-happy-path.html");
    assertThat(html).contains("ChargeCard (3 attempts) · Task · 120 ms → 4,470 ms · retried");
    assertThat(html.split("<rect class=\"bar-", -1)).hasSize(12);
  }

  @Test
  void eventTableKeepsPayloadsInCollapsedDetails() throws IOException {
    String html = page("execution-order-happy-path.html");
    assertThat(html).contains("<details><summary>details</summary><pre>");
    assertThat(html).contains("\"chargeId\" : \"ch_3\"");
  }

  @Test
  void benchPageComparesWithThePreviousRunAndShowsTheMachine() throws IOException {
    String html = page("bench.html");
    assertThat(html).contains("Intel(R) Xeon(R) Platinum 8375C", "+34.2% better", "-2.6% (within error)");
    assertThat(html).contains("\"label\":\"previous run\"", "\"errors\":[");
  }

  @Test
  void benchPageDrawsOneChartPerSuiteAndShowsAuxCountersPerOperation() {
    BenchData data = new BenchData(BenchData.results(Json.parse("""
        [{"benchmark": "dev.statelab.bench.RetryBackoffBenchmark.execute", "mode": "thrpt",
          "params": {"faultRate": "0.2", "jitter": "false"},
          "primaryMetric": {"score": 1000, "scoreError": 10, "scoreUnit": "ops/s", "rawData": [[1000, 1000, 1000]]},
          "secondaryMetrics": {"attempts": {"score": 1250}, "virtualLatencyMs": {"score": 515000}}},
         {"benchmark": "dev.statelab.bench.RetryBackoffBenchmark.execute", "mode": "thrpt",
          "params": {"faultRate": "0.2", "jitter": "true"},
          "primaryMetric": {"score": 500, "scoreError": 5, "scoreUnit": "ops/s", "rawData": [[500, 500, 500]]}},
         {"benchmark": "dev.statelab.bench.StateTypeThroughputBenchmark.run", "mode": "thrpt",
          "params": {"stateType": "PASS"},
          "primaryMetric": {"score": 9, "scoreError": 1, "scoreUnit": "ops/s", "rawData": [[9, 9, 9]]}}]""")),
        List.of(), BenchData.Machine.from(Json.object()));

    BenchView view = BenchView.of(data);

    assertThat(view.charts()).hasSize(2);
    assertThat(view.charts().get(0).spec().get("title").asText())
        .isEqualTo("RetryBackoffBenchmark · thrpt · ops/s (higher is better) · faultRate=0.2");
    assertThat(view.charts().get(0).spec().get("labels")).extracting(JsonNode::asText)
        .containsExactly("jitter=false", "jitter=true");
    assertThat(view.rows().get(0).counters()).isEqualTo("attempts 1.25/op, virtualLatencyMs 515/op");
    assertThat(view.rows().get(1).counters()).isEmpty();
  }

  @Test
  void benchRowsShowTheWarmUpEachResultHad() {
    BenchData data = new BenchData(BenchData.results(Json.parse("""
        [{"benchmark": "dev.statelab.bench.ApiThroughputBenchmark.startSync", "mode": "thrpt",
          "warmupIterations": 8, "warmupTime": "5 s",
          "primaryMetric": {"score": 10000, "scoreError": 100, "scoreUnit": "ops/s", "rawData": [[1, 2]]}},
         {"benchmark": "dev.statelab.bench.ApiThroughputBenchmark.startAndDescribe", "mode": "thrpt",
          "warmupIterations": 0, "warmupTime": "1 s",
          "primaryMetric": {"score": 2000, "scoreError": 10, "scoreUnit": "ops/s", "rawData": [[1]]}},
         {"benchmark": "dev.statelab.bench.Old.run", "mode": "thrpt",
          "primaryMetric": {"score": 1, "scoreError": 0, "scoreUnit": "ops/s", "rawData": [[1]]}}]""")),
        List.of(), BenchData.Machine.from(Json.object()));

    BenchView view = BenchView.of(data);

    assertThat(view.rows()).extracting(BenchView.Row::warmup).containsExactly("8 × 5 s", "none", "?");
  }

  @Test
  void costPageShowsBothTypesAndTheBreakEvenDuration() throws IOException {
    String html = page("cost.html");
    assertThat(html).contains("order-pipeline", "$330.01", "$11.12", "311 s (beyond Express");
    assertThat(html).contains("id=\"break-even\"", "\"markers\":[");
  }

  @Test
  void chaosPageAveragesSeedsPerPolicyAndFaultRate() throws IOException {
    String html = page("chaos.html");
    assertThat(html).contains("90 cells over 3 seed(s)", "id=\"chaos-success\"", "id=\"chaos-latency\"",
        "id=\"chaos-cost\"");
  }

  @Test
  void missingDataLeavesOnlyTheIndex(@TempDir Path empty) throws IOException {
    List<Path> written = ReportGenerator.generate(empty.resolve("data"), empty.resolve("out"));
    assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("index.html");
    assertThat(Files.readString(written.get(0))).contains("no cost.json", "no bench.json", "no chaos.json");
  }

  @Test
  void chaosReaderAcceptsNestedLatenciesAndPercentages() {
    ChaosData data = ChaosData.from(Json.parse("""
        [{"faultRate": "0.1", "policy": "p", "jitter": true, "seed": 1, "successRate": 95,
          "latency": {"p50": 10, "p90": 20, "p99": 30}, "extra": "ignored"}]"""));
    ChaosData.Cell c = data.cells().get(0);
    assertThat(c.successRate()).isEqualTo(0.95);
    assertThat(c.latencyP99()).isEqualTo(30);
    assertThat(c.series()).isEqualTo("p / jitter true");
    assertThat(c.cost()).isNaN();
  }

  @Test
  void chaosReaderReadsTheLatencyBlockStatelabChaosWrites() {
    ChaosData data = ChaosData.from(Json.parse("""
        {"cells": [{"faultRate": 0.05, "retryPolicy": "3x2s-b2", "successRate": 1.0,
          "latencyMillis": {"p50": 1288, "p90": 7415, "p99": 7531, "max": 7571}, "costUsd": 0.0025}]}"""));
    ChaosData.Cell c = data.cells().get(0);
    assertThat(c.latencyP50()).isEqualTo(1288);
    assertThat(c.latencyP99()).isEqualTo(7531);
    assertThat(c.cost()).isEqualTo(0.0025);
  }

  @Test
  void costReaderKeepsTheScenariosExpressCannotRun() {
    CostData data = CostData.from(Json.parse("""
        {"scenarios": [], "standardOnly": [{"name": "human-approval", "executions": 1000000,
          "standardTotalCost": "50.2", "expressNotPossible": "Express does not support .waitForTaskToken"}]}"""));
    assertThat(data.standardOnly()).containsExactly(new CostData.StandardOnly("human-approval", 1_000_000, 50.2,
        "Express does not support .waitForTaskToken"));
  }

  @Test
  void costReaderProjectsPlainVolumesAndReadsObjectVolumes() {
    CostData projected = CostData.from(Json.parse("""
        {"scenarios": [{"name": "a", "executions": 100, "standard": {"totalCost": 2}, "express": {"totalCost": 1}}],
         "volumes": [1000]}"""));
    assertThat(projected.volumes()).containsExactly(new CostData.VolumePoint("a", 1000, 20, 10));
    CostData given = CostData.from(Json.parse("""
        {"scenarios": [], "volumes": [{"executions": 10, "scenarios": [{"name": "a", "standard": {"amount": 3}, "expressTotal": 4}]}],
         "breakEven": {"scenario": "a", "durationMs": 5, "unit": "ms"}}"""));
    assertThat(given.volumes()).containsExactly(new CostData.VolumePoint("a", 10, 3, 4));
    assertThat(given.breakEven().get(0).value()).isEqualTo(5);
  }
}
