package dev.statelab.service.sfn;

import static dev.statelab.service.sfn.SfnServers.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import dev.statelab.server.StateLabServer;
import dev.statelab.testing.Processes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The AWS CLI (a client StateLab did not write) against a started server: the execution life
 * cycle of a Standard and an Express machine, with the CLI's own JSON output.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AwsCliApiTests {

  private static StateLabServer server;

  @BeforeAll
  static void start() throws Exception {
    Processes.Result probe = Processes.run(List.of("aws", "--version"), 60);
    Assumptions.assumeTrue(probe.exitCode() == 0,
        "the aws command is not available here: " + probe.output().strip());
    server = SfnServers.real();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static JsonNode aws(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url",
        server.endpoint().toString(), "--output", "json", "stepfunctions"));
    command.addAll(List.of(args));
    Processes.Result result = Processes.run(command, 60);
    assertThat(result.exitCode()).as(String.join(" ", args) + ":\n" + result.output()).isZero();
    return Json.parse(result.output());
  }

  @Test
  void startSyncExecutionAnswersWithOutputAndBillingDetails() throws Exception {
    String arn = aws("create-state-machine", "--name", "cli-express", "--type", "EXPRESS",
        "--role-arn", ROLE, "--definition", SfnServers.passChain(10))
        .path("stateMachineArn").asText();

    JsonNode sync = aws("start-sync-execution", "--state-machine-arn", arn,
        "--input", "{\"order\":42}");

    assertThat(sync.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(Json.parse(sync.path("output").asText())).isEqualTo(Json.parse("{\"order\":42}"));
    assertThat(sync.path("billingDetails").path("billedMemoryUsedInMB").asLong()).isEqualTo(64);
    assertThat(sync.path("billingDetails").path("billedDurationInMilliseconds").asLong())
        .isEqualTo(100);
  }

  @Test
  void aStandardExecutionIsDescribedListedAndHasItsHistory() throws Exception {
    String arn = aws("create-state-machine", "--name", "cli-standard", "--role-arn", ROLE,
        "--definition", SfnServers.passChain(2)).path("stateMachineArn").asText();
    String execution = aws("start-execution", "--state-machine-arn", arn, "--name", "first",
        "--input", "{\"a\":1}").path("executionArn").asText();

    JsonNode described = aws("describe-execution", "--execution-arn", execution);
    for (int i = 0; i < 50 && described.path("status").asText().equals("RUNNING"); i++) {
      Thread.sleep(100);
      described = aws("describe-execution", "--execution-arn", execution);
    }
    JsonNode listed = aws("list-executions", "--state-machine-arn", arn,
        "--status-filter", "SUCCEEDED");
    JsonNode history = aws("get-execution-history", "--execution-arn", execution,
        "--reverse-order", "--max-results", "1", "--no-paginate");

    assertThat(execution).isEqualTo(SfnServers.PREFIX + "execution:cli-standard:first");
    assertThat(described.path("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(described.path("output").asText()).isEqualTo("{\"a\":1}");
    assertThat(listed.path("executions")).hasSize(1);
    assertThat(listed.path("executions").get(0).path("executionArn").asText()).isEqualTo(execution);
    assertThat(history.path("events")).hasSize(1);
    assertThat(history.path("events").get(0).path("type").asText())
        .isEqualTo("ExecutionSucceeded");
    assertThat(history.path("nextToken").asText()).isNotEmpty();
  }
}
