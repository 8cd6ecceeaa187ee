package dev.statelab.service.pipes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.cost.Services;
import dev.statelab.cost.UsageLedger;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.json.Json;
import dev.statelab.service.eventbridge.EventBridgeModule;
import dev.statelab.service.eventbridge.EventBridgeStore;
import dev.statelab.service.eventbridge.EventBridgeTesting;
import dev.statelab.service.eventbridge.ServiceCalls;
import dev.statelab.service.lambda.LambdaModule;
import dev.statelab.service.lambda.LambdaStore;
import dev.statelab.service.sfn.SfnService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pipes from a (fake) DynamoDB stream to state machines and buses, on a virtual-clock world. */
class PipesTests {

  private static final String ROLE = "arn:aws:iam::123456789012:role/pipe";

  private World world;
  private FakeStreams streams;
  private PipesStore pipes;

  @BeforeEach
  void setUp() {
    world = World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.VIRTUAL).seed(11).build());
    SfnService.newInstance(world);
    new EventBridgeModule().install(world);
    new PipesModule().install(world);
    streams = FakeStreams.install(world);
    pipes = PipesStore.of(world);
  }

  @AfterEach
  void tearDown() {
    world.close();
  }

  @Test
  void aFireAndForgetPipeStartsAnExecutionWithTheBatchOfRecords() {
    String sm = machine("Orders", "STANDARD");
    JsonNode created = pipes.createPipe("p", pipe(sm, "FIRE_AND_FORGET", 1, 0, null));
    assertThat(created.get("CurrentState").asText()).isEqualTo("CREATING");
    assertThat(pipes.describePipe("p").get("CurrentState").asText()).isEqualTo("RUNNING");
    streams.insert("id", "o1", "status", "PAID");
    world.runUntilIdle();
    List<JsonNode> in = inputs(sm);
    assertThat(in).hasSize(1);
    JsonNode record = in.get(0).get(0);
    assertThat(record.at("/dynamodb/NewImage/status/S").asText()).isEqualTo("PAID");
    assertThat(record.get("eventSourceARN").asText()).isEqualTo(FakeStreams.STREAM);
    assertThat(record.get("eventName").asText()).isEqualTo("INSERT");
  }

  @Test
  void filterCriteriaKeepOnlyMatchingRecords() {
    String sm = machine("Paid", "STANDARD");
    ObjectNode req = pipe(sm, "FIRE_AND_FORGET", 1, 0, null);
    ((ObjectNode) req.get("SourceParameters")).putObject("FilterCriteria").putArray("Filters").addObject()
        .put("Pattern", "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[\"PAID\"]}}}}");
    pipes.createPipe("p", req);
    streams.insert("id", "o1", "status", "NEW");
    streams.insert("id", "o2", "status", "PAID");
    world.runUntilIdle();
    assertThat(inputs(sm)).extracting(j -> j.at("/0/dynamodb/NewImage/id/S").asText()).containsExactly("o2");
    assertThat(UsageLedger.of(world).total(Services.EVENTBRIDGE, EventBridgeStore.PIPE_USAGE))
        .as("pipe requests are counted after filtering").isEqualTo(1.0);
  }

  @Test
  void recordsAreBatchedBySizeAndWindow() {
    String sm = machine("Batches", "STANDARD");
    pipes.createPipe("p", pipe(sm, "FIRE_AND_FORGET", 3, 10, null));
    streams.insert("id", "a");
    world.advanceBy(Duration.ofSeconds(2));
    streams.insert("id", "b");
    world.advanceBy(Duration.ofSeconds(2));
    assertThat(inputs(sm)).isEmpty();
    world.advanceBy(Duration.ofSeconds(7));
    assertThat(inputs(sm)).singleElement().satisfies(j -> assertThat(j).hasSize(2));
    streams.insert("id", "c");
    streams.insert("id", "d");
    streams.insert("id", "e");
    world.runUntilIdle();
    assertThat(inputs(sm)).hasSize(2);
    assertThat(inputs(sm).get(1)).hasSize(3);
  }

  @Test
  void requestResponseRunsAnExpressMachineSynchronously() {
    String sm = machine("Fast", "EXPRESS");
    pipes.createPipe("p", pipe(sm, "REQUEST_RESPONSE", 1, 0, null));
    streams.insert("id", "o1");
    world.runUntilIdle();
    assertThat(pipes.failures()).isEmpty();
    assertThat(UsageLedger.of(world).total(Services.EVENTBRIDGE, EventBridgeStore.PIPE_USAGE)).isEqualTo(1.0);
  }

  @Test
  void requestResponseOnAStandardMachineFailsEveryBatch() {
    String sm = machine("Slow", "STANDARD");
    pipes.createPipe("p", pipe(sm, "REQUEST_RESPONSE", 1, 0, null));
    streams.insert("id", "o1");
    world.runUntilIdle();
    assertThat(inputs(sm)).isEmpty();
    assertThat(pipes.failures()).singleElement().satisfies(f -> {
      assertThat(f.stage()).isEqualTo("TARGET");
      assertThat(f.error()).isEqualTo("Sfn.StateMachineTypeNotSupportedException");
    });
  }

  @Test
  void anInputTemplateShapesEachRecord() {
    String sm = machine("Shaped", "STANDARD");
    ObjectNode req = pipe(sm, "FIRE_AND_FORGET", 10, 0, null);
    ((ObjectNode) req.get("TargetParameters")).put("InputTemplate",
        "{\"order\": <$.dynamodb.NewImage.id.S>, \"pipe\": \"<aws.pipes.pipe-name>\"}");
    pipes.createPipe("shaper", req);
    streams.insert("id", "o1");
    streams.insert("id", "o2");
    world.runUntilIdle();
    assertThat(inputs(sm)).containsExactly(Json.parse(
        "[{\"order\":\"o1\",\"pipe\":\"shaper\"},{\"order\":\"o2\",\"pipe\":\"shaper\"}]"));
  }

  @Test
  void aLambdaEnrichmentReplacesTheBatch() {
    new LambdaModule().install(world);
    LambdaStore lambda = LambdaStore.of(world);
    lambda.registerJson("Enrich", in -> {
      var out = Json.array();
      in.forEach(r -> out.addObject().put("id", r.at("/dynamodb/NewImage/id/S").asText()).put("vip", true));
      return out;
    });
    String sm = machine("Enriched", "STANDARD");
    pipes.createPipe("p", pipe(sm, "FIRE_AND_FORGET", 1, 0, lambda.arn("Enrich")));
    streams.insert("id", "o7");
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (inputs(sm).isEmpty() && System.nanoTime() < deadline) {
      world.runUntilIdle();
    }
    lambda.close();
    assertThat(inputs(sm)).containsExactly(Json.parse("[{\"id\":\"o7\",\"vip\":true}]"));
  }

  @Test
  void aStoppedPipeHoldsRecordsUntilStarted() {
    String sm = machine("Held", "STANDARD");
    pipes.createPipe("p", pipe(sm, "FIRE_AND_FORGET", 1, 0, null));
    JsonNode stopped = pipes.stopPipe("p");
    assertThat(stopped.get("CurrentState").asText()).isEqualTo("STOPPING");
    assertThat(pipes.describePipe("p").get("CurrentState").asText()).isEqualTo("STOPPED");
    streams.insert("id", "o1");
    world.runUntilIdle();
    assertThat(inputs(sm)).isEmpty();
    pipes.startPipe("p");
    world.runUntilIdle();
    assertThat(inputs(sm)).hasSize(1);
  }

  @Test
  void aPipeToABusPublishesEventsThatRulesMatch() {
    String sm = machine("FromBus", "STANDARD");
    EventBridgeStore events = EventBridgeStore.of(world);
    events.putRule(Json.parse("{\"Name\":\"r\",\"EventPattern\":\"{\\\"source\\\":[\\\"Pipe p\\\"]}\"}"));
    ObjectNode targets = Json.object().put("Rule", "r");
    targets.putArray("Targets").addObject().put("Id", "sm").put("Arn", sm);
    events.putTargets(targets);
    ObjectNode req = pipe("arn:aws:events:us-east-1:123456789012:event-bus/default", null, 1, 0, null);
    pipes.createPipe("p", req);
    streams.insert("id", "o1");
    world.runUntilIdle();
    assertThat(inputs(sm)).singleElement().satisfies(e -> {
      assertThat(e.get("detail-type").asText()).isEqualTo("Event from aws:dynamodb");
      assertThat(e.at("/detail/dynamodb/NewImage/id/S").asText()).isEqualTo("o1");
    });
  }

  @Test
  void aPipeOnAStreamThatDoesNotExistIsCreateFailed() {
    String sm = machine("None", "STANDARD");
    ObjectNode req = pipe(sm, "FIRE_AND_FORGET", 1, 0, null);
    req.put("Source", "arn:aws:dynamodb:us-east-1:123456789012:table/Nope/stream/x");
    pipes.createPipe("p", req);
    JsonNode d = pipes.describePipe("p");
    assertThat(d.get("CurrentState").asText()).isEqualTo("CREATE_FAILED");
    assertThat(d.get("StateReason").asText()).contains("not found");
  }

  @Test
  void pipesAreListedUpdatedTaggedAndDeleted() {
    String sm = machine("Admin", "STANDARD");
    String arn = pipes.createPipe("orders-pipe", pipe(sm, "FIRE_AND_FORGET", 1, 0, null)).get("Arn").asText();
    assertThat(arn).isEqualTo("arn:aws:pipes:us-east-1:123456789012:pipe/orders-pipe");
    assertThatThrownBy(() -> pipes.createPipe("orders-pipe", pipe(sm, "FIRE_AND_FORGET", 1, 0, null)))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> {
          assertThat(e.code()).isEqualTo("ConflictException");
          assertThat(e.status()).isEqualTo(409);
        });
    assertThat(pipes.listPipes(Map.of("NamePrefix", "orders")).get("Pipes")).hasSize(1);
    assertThat(pipes.listPipes(Map.of("NamePrefix", "x")).get("Pipes")).isEmpty();
    pipes.updatePipe("orders-pipe", Json.parse("{\"RoleArn\":\"" + ROLE + "\",\"Description\":\"d\","
        + "\"SourceParameters\":{\"DynamoDBStreamParameters\":{\"BatchSize\":5}}}"));
    JsonNode d = pipes.describePipe("orders-pipe");
    assertThat(d.get("Description").asText()).isEqualTo("d");
    assertThat(d.at("/SourceParameters/DynamoDBStreamParameters/BatchSize").asInt()).isEqualTo(5);
    assertThat(d.at("/SourceParameters/DynamoDBStreamParameters/StartingPosition").asText()).isEqualTo("LATEST");
    pipes.tagResource(arn, Json.parse("{\"tags\":{\"team\":\"a\"}}"));
    assertThat(pipes.listTagsForResource(arn).at("/tags/team").asText()).isEqualTo("a");
    pipes.untagResource(arn, List.of("team"));
    assertThat(pipes.listTagsForResource(arn).get("tags")).isEmpty();
    JsonNode deleted = pipes.deletePipe("orders-pipe");
    assertThat(deleted.get("DesiredState").asText()).isEqualTo("DELETED");
    assertThatThrownBy(() -> pipes.describePipe("orders-pipe"))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> {
          assertThat(e.code()).isEqualTo("NotFoundException");
          assertThat(e.status()).isEqualTo(404);
        });
  }

  @Test
  void aFailedSynchronousExecutionFailsTheBatch() {
    ObjectNode p = Json.object();
    p.put("Name", "Boom");
    p.put("Definition", "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"Nope\",\"Cause\":\"bad order\"}}}");
    p.put("RoleArn", "arn:aws:iam::123456789012:role/sfn");
    p.put("Type", "EXPRESS");
    String sm = world.call(() -> ServiceCalls.call(world, "sfn", "createStateMachine", p, "test")
        .toCompletableFuture().join()).get("StateMachineArn").asText();
    pipes.createPipe("p", pipe(sm, "REQUEST_RESPONSE", 1, 0, null));
    streams.insert("id", "o1");
    world.runUntilIdle();
    assertThat(pipes.failures()).singleElement().satisfies(f -> {
      assertThat(f.error()).isEqualTo("Nope");
      assertThat(f.cause()).isEqualTo("bad order");
    });
  }

  // ---------------------------------------------------------------- helpers

  private ObjectNode pipe(String target, String invocationType, int batchSize, int window, String enrichment) {
    ObjectNode req = Json.object();
    req.put("Source", FakeStreams.STREAM);
    req.put("Target", target);
    req.put("RoleArn", ROLE);
    if (enrichment != null) {
      req.put("Enrichment", enrichment);
    }
    ObjectNode ddb = req.putObject("SourceParameters").putObject("DynamoDBStreamParameters");
    ddb.put("StartingPosition", "LATEST");
    ddb.put("BatchSize", batchSize);
    ddb.put("MaximumBatchingWindowInSeconds", window);
    ObjectNode tp = req.putObject("TargetParameters");
    if (invocationType != null) {
      tp.putObject("StepFunctionStateMachineParameters").put("InvocationType", invocationType);
    }
    return req;
  }

  private String machine(String name, String type) {
    return EventBridgeTesting.machine(world, name, type);
  }

  private List<JsonNode> inputs(String machineArn) {
    return EventBridgeTesting.inputs(world, machineArn);
  }
}
