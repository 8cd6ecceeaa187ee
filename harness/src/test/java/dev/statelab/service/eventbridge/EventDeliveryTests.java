package dev.statelab.service.eventbridge;

import static dev.statelab.service.eventbridge.EventBridgeTesting.entry;
import static dev.statelab.service.eventbridge.EventBridgeTesting.events;
import static dev.statelab.service.eventbridge.EventBridgeTesting.inputs;
import static dev.statelab.service.eventbridge.EventBridgeTesting.machine;
import static dev.statelab.service.eventbridge.EventBridgeTesting.obj;
import static dev.statelab.service.eventbridge.EventBridgeTesting.target;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.cost.Services;
import dev.statelab.cost.UsageLedger;
import dev.statelab.engine.World;
import dev.statelab.json.Json;
import dev.statelab.service.lambda.LambdaModule;
import dev.statelab.service.lambda.LambdaStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rules deliver matched events to targets on a virtual-clock world, without HTTP. */
class EventDeliveryTests {

  private World world;
  private EventBridgeStore events;

  @BeforeEach
  void setUp() {
    world = EventBridgeTesting.world();
    events = EventBridgeStore.of(world);
  }

  @AfterEach
  void tearDown() {
    world.close();
  }

  @Test
  void aNumericRuleStartsExecutionsOnlyForMatchingEvents() {
    String sm = machine(world, "Big", "STANDARD");
    events.putRule(obj("Name", "big", "EventPattern", "{\"detail\":{\"amount\":[{\"numeric\":[\">\",100]}]}}"));
    events.putTargets(target("big", obj("Id", "sm", "Arn", sm)));
    events.putEvents(events(entry("{\"amount\":50}"), entry("{\"amount\":150}"), entry("{\"amount\":101}")));
    world.runUntilIdle();
    List<JsonNode> in = inputs(world, sm);
    assertThat(in).extracting(j -> j.at("/detail/amount").asInt()).containsExactly(150, 101);
    assertThat(in.get(0).get("detail-type").asText()).isEqualTo("Order");
    assertThat(in.get(0).get("source").asText()).isEqualTo("shop");
    assertThat(in.get(0).get("account").asText()).isEqualTo("123456789012");
    assertThat(in.get(0).get("version").asText()).isEqualTo("0");
    String ruleArn = "arn:aws:events:us-east-1:123456789012:rule/big";
    assertThat(events.metrics(ruleArn)).isEqualTo(new RuleMetrics(2, 2, 0, 0, 0));
  }

  @Test
  void anInputTransformerFillsTheTemplateWithPathsAndReservedVariables() {
    String sm = machine(world, "T", "STANDARD");
    events.putRule(obj("Name", "t", "EventPattern", "{\"source\":[\"shop\"]}"));
    events.putTargets(target("t", obj("Id", "sm", "Arn", sm, "InputTransformer", obj(
        "InputPathsMap", obj("amt", "$.detail.amount", "who", "$.detail.customer"),
        "InputTemplate", "{\"total\": <amt>, \"note\": \"<who> paid <amt>\", \"rule\": <aws.events.rule-name>}"))));
    events.putEvents(events(entry("{\"amount\":12,\"customer\":\"ann\"}")));
    world.runUntilIdle();
    assertThat(inputs(world, sm)).containsExactly(
        Json.parse("{\"total\":12,\"note\":\"ann paid 12\",\"rule\":\"t\"}"));
  }

  @Test
  void inputAndInputPathReplaceTheEvent() {
    String sm = machine(world, "I", "STANDARD");
    events.putRule(obj("Name", "i", "EventPattern", "{\"source\":[\"shop\"]}"));
    events.putTargets(target("i", obj("Id", "const", "Arn", sm, "Input", "{\"fixed\":true}")));
    events.putTargets(target("i", obj("Id", "path", "Arn", sm, "InputPath", "$.detail")));
    events.putEvents(events(entry("{\"amount\":3}")));
    world.runUntilIdle();
    assertThat(inputs(world, sm)).containsExactlyInAnyOrder(Json.parse("{\"fixed\":true}"),
        Json.parse("{\"amount\":3}"));
  }

  @Test
  void aDisabledRuleDeliversNothingUntilEnabled() {
    String sm = machine(world, "D", "STANDARD");
    events.putRule(obj("Name", "d", "EventPattern", "{\"source\":[\"shop\"]}", "State", "DISABLED"));
    events.putTargets(target("d", obj("Id", "sm", "Arn", sm)));
    events.putEvents(events(entry("{\"n\":1}")));
    events.enableRule(obj("Name", "d"));
    events.putEvents(events(entry("{\"n\":2}")));
    world.runUntilIdle();
    assertThat(inputs(world, sm)).extracting(j -> j.at("/detail/n").asInt()).containsExactly(2);
  }

