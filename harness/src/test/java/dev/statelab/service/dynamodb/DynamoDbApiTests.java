package dev.statelab.service.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.cost.Services;
import dev.statelab.cost.UsageLedger;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.server.StateLabServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The DynamoDB API through the AWS SDK v2 client against a started StateLab server. */
class DynamoDbApiTests {

  private static StateLabServer server;
  private static DynamoDbClient ddb;
  private static int tables;

  @BeforeAll
  static void start() {
    server = StateLabServer.start(World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.REAL).build()),
        GatewayOptions.defaults());
    ddb = server.clients().client(DynamoDbClient.builder());
  }

  @AfterAll
  static void stop() {
    ddb.close();
    server.close();
  }

  static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  static AttributeValue n(String v) {
    return AttributeValue.fromN(v);
  }

  /** A fresh on-demand table keyed by {@code id} (S), plus {@code sk} (N) when asked. */
  static String table(boolean withSortKey) {
    String name = "t" + (++tables) + "-" + System.nanoTime();
    CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
    if (withSortKey) {
      b.attributeDefinitions(def("id", ScalarAttributeType.S), def("sk", ScalarAttributeType.N))
          .keySchema(key("id", KeyType.HASH), key("sk", KeyType.RANGE));
    } else {
      b.attributeDefinitions(def("id", ScalarAttributeType.S)).keySchema(key("id", KeyType.HASH));
    }
    ddb.createTable(b.build());
    return name;
  }

  static AttributeDefinition def(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  @Test
  void createTableDescribesTheTableAsAwsDoes() {
    TableDescription d = ddb.createTable(b -> b.tableName("Described")
        .attributeDefinitions(def("id", ScalarAttributeType.S), def("sk", ScalarAttributeType.N),
            def("g", ScalarAttributeType.S))
        .keySchema(key("id", KeyType.HASH), key("sk", KeyType.RANGE))
        .billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(3L).build())
        .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(key("g", KeyType.HASH))
            .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
            .provisionedThroughput(ProvisionedThroughput.builder().readCapacityUnits(1L).writeCapacityUnits(1L).build()))
        .streamSpecification(StreamSpecification.builder().streamEnabled(true)
            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build())).tableDescription();
    assertThat(d.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(d.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/Described");
    assertThat(d.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
    assertThat(d.globalSecondaryIndexes().get(0).indexArn()).endsWith("table/Described/index/byG");
    assertThat(d.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    assertThat(d.latestStreamArn()).startsWith(d.tableArn() + "/stream/").endsWith(d.latestStreamLabel());
    ddb.putItem(b -> b.tableName("Described").item(Map.of("id", s("a"), "sk", n("1"), "g", s("x"))));
    TableDescription after = ddb.describeTable(b -> b.tableName("Described")).table();
    assertThat(after.itemCount()).isEqualTo(1L);
    assertThat(after.tableSizeBytes()).isEqualTo(2 + 1 + 2 + 2 + 1 + 1); // id+a, sk+1, g+x
    assertThat(after.creationDateTime()).isNotNull();
  }

  @Test
  void creatingAnExistingTableFailsWithResourceInUse() {
    String t = table(false);
    assertThatThrownBy(() -> table(t))
        .isInstanceOf(ResourceInUseException.class).hasMessageStartingWith("Table already exists: " + t);
  }

  private static void table(String name) {
    ddb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(def("id", ScalarAttributeType.S)).keySchema(key("id", KeyType.HASH)));
  }

  @Test
  void missingTablesAreResourceNotFound() {
    assertThatThrownBy(() -> ddb.describeTable(b -> b.tableName("Nope")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageStartingWith("Requested resource not found: Table: Nope not found");
    assertThatThrownBy(() -> ddb.getItem(b -> b.tableName("Nope").key(Map.of("id", s("a")))))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith("Requested resource not found (");
  }

  @Test
  void aTableNameOutsideThePatternIsAValidationError() {
    assertThatThrownBy(() -> ddb.putItem(b -> b.tableName("/x").item(Map.of("id", s("a")))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageStartingWith("2 validation errors detected: Value '/x' at 'tableName' failed to satisfy constraint:"
            + " Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    assertThatThrownBy(() -> ddb.putItem(b -> b.tableName("/xyz").item(Map.of("id", s("a")))))
        .hasMessageStartingWith("1 validation error detected: Value '/xyz' at 'tableName' failed to satisfy constraint:"
            + " Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
  }

  @Test
  void listTablesPagesByName() {
    List<String> seen = new ArrayList<>();
    String start = null;
    for (int i = 0; i < 3; i++) {
      table(false);
    }
    do {
      String from = start;
      ListTablesResponse page = ddb.listTables(b -> b.limit(2).exclusiveStartTableName(from));
      assertThat(page.tableNames()).hasSizeLessThanOrEqualTo(2);
      seen.addAll(page.tableNames());
      start = page.lastEvaluatedTableName();
    } while (start != null);
    assertThat(seen).isSorted().doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void deleteTableRemovesIt() {
    String t = table(false);
    assertThat(ddb.deleteTable(b -> b.tableName(t)).tableDescription().tableStatus()).isEqualTo(TableStatus.DELETING);
    assertThatThrownBy(() -> ddb.describeTable(b -> b.tableName(t))).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void putThenGetWithAProjection() {
    String t = table(false);
    ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("a"), "n", n("1.50"), "m", AttributeValue.fromM(
        Map.of("x", s("1"), "y", s("2"))))));
    GetItemResponse r = ddb.getItem(b -> b.tableName(t).key(Map.of("id", s("a"))).consistentRead(true)
        .projectionExpression("#n, m.x").expressionAttributeNames(Map.of("#n", "n")));
    assertThat(r.item()).isEqualTo(Map.of("n", n("1.5"), "m", AttributeValue.fromM(Map.of("x", s("1")))));
    assertThat(ddb.getItem(b -> b.tableName(t).key(Map.of("id", s("zz")))).hasItem()).isFalse();
  }

  @Test
  void keyValidationUsesAwsMessages() {
    String t = table(true);
    assertThatThrownBy(() -> ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("a")))))
        .hasMessageStartingWith("One or more parameter values were invalid: Missing the key sk in the item");
    assertThatThrownBy(() -> ddb.putItem(b -> b.tableName(t).item(Map.of("id", n("1"), "sk", n("1")))))
        .hasMessageStartingWith("One or more parameter values were invalid: Type mismatch for key id expected: S actual: N");
    assertThatThrownBy(() -> ddb.getItem(b -> b.tableName(t).key(Map.of("id", s("a")))))
        .hasMessageStartingWith("The provided key element does not match the schema");
  }

  @Test
  void anItemOver400KbIsRejected() {
    String t = table(false);
    String big = "x".repeat(400 * 1024);
    assertThatThrownBy(() -> ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("a"), "big", s(big)))))
        .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("Item size has exceeded the maximum allowed size");
  }

  @Test
  void conditionalPutFailsWithTheOldItemWhenAsked() {
    String t = table(false);
    ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("a"), "v", n("1"))));
    ConditionalCheckFailedException e = (ConditionalCheckFailedException) org.assertj.core.api.Assertions.catchThrowable(
        () -> ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("a"), "v", n("2")))
            .conditionExpression("attribute_not_exists(id)")
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
    assertThat(e.getMessage()).startsWith("The conditional request failed");
    assertThat(e.item()).isEqualTo(Map.of("id", s("a"), "v", n("1")));
    assertThat(ddb.getItem(b -> b.tableName(t).key(Map.of("id", s("a")))).item().get("v")).isEqualTo(n("1"));
  }

  @Test
  void updatedNewAndOldReturnOnlyTheNestedPartsTheUpdateTouched() {
    String t = table(false);
    ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("a"),
        "profile", AttributeValue.fromM(Map.of("name", s("ann"), "visits", n("1"))))));

    Map<String, AttributeValue> updatedNew = ddb.updateItem(b -> b.tableName(t).key(Map.of("id", s("a")))
        .updateExpression("SET profile.visits = profile.visits + :one").expressionAttributeValues(Map.of(":one", n("1")))
        .returnValues(ReturnValue.UPDATED_NEW)).attributes();
    Map<String, AttributeValue> updatedOld = ddb.updateItem(b -> b.tableName(t).key(Map.of("id", s("a")))
        .updateExpression("SET profile.visits = :ten").expressionAttributeValues(Map.of(":ten", n("10")))
        .returnValues(ReturnValue.UPDATED_OLD)).attributes();

    assertThat(updatedNew).isEqualTo(Map.of("profile", AttributeValue.fromM(Map.of("visits", n("2")))));
    assertThat(updatedOld).isEqualTo(Map.of("profile", AttributeValue.fromM(Map.of("visits", n("2")))));
  }

  @Test
  void updateItemReturnsWhatReturnValuesAsksFor() {
    String t = table(false);
    ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("a"), "v", n("1"), "keep", s("k"))));
    Map<String, AttributeValue> updatedNew = ddb.updateItem(b -> b.tableName(t).key(Map.of("id", s("a")))
        .updateExpression("SET v = v + :one, added = :x").expressionAttributeValues(Map.of(":one", n("1"), ":x", s("y")))
        .returnValues(ReturnValue.UPDATED_NEW)).attributes();
    assertThat(updatedNew).isEqualTo(Map.of("v", n("2"), "added", s("y")));
    Map<String, AttributeValue> updatedOld = ddb.updateItem(b -> b.tableName(t).key(Map.of("id", s("a")))
        .updateExpression("REMOVE added").returnValues(ReturnValue.UPDATED_OLD)).attributes();
    assertThat(updatedOld).isEqualTo(Map.of("added", s("y")));
    Map<String, AttributeValue> allNew = ddb.updateItem(b -> b.tableName(t).key(Map.of("id", s("b")))
        .updateExpression("SET v = :x").expressionAttributeValues(Map.of(":x", n("5")))
        .returnValues(ReturnValue.ALL_NEW)).attributes();
    assertThat(allNew).isEqualTo(Map.of("id", s("b"), "v", n("5")));
    assertThatThrownBy(() -> ddb.updateItem(b -> b.tableName(t).key(Map.of("id", s("a")))
        .updateExpression("SET id = :x").expressionAttributeValues(Map.of(":x", s("z")))))
        .hasMessageStartingWith("One or more parameter values were invalid: Cannot update attribute id."
            + " This attribute is part of the key");
    assertThatThrownBy(() -> ddb.updateItem(b -> b.tableName(t).key(Map.of("id", s("a")))
        .updateExpression("SET v = :x").conditionExpression("v = :never")
        .expressionAttributeValues(Map.of(":x", n("9"), ":never", n("100")))))
        .isInstanceOf(ConditionalCheckFailedException.class);
  }

  @Test
  void aBadExpressionIsAValidationError() {
    String t = table(false);
    assertThatThrownBy(() -> ddb.updateItem(b -> b.tableName(t).key(Map.of("id", s("a")))
        .updateExpression("SET = :x").expressionAttributeValues(Map.of(":x", n("1")))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageStartingWith("Invalid UpdateExpression: Syntax error; token: \"=\", near: \"SET = :x\"");
    assertThatThrownBy(() -> ddb.deleteItem(b -> b.tableName(t).key(Map.of("id", s("a")))
        .conditionExpression("attribute_exists(id)").expressionAttributeValues(Map.of(":unused", n("1")))))
        .hasMessageStartingWith("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
  }

  @Test
  void deleteItemReturnsTheOldItem() {
    String t = table(false);
    ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("a"), "v", n("1"))));
    assertThat(ddb.deleteItem(b -> b.tableName(t).key(Map.of("id", s("a"))).returnValues(ReturnValue.ALL_OLD))
        .attributes()).isEqualTo(Map.of("id", s("a"), "v", n("1")));
    assertThat(ddb.getItem(b -> b.tableName(t).key(Map.of("id", s("a")))).hasItem()).isFalse();
    assertThatThrownBy(() -> ddb.deleteItem(b -> b.tableName(t).key(Map.of("id", s("a"))).returnValues(ReturnValue.ALL_NEW)))
        .hasMessageStartingWith("ReturnValues can only be ALL_OLD or NONE");
  }

  @Test
  void queryOrdersNumbersNumericallyFiltersAndPages() {
    String t = table(true);
    for (String sk : List.of("10", "9", "-1", "100", "2.5")) {
      ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("p"), "sk", n(sk), "even", AttributeValue.fromBool(
          !sk.contains(".") && Integer.parseInt(sk) % 2 == 0))));
    }
    ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("other"), "sk", n("1"))));
    QueryResponse all = ddb.query(b -> b.tableName(t).keyConditionExpression("id = :p")
        .expressionAttributeValues(Map.of(":p", s("p"))));
    assertThat(all.items()).extracting(i -> i.get("sk").n()).containsExactly("-1", "2.5", "9", "10", "100");
    QueryResponse between = ddb.query(b -> b.tableName(t).keyConditionExpression("id = :p AND sk BETWEEN :a AND :b")
        .filterExpression("even = :t").scanIndexForward(false)
        .expressionAttributeValues(Map.of(":p", s("p"), ":a", n("0"), ":b", n("50"), ":t", AttributeValue.fromBool(true))));
    assertThat(between.items()).extracting(i -> i.get("sk").n()).containsExactly("10");
    assertThat(between.count()).isEqualTo(1);
    assertThat(between.scannedCount()).isEqualTo(3);
    List<String> paged = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    int pages = 0;
    do {
      Map<String, AttributeValue> from = start;
      QueryResponse page = ddb.query(b -> b.tableName(t).keyConditionExpression("id = :p").limit(2)
          .exclusiveStartKey(from).expressionAttributeValues(Map.of(":p", s("p"))));
      page.items().forEach(i -> paged.add(i.get("sk").n()));
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
      pages++;
    } while (start != null);
    assertThat(paged).containsExactly("-1", "2.5", "9", "10", "100");
    assertThat(pages).isEqualTo(3);
    QueryResponse count = ddb.query(b -> b.tableName(t).keyConditionExpression("id = :p").select(Select.COUNT)
        .expressionAttributeValues(Map.of(":p", s("p"))));
    assertThat(count.count()).isEqualTo(5);
    assertThat(count.hasItems()).isFalse();
  }

  @Test
  void queryWithoutAKeyConditionFails() {
    String t = table(false);
    assertThatThrownBy(() -> ddb.query(b -> b.tableName(t)))
        .hasMessageStartingWith("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
  }

  @Test
  void indexesProjectWhatTheyDeclare() {
    String t = "Indexed" + System.nanoTime();
    ddb.createTable(b -> b.tableName(t).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(def("id", ScalarAttributeType.S), def("sk", ScalarAttributeType.S),
            def("status", ScalarAttributeType.S), def("at", ScalarAttributeType.N))
        .keySchema(key("id", KeyType.HASH), key("sk", KeyType.RANGE))
        .localSecondaryIndexes(l -> l.indexName("byAt").keySchema(key("id", KeyType.HASH), key("at", KeyType.RANGE))
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()))
        .globalSecondaryIndexes(
            g -> g.indexName("byStatus").keySchema(key("status", KeyType.HASH), key("at", KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("total").build()),
            g -> g.indexName("keysOnly").keySchema(key("status", KeyType.HASH))
                .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())));
    ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("c1"), "sk", s("o1"), "status", s("PAID"), "at", n("3"),
        "total", n("10"), "note", s("n"))));
    ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("c1"), "sk", s("o2"), "status", s("PAID"), "at", n("1"),
        "total", n("20"), "note", s("n"))));
    ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("c2"), "sk", s("o3"), "at", n("2"))));
    QueryResponse gsi = ddb.query(b -> b.tableName(t).indexName("byStatus").keyConditionExpression("#s = :p")
        .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":p", s("PAID"))));
    assertThat(gsi.items()).containsExactly(
        Map.of("id", s("c1"), "sk", s("o2"), "status", s("PAID"), "at", n("1"), "total", n("20")),
        Map.of("id", s("c1"), "sk", s("o1"), "status", s("PAID"), "at", n("3"), "total", n("10")));
    ScanResponse keys = ddb.scan(b -> b.tableName(t).indexName("keysOnly"));
    assertThat(keys.items()).allSatisfy(i -> assertThat(i.keySet()).containsExactlyInAnyOrder("id", "sk", "status"));
    assertThat(keys.count()).isEqualTo(2);
    QueryResponse lsi = ddb.query(b -> b.tableName(t).indexName("byAt").keyConditionExpression("id = :c AND #a > :z")
        .expressionAttributeNames(Map.of("#a", "at")).expressionAttributeValues(Map.of(":c", s("c1"), ":z", n("0"))));
    assertThat(lsi.items()).extracting(i -> i.get("sk").s()).containsExactly("o2", "o1");
    assertThat(lsi.items().get(0)).containsKey("note");
    assertThatThrownBy(() -> ddb.query(b -> b.tableName(t).indexName("nope").keyConditionExpression("id = :c")
        .expressionAttributeValues(Map.of(":c", s("c1")))))
        .hasMessageStartingWith("The table does not have the specified index: nope");
  }

  @Test
  void scanSplitsIntoSegmentsAndPages() {
    String t = table(false);
    IntStream.range(0, 20).forEach(i -> ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("i" + i), "v", n("" + i)))));
    List<String> union = new ArrayList<>();
    for (int seg = 0; seg < 3; seg++) {
      int segment = seg;
      Map<String, AttributeValue> start = null;
      do {
        Map<String, AttributeValue> from = start;
        ScanResponse page = ddb.scan(b -> b.tableName(t).segment(segment).totalSegments(3).limit(4).exclusiveStartKey(from));
        page.items().forEach(i -> union.add(i.get("id").s()));
        start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
      } while (start != null);
    }
    assertThat(union).hasSize(20).doesNotHaveDuplicates();
    ScanResponse filtered = ddb.scan(b -> b.tableName(t).filterExpression("v >= :ten")
        .expressionAttributeValues(Map.of(":ten", n("10"))));
    assertThat(filtered.count()).isEqualTo(10);
    assertThat(filtered.scannedCount()).isEqualTo(20);
    assertThatThrownBy(() -> ddb.scan(b -> b.tableName(t).segment(3).totalSegments(2)))
        .hasMessageStartingWith("The Segment parameter is zero-based and must be less than parameter TotalSegments:"
            + " Segment: 3 is not less than TotalSegments: 2");
  }

  @Test
  void batchWriteAndBatchGetProcessEverything() {
    String t = table(false);
    List<WriteRequest> puts = new ArrayList<>();
    IntStream.range(0, 25).forEach(i -> puts.add(WriteRequest.builder().putRequest(
        PutRequest.builder().item(Map.of("id", s("k" + i))).build()).build()));
    assertThat(ddb.batchWriteItem(b -> b.requestItems(Map.of(t, puts))).unprocessedItems()).isEmpty();
    var got = ddb.batchGetItem(b -> b.requestItems(Map.of(t, KeysAndAttributes.builder()
        .keys(Map.of("id", s("k1")), Map.of("id", s("k24")), Map.of("id", s("missing"))).build())));
    assertThat(got.responses().get(t)).hasSize(2);
    assertThat(got.unprocessedKeys()).isEmpty();
    List<WriteRequest> tooMany = new ArrayList<>(puts);
    tooMany.add(WriteRequest.builder().deleteRequest(d -> d.key(Map.of("id", s("k99")))).build());
    assertThatThrownBy(() -> ddb.batchWriteItem(b -> b.requestItems(Map.of(t, tooMany))))
        .hasMessageContaining("Member must have length less than or equal to 25");
  }

  @Test
  void aFailedTransactionIsCancelledWithReasonsAndWritesNothing() {
    String t = table(false);
    ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("a"), "v", n("1"))));
    TransactionCanceledException e = (TransactionCanceledException) org.assertj.core.api.Assertions.catchThrowable(
        () -> ddb.transactWriteItems(b -> b.transactItems(
            TransactWriteItem.builder().conditionCheck(c -> c.tableName(t).key(Map.of("id", s("a")))
                .conditionExpression("v = :two").expressionAttributeValues(Map.of(":two", n("2")))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(),
            TransactWriteItem.builder().put(p -> p.tableName(t).item(Map.of("id", s("b")))).build())));
    assertThat(e.getMessage()).startsWith(
        "Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]");
    assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly("ConditionalCheckFailed", "None");
    assertThat(e.cancellationReasons().get(0).item()).isEqualTo(Map.of("id", s("a"), "v", n("1")));
    assertThat(ddb.getItem(b -> b.tableName(t).key(Map.of("id", s("b")))).hasItem()).isFalse();
  }

  @Test
  void aTransactionMayNotTouchOneItemTwice() {
    String t = table(true);
    assertThatThrownBy(() -> ddb.transactWriteItems(b -> b.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName(t).item(Map.of("id", s("a"), "sk", n("1")))).build(),
        TransactWriteItem.builder().delete(d -> d.tableName(t).key(Map.of("sk", n("1.0"), "id", s("a")))).build())))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageStartingWith("Transaction request cannot include multiple operations on one item");
  }

  @Test
  void aTransactionAppliesAllItsWritesAndTransactGetReadsThem() {
    String t = table(false);
    ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("a"), "v", n("1"))));
    ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("gone"))));
    var r = ddb.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(
        TransactWriteItem.builder().update(u -> u.tableName(t).key(Map.of("id", s("a")))
            .updateExpression("SET v = v + :one").conditionExpression("v = :one")
            .expressionAttributeValues(Map.of(":one", n("1")))).build(),
        TransactWriteItem.builder().put(p -> p.tableName(t).item(Map.of("id", s("b")))).build(),
        TransactWriteItem.builder().delete(d -> d.tableName(t).key(Map.of("id", s("gone")))).build()));
    assertThat(r.consumedCapacity().get(0).capacityUnits()).isEqualTo(6.0);
    var got = ddb.transactGetItems(b -> b.transactItems(
        i -> i.get(g -> g.tableName(t).key(Map.of("id", s("a")))),
        i -> i.get(g -> g.tableName(t).key(Map.of("id", s("gone"))))));
    assertThat(got.responses().get(0).item()).isEqualTo(Map.of("id", s("a"), "v", n("2")));
    assertThat(got.responses().get(1).hasItem()).isFalse();
  }

  @Test
  void consumedCapacityFollowsAwsRoundingAndIsRecordedOnDemand() {
    String t = table(false);
    String text = "x".repeat(5000);
    ConsumedCapacity put = ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("a"), "t", s(text)))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    assertThat(put.capacityUnits()).isEqualTo(5.0); // 5008 bytes -> 5 KB started
    ConsumedCapacity eventual = ddb.getItem(b -> b.tableName(t).key(Map.of("id", s("a")))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity();
    assertThat(eventual.capacityUnits()).isEqualTo(1.0); // 2 x 4 KB, halved
    ConsumedCapacity strong = ddb.getItem(b -> b.tableName(t).key(Map.of("id", s("a"))).consistentRead(true)
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(strong.capacityUnits()).isEqualTo(2.0);
    assertThat(strong.table().capacityUnits()).isEqualTo(2.0);
    UsageLedger ledger = UsageLedger.of(server.world());
    double writes = ledger.records(r -> r.service().equals(Services.DYNAMODB) && r.usageType().equals("WriteRequestUnits")
        && t.equals(r.attributes().get("table"))).stream().mapToDouble(r -> r.quantity()).sum();
    double reads = ledger.records(r -> r.usageType().equals("ReadRequestUnits") && t.equals(r.attributes().get("table")))
        .stream().mapToDouble(r -> r.quantity()).sum();
    assertThat(writes).isEqualTo(5.0);
    assertThat(reads).isEqualTo(3.0);
  }

  @Test
  void indexesCapacityCountsEachIndexAnItemIsIn() {
    String t = "Cap" + System.nanoTime();
    ddb.createTable(b -> b.tableName(t).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(def("id", ScalarAttributeType.S), def("g", ScalarAttributeType.S))
        .keySchema(key("id", KeyType.HASH))
        .globalSecondaryIndexes(g -> g.indexName("byG").keySchema(key("g", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))));
    ConsumedCapacity in = ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("a"), "g", s("x")))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(in.capacityUnits()).isEqualTo(2.0);
    assertThat(in.table().capacityUnits()).isEqualTo(1.0);
    assertThat(in.globalSecondaryIndexes().get("byG").capacityUnits()).isEqualTo(1.0);
    ConsumedCapacity out = ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("b")))
        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
    assertThat(out.capacityUnits()).isEqualTo(1.0);
    assertThat(out.hasGlobalSecondaryIndexes()).isFalse();
  }

  @Test
  void legacyConditionsWorkLikeTheirExpressions() {
    String t = table(true);
    ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("p"), "sk", n("1"), "v", n("5"))));
    ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("p"), "sk", n("2"), "v", n("7"))));
    assertThatThrownBy(() -> ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("p"), "sk", n("1")))
        .expected(Map.of("id", software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue.builder()
            .exists(false).build())))).isInstanceOf(ConditionalCheckFailedException.class);
    QueryResponse q = ddb.query(b -> b.tableName(t)
        .keyConditions(Map.of("id", software.amazon.awssdk.services.dynamodb.model.Condition.builder()
            .comparisonOperator("EQ").attributeValueList(s("p")).build()))
        .queryFilter(Map.of("v", software.amazon.awssdk.services.dynamodb.model.Condition.builder()
            .comparisonOperator("GT").attributeValueList(n("6")).build())));
    assertThat(q.items()).extracting(i -> i.get("sk").n()).containsExactly("2");
    assertThatThrownBy(() -> ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("p"), "sk", n("3")))
        .conditionExpression("attribute_not_exists(id)")
        .expected(Map.of("id", software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue.builder()
            .exists(false).build()))))
        .hasMessageStartingWith("Can not use both expression and non-expression parameters in the same request:"
            + " Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}");
  }

  @Test
  void legacyParametersAreRefusedNotIgnored() {
    String t = table(false);
    assertThatThrownBy(() -> ddb.getItem(b -> b.tableName(t).key(Map.of("id", s("a"))).attributesToGet("x")))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageStartingWith("StateLab's DynamoDB does not support the legacy parameter AttributesToGet");
  }

  @Test
  void updateTableChangesBillingAndIndexes() {
    String t = table(false);
    TableDescription d = ddb.updateTable(b -> b.tableName(t).billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(p -> p.readCapacityUnits(2L).writeCapacityUnits(2L))
        .attributeDefinitions(def("g", ScalarAttributeType.S))
        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byG").keySchema(key("g", KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))
            .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))))).tableDescription();
    assertThat(d.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
    assertThat(d.globalSecondaryIndexes()).extracting(g -> g.indexName()).containsExactly("byG");
    ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("a"), "g", s("x"))));
    assertThat(ddb.query(b -> b.tableName(t).indexName("byG").keyConditionExpression("g = :x")
        .expressionAttributeValues(Map.of(":x", s("x")))).count()).isEqualTo(1);
    TableDescription dropped = ddb.updateTable(b -> b.tableName(t)
        .globalSecondaryIndexUpdates(u -> u.delete(x -> x.indexName("byG")))).tableDescription();
    assertThat(dropped.hasGlobalSecondaryIndexes()).isFalse();
  }

  @Test
  void binarySortKeysOrderByUnsignedBytes() {
    String t = "Bin" + System.nanoTime();
    ddb.createTable(b -> b.tableName(t).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(def("id", ScalarAttributeType.S), def("b", ScalarAttributeType.B))
        .keySchema(key("id", KeyType.HASH), key("b", KeyType.RANGE)));
    for (byte[] bytes : List.of(new byte[] {(byte) 0xff}, new byte[] {0x01}, new byte[] {0x7f})) {
      ddb.putItem(b -> b.tableName(t).item(Map.of("id", s("p"), "b", AttributeValue.fromB(SdkBytes.fromByteArray(bytes)))));
    }
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":p", s("p"));
    QueryResponse q = ddb.query(b -> b.tableName(t).keyConditionExpression("id = :p").expressionAttributeValues(values));
    assertThat(q.items()).extracting(i -> i.get("b").b().asByteArray()[0] & 0xff).containsExactly(0x01, 0x7f, 0xff);
  }
}
