package dev.statelab.service.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.server.StateLabServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.RemoveTargetsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Tag;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;

/** The real SDK v2 EventBridge client against a StateLab server: each operation and its errors. */
class EventBridgeApiTests {

  private StateLabServer server;
  private EventBridgeClient events;

  @BeforeEach
  void setUp() {
    server = StateLabServer.start(World.newInstance(WorldOptions.newBuilder().seed(5)
        .realIoGrace(Duration.ofMillis(5)).build()), GatewayOptions.defaults());
    events = server.clients().client(EventBridgeClient.builder());
  }

  @AfterEach
  void tearDown() {
    events.close();
    server.close();
  }

  @Test
  void theDefaultBusAlwaysExistsAndCustomBusesAreCreatedListedAndDeleted() {
    assertThat(events.describeEventBus(r -> {}).arn())
        .isEqualTo("arn:aws:events:us-east-1:123456789012:event-bus/default");
    String arn = events.createEventBus(r -> r.name("orders").description("shop orders")).eventBusArn();
    assertThat(arn).isEqualTo("arn:aws:events:us-east-1:123456789012:event-bus/orders");
    assertThat(events.describeEventBus(r -> r.name(arn)).description()).isEqualTo("shop orders");
    assertThat(events.listEventBuses(r -> {}).eventBuses()).extracting(b -> b.name())
        .containsExactly("default", "orders");
    assertThat(events.listEventBuses(r -> r.namePrefix("ord")).eventBuses()).hasSize(1);
    events.deleteEventBus(r -> r.name("orders"));
    assertThatThrownBy(() -> events.describeEventBus(r -> r.name("orders")))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Event bus orders does not exist.");
  }

  @Test
  void creatingABusTwiceFailsAndTheDefaultBusCannotBeDeleted() {
    events.createEventBus(r -> r.name("b"));
    assertThatThrownBy(() -> events.createEventBus(r -> r.name("b")))
        .isInstanceOf(ResourceAlreadyExistsException.class).hasMessageContaining("Event bus b already exists.");
    assertThatThrownBy(() -> events.deleteEventBus(r -> r.name("default")))
        .isInstanceOf(EventBridgeException.class).hasMessageContaining("Cannot delete event bus default.")
        .satisfies(e -> assertThat(((EventBridgeException) e).awsErrorDetails().errorCode())
            .isEqualTo("ValidationException"));
  }

  @Test
  void putRuleDescribesAndListsByPrefix() {
    String arn = events.putRule(r -> r.name("orders-big").eventPattern("{\"source\":[\"shop\"]}")
        .description("big ones")).ruleArn();
    events.putRule(r -> r.name("audit").scheduleExpression("rate(5 minutes)").state(RuleState.DISABLED));
    assertThat(arn).isEqualTo("arn:aws:events:us-east-1:123456789012:rule/orders-big");
    DescribeRuleResponse d = events.describeRule(r -> r.name("orders-big"));
    assertThat(d.eventPattern()).isEqualTo("{\"source\":[\"shop\"]}");
    assertThat(d.state()).isEqualTo(RuleState.ENABLED);
    assertThat(d.eventBusName()).isEqualTo("default");
    assertThat(d.description()).isEqualTo("big ones");
    assertThat(events.listRules(r -> r.namePrefix("orders")).rules()).extracting(x -> x.name())
        .containsExactly("orders-big");
    assertThat(events.describeRule(r -> r.name("audit")).scheduleExpression()).isEqualTo("rate(5 minutes)");
    events.enableRule(r -> r.name("audit"));
    assertThat(events.describeRule(r -> r.name("audit")).state()).isEqualTo(RuleState.ENABLED);
    events.disableRule(r -> r.name("audit"));
    assertThat(events.describeRule(r -> r.name("audit")).state()).isEqualTo(RuleState.DISABLED);
  }

  @Test
  void anInvalidPatternFailsWithInvalidEventPatternException() {
    assertThatThrownBy(() -> events.putRule(r -> r.name("bad").eventPattern("{\"source\":\"shop\"}")))
        .isInstanceOf(InvalidEventPatternException.class)
        .hasMessageStartingWith("Event pattern is not valid. Reason: ");
    assertThatThrownBy(() -> events.putRule(r -> r.name("bad").eventPattern("not json")))
        .isInstanceOf(InvalidEventPatternException.class);
  }

  @Test
  void aRuleNeedsAPatternOrAValidSchedule() {
    assertThatThrownBy(() -> events.putRule(r -> r.name("empty")))
        .hasMessageContaining("Parameter(s) EventPattern or ScheduleExpression must be specified.");
    assertThatThrownBy(() -> events.putRule(r -> r.name("s").scheduleExpression("rate(1 minutes)")))
        .hasMessageContaining("Parameter ScheduleExpression is not valid.");
    events.createEventBus(r -> r.name("custom"));
    assertThatThrownBy(() -> events.putRule(r -> r.name("s").eventBusName("custom").scheduleExpression("rate(1 minute)")))
        .hasMessageContaining("ScheduleExpression is supported only on the default event bus.");
  }

