package dev.statelab.service.eventbridge;

import static dev.statelab.service.eventbridge.EventBridgeTesting.inputs;
import static dev.statelab.service.eventbridge.EventBridgeTesting.machine;
import static dev.statelab.service.eventbridge.EventBridgeTesting.obj;
import static dev.statelab.service.eventbridge.EventBridgeTesting.target;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.json.Json;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The events:putEvents Task integrations and aws-sdk:eventbridge:* on a virtual-clock world. */
class PutEventsTaskTests {

  private World world;
  private EventBridgeStore events;
  private String listener;

  @BeforeEach
  void setUp() {
    world = EventBridgeTesting.world();
    events = EventBridgeStore.of(world);
    listener = machine(world, "Listener", "STANDARD");
    events.putRule(obj("Name", "from-sfn", "EventPattern", "{\"source\":[\"sfn\"]}"));
    events.putTargets(target("from-sfn", obj("Id", "l", "Arn", listener)));
  }

  @AfterEach
  void tearDown() {
    world.close();
  }

  @Test
  void putEventsSerializesAnObjectDetailAndAddsTheExecutionAndMachineArnsToResources() {
    Execution e = world.run(StateMachine.parse("{\"StartAt\":\"Put\",\"States\":{\"Put\":{\"Type\":\"Task\","
        + "\"Resource\":\"arn:aws:states:::events:putEvents\",\"Parameters\":{\"Entries\":[{"
        + "\"Source\":\"sfn\",\"DetailType\":\"Done\",\"Detail\":{\"n.$\":\"$.n\"},\"Resources\":[\"r1\"]}]},"
        + "\"End\":true}}}"), Json.parse("{\"n\":4}"));
    world.runUntilIdle();
    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output().get("FailedEntryCount").asInt()).isZero();
    List<JsonNode> seen = inputs(world, listener);
    assertThat(seen).singleElement().satisfies(ev -> {
      assertThat(ev.at("/detail/n").asInt()).isEqualTo(4);
      assertThat(ev.get("resources")).containsExactly(Json.text("r1"), Json.text(e.stateMachineArn()),
          Json.text(e.arn()));
      assertThat(ev.get("id").asText()).isEqualTo(e.output().at("/Entries/0/EventId").asText());
    });
  }

  @Test
  void waitForTaskTokenPublishesAndWaitsForTheCallback() {
    Execution e = world.start(StateMachine.parse("{\"StartAt\":\"Put\",\"States\":{\"Put\":{\"Type\":\"Task\","
        + "\"Resource\":\"arn:aws:states:::events:putEvents.waitForTaskToken\",\"Parameters\":{\"Entries\":[{"
        + "\"Source\":\"sfn\",\"DetailType\":\"Ask\",\"Detail\":{\"token.$\":\"$$.Task.Token\"}}]},"
        + "\"End\":true}}}"), Json.object());
    world.advanceBy(java.time.Duration.ofMinutes(1)); // runUntilIdle would jump to the task's 1-year timeout
    assertThat(e.status()).isEqualTo(ExecutionStatus.RUNNING);
    String token = inputs(world, listener).get(0).at("/detail/token").asText();
    world.sendTaskSuccess(token, Json.parse("{\"answer\":42}"));
    world.advanceBy(java.time.Duration.ofSeconds(1));
    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(Json.parse("{\"answer\":42}"));
  }

  @Test
  void aFailedEntryFailsTheTaskWithTheResponseAsCause() {
    Execution e = world.run(StateMachine.parse("{\"StartAt\":\"Put\",\"States\":{\"Put\":{\"Type\":\"Task\","
        + "\"Resource\":\"arn:aws:states:::events:putEvents\",\"Parameters\":{\"Entries\":[{"
        + "\"Source\":\"sfn\",\"DetailType\":\"Bad\",\"Detail\":\"[1]\"}]},\"End\":true}}}"), Json.object());
    assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(e.error()).isEqualTo("EventBridge.FailedEntry");
    assertThat(e.cause()).isEqualTo("{\"Entries\":[{\"ErrorCode\":\"MalformedDetail\","
        + "\"ErrorMessage\":\"Detail is malformed.\"}],\"FailedEntryCount\":1}");
  }

  @Test
  void awsSdkEventBridgeCallsTheApiInProcessWithAwsSdkErrorNames() {
    Execution ok = world.run(StateMachine.parse("{\"StartAt\":\"Rule\",\"States\":{\"Rule\":{\"Type\":\"Task\","
        + "\"Resource\":\"arn:aws:states:::aws-sdk:eventbridge:putRule\",\"Parameters\":{"
        + "\"Name\":\"made-by-sfn\",\"EventPattern\":\"{\\\"source\\\":[\\\"x\\\"]}\"},\"End\":true}}}"),
        Json.object());
    assertThat(ok.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(ok.output().get("RuleArn").asText())
        .isEqualTo("arn:aws:events:us-east-1:123456789012:rule/made-by-sfn");
    Execution bad = world.run(StateMachine.parse("{\"StartAt\":\"Rule\",\"States\":{\"Rule\":{\"Type\":\"Task\","
        + "\"Resource\":\"arn:aws:states:::aws-sdk:eventbridge:describeRule\",\"Parameters\":{"
        + "\"Name\":\"nope\"},\"End\":true}}}"), Json.object());
    assertThat(bad.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(bad.error()).isEqualTo("EventBridge.ResourceNotFoundException");
  }
}