  @Test
  void failedDeliveriesAreRetriedWithBackoffThenRecordedOnTheDeadLetterQueue() {
    events.putRule(obj("Name", "r", "EventPattern", "{\"source\":[\"shop\"]}"));
    events.putTargets(target("r", obj("Id", "q", "Arn", "arn:aws:sqs:us-east-1:123456789012:orders",
        "RetryPolicy", obj("MaximumRetryAttempts", 3, "MaximumEventAgeInSeconds", 3600),
        "DeadLetterConfig", obj("Arn", "arn:aws:sqs:us-east-1:123456789012:dlq"))));
    java.time.Instant start = world.now();
    events.putEvents(events(entry("{\"n\":1}")));
    world.runUntilIdle();
    List<DeadLetter> dlq = events.deadLetters();
    assertThat(dlq).hasSize(1);
    DeadLetter letter = dlq.get(0);
    assertThat(letter.queueArn()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:dlq");
    assertThat(letter.attributes()).containsEntry("RETRY_ATTEMPTS", "3")
        .containsEntry("EXHAUSTED_RETRY_CONDITION", "MaximumRetryAttemptsExhausted")
        .containsEntry("RULE_ARN", "arn:aws:events:us-east-1:123456789012:rule/r")
        .containsEntry("TARGET_ARN", "arn:aws:sqs:us-east-1:123456789012:orders")
        .containsKeys("ERROR_CODE", "ERROR_MESSAGE");
    assertThat(letter.body().at("/detail/n").asInt()).isEqualTo(1);
    assertThat(Duration.between(start, letter.at())).isEqualTo(Duration.ofSeconds(1 + 2 + 4));
    assertThat(events.metrics("arn:aws:events:us-east-1:123456789012:rule/r"))
        .isEqualTo(new RuleMetrics(1, 4, 1, 3, 1));
  }

  @Test
  void aMissingStateMachineIsNotRetried() {
    events.putRule(obj("Name", "m", "EventPattern", "{\"source\":[\"shop\"]}"));
    events.putTargets(target("m", obj("Id", "sm",
        "Arn", "arn:aws:states:us-east-1:123456789012:stateMachine:Nope",
        "DeadLetterConfig", obj("Arn", "arn:aws:sqs:us-east-1:123456789012:dlq"))));
    events.putEvents(events(entry("{}")));
    world.runUntilIdle();
    assertThat(events.deadLetters()).singleElement().satisfies(l -> {
      assertThat(l.attributes()).containsEntry("RETRY_ATTEMPTS", "0")
          .containsEntry("ERROR_CODE", "Sfn.StateMachineDoesNotExistException");
    });
  }

  @Test
  void aLambdaTargetIsInvokedAsynchronouslyWithTheEvent() {
    new LambdaModule().install(world);
    List<JsonNode> seen = new CopyOnWriteArrayList<>();
    LambdaStore lambda = LambdaStore.of(world);
    lambda.registerJson("Audit", in -> {
      seen.add(in);
      return in;
    });
    events.putRule(obj("Name", "l", "EventPattern", "{\"detail-type\":[\"Order\"]}"));
    events.putTargets(target("l", obj("Id", "fn", "Arn", lambda.arn("Audit"))));
    events.putEvents(events(entry("{\"id\":9}")));
    world.runUntilIdle();
    long deadline = System.nanoTime() + 5_000_000_000L; // the async invoke runs on Lambda's own threads
    while (seen.isEmpty() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    lambda.close();
    assertThat(seen).singleElement().satisfies(e -> assertThat(e.at("/detail/id").asInt()).isEqualTo(9));
  }

  @Test
  void aBusTargetForwardsTheEventToTheOtherBusRules() {
    String sm = machine(world, "F", "STANDARD");
    String bus = events.createEventBus(obj("Name", "orders")).get("EventBusArn").asText();
    events.putRule(obj("Name", "fwd", "EventPattern", "{\"source\":[\"shop\"]}"));
    events.putTargets(target("fwd", obj("Id", "bus", "Arn", bus)));
    events.putRule(obj("Name", "on-orders", "EventBusName", "orders", "EventPattern", "{\"source\":[\"shop\"]}"));
    events.putTargets(obj("Rule", "on-orders", "EventBusName", "orders").set("Targets",
        Json.array().add(obj("Id", "sm", "Arn", sm))));
    events.putEvents(events(entry("{\"k\":1}")));
    world.runUntilIdle();
    assertThat(inputs(world, sm)).extracting(j -> j.at("/detail/k").asInt()).containsExactly(1);
  }

  @Test
  void schedulesFireOnlyAsTimeIsAdvancedAndNeverKeepTheWorldBusy() {
    String sm = machine(world, "S", "STANDARD");
    events.putRule(obj("Name", "tick", "ScheduleExpression", "rate(1 minute)"));
    events.putTargets(target("tick", obj("Id", "sm", "Arn", sm)));
    world.runUntilIdle(); // returns although the schedule is armed
    assertThat(inputs(world, sm)).isEmpty();
    world.advanceBy(Duration.ofMinutes(5));
    world.runUntilIdle();
    List<JsonNode> in = inputs(world, sm);
    assertThat(in).hasSize(5);
    assertThat(in.get(0).get("detail-type").asText()).isEqualTo("Scheduled Event");
    assertThat(in.get(0).get("source").asText()).isEqualTo("aws.events");
    assertThat(in.get(0).get("resources").get(0).asText())
        .isEqualTo("arn:aws:events:us-east-1:123456789012:rule/tick");
    events.disableRule(obj("Name", "tick"));
    world.advanceBy(Duration.ofMinutes(5));
    assertThat(inputs(world, sm)).hasSize(5);
  }

  @Test
  void cronSchedulesFireAtTheirMinutes() {
    Schedule s = Schedule.parse("cron(15 10 ? * MON-FRI *)");
    java.time.Instant sat = java.time.Instant.parse("2026-11-28T00:00:00Z");
    assertThat(s.nextAfter(sat)).isEqualTo(java.time.Instant.parse("2026-11-30T10:15:00Z"));
    assertThat(Schedule.parse("cron(0/15 * * * ? *)").nextAfter(java.time.Instant.parse("2026-01-01T00:01:00Z")))
        .isEqualTo(java.time.Instant.parse("2026-01-01T00:15:00Z"));
  }

  @Test
  void eachPublishedEventIsBilledIn64KbChunks() {
    String big = "{\"blob\":\"" + "x".repeat(70 * 1024) + "\"}";
    events.putEvents(events(entry("{\"a\":1}"), entry(big), obj("Source", "shop")));
    UsageLedger ledger = UsageLedger.of(world);
    assertThat(ledger.total(Services.EVENTBRIDGE, EventBridgeStore.EVENT_USAGE)).isEqualTo(3.0);
  }

  @Test
  void anEntryForABusThatDoesNotExistIsAcceptedAndIgnoredAsAwsDoes() {
    String sm = machine(world, "Ignored", "STANDARD");
    events.putRule(obj("Name", "all", "EventPattern", "{\"source\":[\"shop\"]}"));
    events.putTargets(target("all", obj("Id", "sm", "Arn", sm)));
    JsonNode out = events.putEvents(events(entry("{\"to\":\"default\"}"),
        entry("{\"to\":\"nowhere\"}").put("EventBusName", "no-such-bus")));
    world.runUntilIdle();
    assertThat(out.get("FailedEntryCount").asInt()).isZero();
    assertThat(out.at("/Entries/1/EventId").asText()).hasSize(36);
    assertThat(inputs(world, sm)).extracting(j -> j.at("/detail/to").asText()).containsExactly("default");
  }

  @Test
  void anEntryTimeBecomesTheEventTime() {
    events.putEvents(events(entry("{}").put("Time", 1640995200)));
    assertThat(events.publishedEvents().get(0).get("time").asText()).isEqualTo("2022-01-01T00:00:00Z");
  }

  @Test
  void testEventPatternSupportsTheContentFilterOperators() {
    String event = "{\"id\":\"1\",\"account\":\"123456789012\",\"source\":\"shop\",\"time\":\"2026-01-01T00:00:00Z\","
        + "\"region\":\"us-east-1\",\"detail-type\":\"Order\",\"resources\":[],\"detail\":{\"amount\":150,"
        + "\"ip\":\"10.0.0.7\",\"file\":\"img/cat.png\",\"state\":\"running\",\"tags\":[\"a\",\"b\"]}}";
    java.util.Map<String, Boolean> cases = new java.util.LinkedHashMap<>();
    cases.put("{\"detail\":{\"ip\":[{\"cidr\":\"10.0.0.0/24\"}]}}", true);
    cases.put("{\"detail\":{\"file\":[{\"wildcard\":\"img/*.png\"}]}}", true);
    cases.put("{\"detail\":{\"file\":[{\"suffix\":\".jpg\"}]}}", false);
    cases.put("{\"detail\":{\"state\":[{\"anything-but\":\"running\"}]}}", false);
    cases.put("{\"detail\":{\"state\":[{\"anything-but\":{\"prefix\":\"stop\"}}]}}", true);
    cases.put("{\"detail\":{\"missing\":[{\"exists\":false}]}}", true);
    cases.put("{\"detail\":{\"tags\":[\"b\"]}}", true);
    cases.put("{\"source\":[{\"equals-ignore-case\":\"SHOP\"}]}", true);
    cases.put("{\"detail\":{\"$or\":[{\"amount\":[{\"numeric\":[\"<\",10]}]},{\"state\":[\"running\"]}]}}", true);
    cases.forEach((pattern, expected) -> assertThat(events.testEventPattern(obj("EventPattern", pattern,
        "Event", event)).get("Result").asBoolean()).as(pattern).isEqualTo(expected));
  }
}