  @Test
  void missingRulesFailWithResourceNotFound() {
    assertThatThrownBy(() -> events.describeRule(r -> r.name("nope")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("Rule nope does not exist on EventBus default.");
  }

  @Test
  void targetsAreAddedListedAndRemovedAndARuleWithTargetsCannotBeDeleted() {
    events.putRule(r -> r.name("r").eventPattern("{\"source\":[\"shop\"]}"));
    PutTargetsResponse put = events.putTargets(r -> r.rule("r").targets(
        Target.builder().id("a").arn("arn:aws:states:us-east-1:123456789012:stateMachine:M")
            .inputPath("$.detail").build(),
        Target.builder().id("b").arn("arn:aws:lambda:us-east-1:123456789012:function:F").build()));
    assertThat(put.failedEntryCount()).isZero();
    assertThat(events.listTargetsByRule(r -> r.rule("r")).targets()).extracting(Target::id)
        .containsExactly("a", "b");
    assertThat(events.listTargetsByRule(r -> r.rule("r")).targets().get(0).inputPath()).isEqualTo("$.detail");
    assertThatThrownBy(() -> events.deleteRule(r -> r.name("r")))
        .hasMessageContaining("Rule can't be deleted since it has targets.");
    RemoveTargetsResponse removed = events.removeTargets(r -> r.rule("r").ids("a", "b", "zz"));
    assertThat(removed.failedEntryCount()).isEqualTo(1);
    assertThat(removed.failedEntries().get(0).targetId()).isEqualTo("zz");
    events.deleteRule(r -> r.name("r"));
    assertThat(events.listRules(r -> {}).rules()).isEmpty();
  }

  @Test
  void exclusiveInputFieldsAreRejected() {
    events.putRule(r -> r.name("r").eventPattern("{\"source\":[\"shop\"]}"));
    assertThatThrownBy(() -> events.putTargets(r -> r.rule("r").targets(Target.builder().id("a")
        .arn("arn:aws:states:us-east-1:123456789012:stateMachine:M").input("{}").inputPath("$").build())))
        .hasMessageContaining("Only one of Input, InputPath, or InputTransformer");
  }

  @Test
  void putEventsReportsPerEntryFailuresWithHttp200() {
    PutEventsResponse r = events.putEvents(p -> p.entries(
        PutEventsRequestEntry.builder().source("shop").detailType("Order").detail("{\"a\":1}").build(),
        PutEventsRequestEntry.builder().source("shop").detailType("Order").detail("[1]").build(),
        PutEventsRequestEntry.builder().detailType("Order").detail("{}").build(),
        PutEventsRequestEntry.builder().source("shop").detail("{}").build(),
        PutEventsRequestEntry.builder().source("shop").detailType("Order").build()));
    assertThat(r.failedEntryCount()).isEqualTo(4);
    assertThat(r.entries().get(0).eventId()).hasSize(36);
    assertThat(r.entries().get(1).errorCode()).isEqualTo("MalformedDetail");
    assertThat(r.entries().get(1).errorMessage()).isEqualTo("Detail is malformed.");
    assertThat(r.entries().get(2).errorMessage())
        .isEqualTo("Parameter Source is not valid. Reason: Source is a required argument.");
    assertThat(r.entries().get(3).errorMessage())
        .isEqualTo("Parameter DetailType is not valid. Reason: DetailType is a required argument.");
    assertThat(r.entries().get(4).errorCode()).isEqualTo("InvalidArgument");
  }

  @Test
  void moreThanTenEntriesFailTheWholeRequest() {
    PutEventsRequestEntry e = PutEventsRequestEntry.builder().source("s").detailType("t").detail("{}").build();
    assertThatThrownBy(() -> events.putEvents(p -> p.entries(java.util.Collections.nCopies(11, e))))
        .hasMessageContaining("Member must have length less than or equal to 10");
  }

  @Test
  void testEventPatternAnswersWhetherTheEventMatches() {
    String event = "{\"id\":\"1\",\"account\":\"123456789012\",\"source\":\"shop\",\"time\":\"2026-01-01T00:00:00Z\","
        + "\"region\":\"us-east-1\",\"detail-type\":\"Order\",\"resources\":[],\"detail\":{\"amount\":150}}";
    assertThat(events.testEventPattern(r -> r.event(event)
        .eventPattern("{\"detail\":{\"amount\":[{\"numeric\":[\">\",100]}]}}")).result()).isTrue();
    assertThat(events.testEventPattern(r -> r.event(event)
        .eventPattern("{\"detail\":{\"amount\":[{\"numeric\":[\"<\",100]}]}}")).result()).isFalse();
    assertThatThrownBy(() -> events.testEventPattern(r -> r.event("{\"detail\":{}}").eventPattern("{\"source\":[\"shop\"]}")))
        .hasMessageContaining("Parameter Event is not valid.");
  }

  @Test
  void busesAndRulesAreTagged() {
    String rule = events.putRule(r -> r.name("r").eventPattern("{\"source\":[\"shop\"]}")
        .tags(Tag.builder().key("team").value("a").build())).ruleArn();
    events.tagResource(r -> r.resourceARN(rule).tags(Tag.builder().key("env").value("dev").build()));
    assertThat(events.listTagsForResource(r -> r.resourceARN(rule)).tags()).extracting(Tag::key)
        .containsExactly("team", "env");
    events.untagResource(r -> r.resourceARN(rule).tagKeys("team"));
    assertThat(events.listTagsForResource(r -> r.resourceARN(rule)).tags()).extracting(Tag::key)
        .containsExactly("env");
    assertThatThrownBy(() -> events.listTagsForResource(r -> r.resourceARN(
        "arn:aws:events:us-east-1:123456789012:rule/none"))).isInstanceOf(ResourceNotFoundException.class);
  }
}
