package dev.statelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code statelab chaos}: scenario sweeps as JSON, repeatable by seed. */
class ChaosCommandTests {

  @TempDir
  Path dir;

  private String sweep(String scenario, String seed, String file) throws Exception {
    Path out = dir.resolve(file);
    CliRunner.Result r = CliRunner.run("chaos", scenario, "--seed", seed, "--executions", "40", "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote " + out);
    return Files.readString(out);
  }

  @Test
  void listPrintsTheScenarioNamesOneALine() {
    CliRunner.Result r = CliRunner.run("chaos", "--list");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines()).containsExactly("express-ingestion", "fan-out", "human-approval", "parallel-etl",
        "polling-loop", "retry-storm", "saga", "seed-pipeline");
  }

  @Test
  void theSameSeedWritesByteIdenticalJson() throws Exception {
    assertThat(sweep("retry-storm", "7", "a.json")).isEqualTo(sweep("retry-storm", "7", "b.json"));
  }

  @Test
  void anotherSeedWritesDifferentJson() throws Exception {
    assertThat(sweep("saga", "7", "a.json")).isNotEqualTo(sweep("saga", "8", "b.json"));
  }

  @Test
  void theSummaryTableHasOneLinePerCell() {
    CliRunner.Result r = CliRunner.run("chaos", "fan-out", "--executions", "5", "--out", dir.resolve("f.json").toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("fan-out: ").contains("p99 ms").contains("12 cells x 5 executions");
    assertThat(r.out().lines().filter(l -> l.matches("^0\\.\\d\\d .*"))).hasSize(12);
  }

  @Test
  void withoutOutTheJsonGoesToStdoutAndTheTableToStderr() {
    CliRunner.Result r = CliRunner.run("chaos", "saga", "--executions", "3", "--seed", "5");
    assertThat(r.exitCode()).isZero();
    assertThat(Json.parse(r.out()).get("seeds").get(0).asLong()).isEqualTo(5);
    assertThat(Json.parse(r.out()).get("cells")).hasSize(9);
    assertThat(r.err()).startsWith("saga: ");
  }

  @Test
  void anUnknownScenarioIsAUsageErrorNamingTheScenarios() {
    CliRunner.Result r = CliRunner.run("chaos", "nope");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("statelab chaos: unknown scenario 'nope'; one of: express-ingestion, fan-out,"
        + " human-approval, parallel-etl, polling-loop, retry-storm, saga, seed-pipeline\n");
  }

  @Test
  void aSeedThatIsNotANumberIsAUsageError() {
    CliRunner.Result r = CliRunner.run("chaos", "saga", "--seed", "x");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--seed must be a whole number, not x");
  }

  @Test
  void noScenarioIsAUsageError() {
    CliRunner.Result r = CliRunner.run("chaos");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("expected exactly one scenario");
  }
}
