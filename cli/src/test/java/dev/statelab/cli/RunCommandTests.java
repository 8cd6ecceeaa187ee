package dev.statelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTests {

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  @Test
  void succeededExecutionPrintsStatusOutputAndTransitionsAndExitsZero() throws IOException {
    Path def = write("hello.asl.json", """
        {"StartAt": "Greet", "States": {"Greet": {"Type": "Pass",
          "Parameters": {"greeting.$": "States.Format('Hello, {}!', $.name)"}, "End": true}}}""");

    CliRunner.Result r = CliRunner.run("run", def.toString(), "--input", "{\"name\": \"Ada\"}");

    assertThat(r.exitCode()).isZero();
    JsonNode result = Json.parse(r.out());
    assertThat(result.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(result.get("output")).isEqualTo(Json.parse("{\"greeting\": \"Hello, Ada!\"}"));
    assertThat(result.get("transitions").asLong()).isEqualTo(1);
    assertThat(result.has("history")).isFalse();
  }

  @Test
  void failedExecutionPrintsErrorAndCauseAndExitsOne() throws IOException {
    Path def = write("fail.asl.json", """
        {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "Order.Invalid", "Cause": "no lines"}}}""");

    CliRunner.Result r = CliRunner.run("run", def.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode result = Json.parse(r.out());
    assertThat(result.get("status").asText()).isEqualTo("FAILED");
    assertThat(result.get("error").asText()).isEqualTo("Order.Invalid");
    assertThat(result.get("cause").asText()).isEqualTo("no lines");
    assertThat(result.has("output")).isFalse();
  }

  @Test
  void invalidDefinitionPrintsDiagnosticsAndExitsTwo() throws IOException {
    Path def = write("bad.asl.json", """
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nowhere"}}}""");

    CliRunner.Result r = CliRunner.run("run", def.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere at /States/A/Next");
    JsonNode diagnostics = Json.parse(r.out());
    assertThat(diagnostics.get("result").asText()).isEqualTo("FAIL");
    assertThat(diagnostics.get("diagnostics").get(0).get("location").asText()).isEqualTo("/States/A/Next");
  }

  @Test
  void badUsageExitsTwoWithAOneLineReason() throws IOException {
    Path def = write("ok.asl.json", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");
    assertThat(CliRunner.run("run").exitCode()).isEqualTo(2);
    CliRunner.Result missing = CliRunner.run("run", dir.resolve("absent.json").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
    assertThat(CliRunner.run("run", def.toString(), "--type", "FAST").err()).contains("--type must be STANDARD or EXPRESS");
    assertThat(CliRunner.run("run", def.toString(), "--input", "{oops").err()).contains("--input is not valid JSON");
    assertThat(CliRunner.run("frobnicate").exitCode()).isEqualTo(2);
  }

  @Test
  void inputCanComeFromAFile() throws IOException {
    Path def = write("echo.asl.json", """
        {"StartAt": "Echo", "States": {"Echo": {"Type": "Pass", "End": true}}}""");
    Path input = write("input.json", "{\"a\": [1, 2.50]}");

    CliRunner.Result r = CliRunner.run("run", def.toString(), "--input", "@" + input);

    assertThat(Json.write(Json.parse(r.out()).get("output"))).isEqualTo("{\"a\":[1,2.50]}");
  }

  @Test
  void historyShowsVirtualTimestampsOfAYearLongWait() throws IOException {
    Path def = write("year.asl.json", """
        {"StartAt": "Wait", "States": {"Wait": {"Type": "Wait", "Seconds": 31536000, "End": true}}}""");

    long started = System.nanoTime();
    CliRunner.Result r = CliRunner.run("run", def.toString(), "--history");
    Duration wall = Duration.ofNanos(System.nanoTime() - started);

    assertThat(r.exitCode()).isZero();
    JsonNode history = Json.parse(r.out()).get("history");
    assertThat(history).hasSize(4);
    Instant entered = Instant.parse(history.get(1).get("timestamp").asText());
    Instant exited = Instant.parse(history.get(2).get("timestamp").asText());
    assertThat(Duration.between(entered, exited)).isEqualTo(Duration.ofDays(365));
    assertThat(history.get(2).get("type").asText()).isEqualTo("WaitStateExited");
    assertThat(wall).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void sameSeedGivesTheSameOutputAndAnotherSeedADifferentOne() throws IOException {
    Path def = write("uuid.asl.json", """
        {"StartAt": "Id", "States": {"Id": {"Type": "Pass", "Parameters": {"id.$": "States.UUID()"}, "End": true}}}""");

    String first = Json.parse(CliRunner.run("run", def.toString(), "--seed", "1").out()).get("output").toString();
    String again = Json.parse(CliRunner.run("run", def.toString(), "--seed", "1").out()).get("output").toString();
    String other = Json.parse(CliRunner.run("run", def.toString(), "--seed", "2").out()).get("output").toString();

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }
}
