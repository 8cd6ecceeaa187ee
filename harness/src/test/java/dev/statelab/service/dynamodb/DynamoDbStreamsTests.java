package dev.statelab.service.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.cost.Services;
import dev.statelab.cost.UsageLedger;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.json.Json;
import dev.statelab.server.StateLabServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;

/** DynamoDB Streams through the SDK v2 DynamoDbStreamsClient, and the in-process subscriptions. */
class DynamoDbStreamsTests {

  private static StateLabServer server;
  private static DynamoDbClient ddb;
  private static DynamoDbStreamsClient streams;

  @BeforeAll
  static void start() {
    server = StateLabServer.start(World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.REAL).build()),
        GatewayOptions.defaults());
    ddb = server.clients().client(DynamoDbClient.builder());
    streams = server.clients().client(DynamoDbStreamsClient.builder());
  }

  @AfterAll
  static void stop() {
    ddb.close();
    streams.close();
    server.close();
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static TableDescription streamingTable(String name, StreamViewType view) {
    ddb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(DynamoDbApiTests.def("id", ScalarAttributeType.S))
        .keySchema(DynamoDbApiTests.key("id", KeyType.HASH)));
    return ddb.updateTable(b -> b.tableName(name).streamSpecification(s -> s.streamEnabled(true).streamViewType(view)))
        .tableDescription();
  }

  private static List<Record> readAll(String streamArn, ShardIteratorType type, String seq) {
    String shard = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards().get(0).shardId();
    String it = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard).shardIteratorType(type)
        .sequenceNumber(seq)).shardIterator();
    List<Record> out = new ArrayList<>();
    for (int i = 0; i < 10 && it != null; i++) {
      String from = it;
      GetRecordsResponse r = streams.getRecords(b -> b.shardIterator(from).limit(2));
      out.addAll(r.records());
      if (r.records().isEmpty()) {
        break;
      }
      it = r.nextShardIterator();
    }
    return out;
  }

  @Test
  void everyChangeIsOneRecordInOrderWithTheImagesTheViewAsksFor() {
    String arn = streamingTable("Streamed", StreamViewType.NEW_AND_OLD_IMAGES).latestStreamArn();
    ddb.putItem(b -> b.tableName("Streamed").item(Map.of("id", s("a"), "v", s("1"))));
    ddb.putItem(b -> b.tableName("Streamed").item(Map.of("id", s("a"), "v", s("1")))); // no change: no record
    ddb.updateItem(b -> b.tableName("Streamed").key(Map.of("id", s("a"))).updateExpression("SET v = :two")
        .expressionAttributeValues(Map.of(":two", s("2"))));
    ddb.deleteItem(b -> b.tableName("Streamed").key(Map.of("id", s("a"))));
    ddb.deleteItem(b -> b.tableName("Streamed").key(Map.of("id", s("a")))); // nothing deleted: no record
    List<Record> records = readAll(arn, ShardIteratorType.TRIM_HORIZON, null);
    assertThat(records).extracting(Record::eventName)
        .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
    Record insert = records.get(0);
    assertThat(insert.eventSource()).isEqualTo("aws:dynamodb");
    assertThat(insert.eventVersion()).isEqualTo("1.1");
    assertThat(insert.awsRegion()).isEqualTo("us-east-1");
    assertThat(insert.dynamodb().keys()).isEqualTo(Map.of("id", s("a")));
    assertThat(insert.dynamodb().newImage()).isEqualTo(Map.of("id", s("a"), "v", s("1")));
    assertThat(insert.dynamodb().hasOldImage()).isFalse();
    assertThat(insert.dynamodb().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    assertThat(insert.dynamodb().approximateCreationDateTime()).isNotNull();
    assertThat(records.get(1).dynamodb().oldImage().get("v")).isEqualTo(s("1"));
    assertThat(records.get(1).dynamodb().newImage().get("v")).isEqualTo(s("2"));
    assertThat(records.get(2).dynamodb().hasNewImage()).isFalse();
    assertThat(records.get(2).dynamodb().oldImage().get("v")).isEqualTo(s("2"));
    List<String> seqs = records.stream().map(r -> r.dynamodb().sequenceNumber()).toList();
    assertThat(seqs).allSatisfy(q -> assertThat(q).matches("\\d{21,40}"));
    assertThat(seqs).isSorted();
    assertThat(readAll(arn, ShardIteratorType.AFTER_SEQUENCE_NUMBER, seqs.get(0))).hasSize(2);
    assertThat(readAll(arn, ShardIteratorType.AT_SEQUENCE_NUMBER, seqs.get(2))).hasSize(1);
    assertThat(readAll(arn, ShardIteratorType.LATEST, null)).isEmpty();
  }

  @Test
  void keysOnlyStreamsCarryNoImages() {
    String arn = streamingTable("KeysOnly", StreamViewType.KEYS_ONLY).latestStreamArn();
    ddb.putItem(b -> b.tableName("KeysOnly").item(Map.of("id", s("a"), "v", s("1"))));
    Record r = readAll(arn, ShardIteratorType.TRIM_HORIZON, null).get(0);
    assertThat(r.dynamodb().keys()).isEqualTo(Map.of("id", s("a")));
    assertThat(r.dynamodb().hasNewImage()).isFalse();
    assertThat(r.dynamodb().hasOldImage()).isFalse();
  }

  @Test
  void listAndDescribeStreamsAndDisablingClosesTheShard() {
    String arn = streamingTable("Listed", StreamViewType.NEW_IMAGE).latestStreamArn();
    assertThat(streams.listStreams(b -> b.tableName("Listed")).streams())
        .singleElement().satisfies(s -> assertThat(s.streamArn()).isEqualTo(arn));
    StreamDescription d = streams.describeStream(b -> b.streamArn(arn)).streamDescription();
    assertThat(d.streamStatus()).isEqualTo(StreamStatus.ENABLED);
    assertThat(d.tableName()).isEqualTo("Listed");
    assertThat(d.keySchema()).hasSize(1);
    ddb.putItem(b -> b.tableName("Listed").item(Map.of("id", s("a"))));
    ddb.updateTable(b -> b.tableName("Listed").streamSpecification(s -> s.streamEnabled(false)));
    StreamDescription closed = streams.describeStream(b -> b.streamArn(arn)).streamDescription();
    assertThat(closed.streamStatus()).isEqualTo(StreamStatus.DISABLED);
    assertThat(closed.shards().get(0).sequenceNumberRange().endingSequenceNumber()).isNotNull();
    ddb.putItem(b -> b.tableName("Listed").item(Map.of("id", s("b"))));
    assertThat(readAll(arn, ShardIteratorType.TRIM_HORIZON, null)).hasSize(1);
  }

  @Test
  void streamErrorsAreAwsShaped() {
    assertThatThrownBy(() -> streams.describeStream(b -> b.streamArn("arn:aws:dynamodb:us-east-1:123456789012:table/x/stream/y")))
        .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class)
        .hasMessageStartingWith("Requested resource not found: Stream: arn:aws:dynamodb:us-east-1:123456789012:table/x/stream/y not found");
    assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator("garbage")))
        .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.class).hasMessageStartingWith("Invalid ShardIterator");
  }

  @Test
  void shardIteratorsExpireAfterFifteenMinutesOfWorldTime() {
    try (World world = World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.VIRTUAL).build())) {
      DynamoDbStore store = DynamoDbStore.of(world);
      String arn = createStreamingTable(store, "Expiring");
      String it = store.streams().getShardIterator(Json.parse("{\"StreamArn\":\"" + arn + "\",\"ShardId\":\""
          + TableStream.SHARD_ID + "\",\"ShardIteratorType\":\"TRIM_HORIZON\"}")).get("ShardIterator").asText();
      world.advanceBy(Duration.ofMinutes(16));
      assertThatThrownBy(() -> store.streams().getRecords(Json.parse("{\"ShardIterator\":\"" + it + "\"}")))
          .isInstanceOf(DynamoDbException.class).extracting(e -> ((DynamoDbException) e).shortCode())
          .isEqualTo("ExpiredIteratorException");
    }
  }

  @Test
  void recordsOlderThanADayAreTrimmed() {
    try (World world = World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.VIRTUAL).build())) {
      DynamoDbStore store = DynamoDbStore.of(world);
      String arn = createStreamingTable(store, "Trimmed");
      store.items().putItem(Json.parse("{\"TableName\":\"Trimmed\",\"Item\":{\"id\":{\"S\":\"old\"}}}"));
      String seq = store.streams().getRecords(Json.parse("{\"ShardIterator\":\"" + iterator(store, arn, "TRIM_HORIZON")
          + "\"}")).at("/Records/0/dynamodb/SequenceNumber").asText();
      world.advanceBy(Duration.ofHours(25));
      store.items().putItem(Json.parse("{\"TableName\":\"Trimmed\",\"Item\":{\"id\":{\"S\":\"new\"}}}"));
      JsonNode records = store.streams().getRecords(Json.parse("{\"ShardIterator\":\""
          + iterator(store, arn, "TRIM_HORIZON") + "\"}")).get("Records");
      assertThat(records).extracting(r -> r.at("/dynamodb/Keys/id/S").asText()).containsExactly("new");
      assertThatThrownBy(() -> store.streams().getShardIterator(Json.parse("{\"StreamArn\":\"" + arn
          + "\",\"ShardId\":\"" + TableStream.SHARD_ID + "\",\"ShardIteratorType\":\"AT_SEQUENCE_NUMBER\","
          + "\"SequenceNumber\":\"" + seq + "\"}")))
          .isInstanceOf(DynamoDbException.class).extracting(e -> ((DynamoDbException) e).shortCode())
          .isEqualTo("TrimmedDataAccessException");
    }
  }

  private static String iterator(DynamoDbStore store, String arn, String type) {
    return store.streams().getShardIterator(Json.parse("{\"StreamArn\":\"" + arn + "\",\"ShardId\":\""
        + TableStream.SHARD_ID + "\",\"ShardIteratorType\":\"" + type + "\"}")).get("ShardIterator").asText();
  }

  @Test
  void subscriptionsGetEachRecordOnTheWorldLoopAfterTheWrite() throws Exception {
    try (World world = World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.VIRTUAL).build())) {
      DynamoDbStore store = DynamoDbStore.of(world);
      String arn = createStreamingTable(store, "Subscribed");
      store.items().putItem(Json.parse("{\"TableName\":\"Subscribed\",\"Item\":{\"id\":{\"S\":\"early\"}}}"));
      StreamSubscriptions subs = world.component(StreamSubscriptions.class, () -> null);
      List<JsonNode> fromStart = new ArrayList<>();
      List<JsonNode> latest = new ArrayList<>();
      AutoCloseable a = subs.subscribe(arn, "TRIM_HORIZON", fromStart::add);
      subs.subscribe(arn, "LATEST", latest::add);
      store.items().putItem(Json.parse("{\"TableName\":\"Subscribed\",\"Item\":{\"id\":{\"S\":\"late\"}}}"));
      world.runUntilIdle();
      assertThat(fromStart).extracting(r -> r.at("/dynamodb/Keys/id/S").asText()).containsExactly("early", "late");
      assertThat(latest).extracting(r -> r.at("/dynamodb/Keys/id/S").asText()).containsExactly("late");
      assertThat(fromStart.get(1).path("eventName").asText()).isEqualTo("INSERT");
      a.close();
      store.items().deleteItem(Json.parse("{\"TableName\":\"Subscribed\",\"Key\":{\"id\":{\"S\":\"late\"}}}"));
      world.runUntilIdle();
      assertThat(fromStart).hasSize(2);
      assertThat(latest).extracting(r -> r.path("eventName").asText()).containsExactly("INSERT", "REMOVE");
      assertThatThrownBy(() -> subs.subscribe("arn:nope", "LATEST", r -> { }))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Requested resource not found");
    }
  }

  @Test
  void getRecordsIsRecordedAsAStreamReadRequest() {
    String arn = streamingTable("Metered", StreamViewType.NEW_IMAGE).latestStreamArn();
    readAll(arn, ShardIteratorType.TRIM_HORIZON, null);
    assertThat(UsageLedger.of(server.world()).records(r -> r.service().equals(Services.DYNAMODB)
        && r.usageType().equals(StreamOperations.STREAM_READ_USAGE) && "Metered".equals(r.attributes().get("table")))).hasSize(1);
  }

  private static String createStreamingTable(DynamoDbStore store, String name) {
    return store.createTable(Json.parse("{\"TableName\":\"" + name + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
        + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
        + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
        + "\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}"))
        .at("/TableDescription/LatestStreamArn").asText();
  }
}
