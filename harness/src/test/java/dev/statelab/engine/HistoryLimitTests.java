package dev.statelab.engine;

import static dev.statelab.engine.EngineTesting.FUNCTION_ARN;
import static dev.statelab.engine.EngineTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.history.HistoryEvent;
import dev.statelab.json.Json;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Standard workflows have a hard quota of 25,000 history events. AWS: when an execution reaches
 * 24,999 events it waits for the next one; if event 25,000 is ExecutionSucceeded the execution
 * succeeds, otherwise ExecutionFailed is logged as event 25,000 (error {@code States.Runtime}, as
 * AWS reports it: github.com/loads/ardere/issues/86).
 */
class HistoryLimitTests {

  private static final int QUOTA = 25_000;
  private static final String CAUSE = "The execution reached the maximum number of history events (25000).";

  /** Inc (Pass) and Check (Choice) add four events per round; Done (Succeed) two; start and end one each. */
  private static final String COUNTING_LOOP = """
      {"StartAt":"Inc","States":{
        "Inc":{"Type":"Pass","Parameters":{"n.$":"States.MathAdd($.n, 1)"},"Next":"Check"},
        "Check":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericLessThan":%d,"Next":"Inc"}],"Default":"Done"},
        "Done":{"Type":"Succeed"}}}""";

  private final World world = EngineTesting.newWorld();

  @AfterEach
  void closeWorld() {
    world.close();
  }

  @Test
  void aLoopThatExceedsTheQuotaFailsTheExecution() {
    Execution e = run(world, COUNTING_LOOP.formatted(1_000_000), "{\"n\":0}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.cause()).isEqualTo(CAUSE);
    assertThat(e.error()).isEqualTo("States.Runtime");
    List<HistoryEvent> history = e.history();
    assertThat(history).hasSize(QUOTA);
    HistoryEvent last = history.get(QUOTA - 1);
    assertThat(last.type()).isEqualTo("ExecutionFailed");
    assertThat(last.details().get("cause").asText()).isEqualTo(CAUSE);
    assertThat(last.id()).isEqualTo(QUOTA);
  }

  @Test
  void aLoopThatStaysUnderTheQuotaSucceeds() {
    Execution e = run(world, COUNTING_LOOP.formatted(6_000), "{\"n\":0}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(Json.parse("{\"n\":6000}"));
    assertThat(e.history()).hasSize(4 * 6_000 + 4);
  }

  @Test
  void anExecutionWhoseSucceededEventIsNumber25000Succeeds() {
    Execution e = run(world, COUNTING_LOOP.formatted(6_249), "{\"n\":0}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.history()).hasSize(QUOTA);
    assertThat(e.history().get(QUOTA - 1).type()).isEqualTo("ExecutionSucceeded");
  }

  @Test
  void noEventFollowsTheExecutionFailedOfTheQuota() {
    int[] calls = {0};
    world.integrations().function("Tick", in -> {
      calls[0]++;
      return in;
    });

    Execution e = run(world, """
        {"StartAt":"Tick","States":{
          "Tick":{"Type":"Task","Resource":"%sTick","Next":"Again"},
          "Again":{"Type":"Choice","Choices":[{"Variable":"$.stop","BooleanEquals":true,"Next":"Done"}],"Default":"Tick"},
          "Done":{"Type":"Succeed"}}}""".formatted(FUNCTION_ARN), "{\"stop\":false}");

    List<HistoryEvent> history = e.history();
    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(history.get(history.size() - 1).type()).isEqualTo("ExecutionFailed");
    assertThat(history).hasSizeLessThanOrEqualTo(QUOTA);
    assertThat(calls[0]).isEqualTo(3571);
  }
}
