package dev.statelab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.json.Json;
import dev.statelab.server.StateLabServer;
import dev.statelab.service.dynamodb.DynamoDbStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The DynamoDB stand-in through the AWS SDK v2 client against an in-process server: PutItem of a
 * small item, and a Query reading one 100-item partition with a key condition and a filter.
 * Figures include the SDK (signing, marshalling) and the loopback HTTP round trip; the {@code
 * store*} methods make the same calls on the {@link DynamoDbStore} in-process, without HTTP.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class DynamoDbBenchmark {

  /** A server with a table {@code Bench} (pk S, sk N) whose partition {@code q} holds 100 items. */
  @State(Scope.Benchmark)
  public static class Server {

    StateLabServer server;
    DynamoDbClient ddb;
    long next;

    /** Builds what the trial measures, outside the measurement. */
    @Setup(Level.Trial)
    public void setUp() {
      server = StateLabServer.start(WorldOptions.defaults(), GatewayOptions.defaults());
      ddb = server.clients().client(DynamoDbClient.builder());
      ddb.createTable(b -> b.tableName("Bench").billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
              a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
          .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
              k -> k.attributeName("sk").keyType(KeyType.RANGE)));
      for (int i = 0; i < 100; i++) {
        int sk = i;
        ddb.putItem(b -> b.tableName("Bench").item(Map.of("pk", AttributeValue.fromS("q"),
            "sk", AttributeValue.fromN(Integer.toString(sk)), "v", AttributeValue.fromN(Integer.toString(sk % 7)))));
      }
    }

    /** Releases what the trial built. */
    @TearDown(Level.Trial)
    public void tearDown() {
      ddb.close();
      server.close();
    }
  }

  /** The same table on a {@link DynamoDbStore} called in-process (no HTTP, no SDK). */
  @State(Scope.Benchmark)
  public static class Store {

    World world;
    DynamoDbStore store;
    long next;
    final JsonNode query = Json.parse("{\"TableName\":\"Bench\",\"KeyConditionExpression\":\"pk = :p AND sk >= :from\","
        + "\"FilterExpression\":\"v = :v\",\"ExpressionAttributeValues\":{\":p\":{\"S\":\"q\"},"
        + "\":from\":{\"N\":\"50\"},\":v\":{\"N\":\"3\"}}}");

    /** Builds what the trial measures, outside the measurement. */
    @Setup(Level.Trial)
    public void setUp() {
      world = World.newInstance(WorldOptions.defaults());
      store = DynamoDbStore.of(world);
      store.createTable(Json.parse("{\"TableName\":\"Bench\",\"BillingMode\":\"PAY_PER_REQUEST\","
          + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
          + "{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"}],\"KeySchema\":[{\"AttributeName\":\"pk\","
          + "\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]}"));
      for (int i = 0; i < 100; i++) {
        store.items().putItem(item("q", i, "{\"N\":\"" + (i % 7) + "\"}"));
      }
    }

    ObjectNode item(String pk, long sk, String v) {
      return (ObjectNode) Json.parse("{\"TableName\":\"Bench\",\"Item\":{\"pk\":{\"S\":\"" + pk + "\"},"
          + "\"sk\":{\"N\":\"" + sk + "\"},\"v\":" + v + "}}");
    }

    /** Releases what the trial built. */
    @TearDown(Level.Trial)
    public void tearDown() {
      world.close();
    }
  }

  /** PutItem of a new three-attribute item. */
  @Benchmark
  public PutItemResponse putItem(Server s) {
    long n = s.next++;
    return s.ddb.putItem(b -> b.tableName("Bench").item(Map.of("pk", AttributeValue.fromS("p" + (n % 1000)),
        "sk", AttributeValue.fromN(Long.toString(n)), "payload", AttributeValue.fromS("hello world"))));
  }

  /** {@link #putItem} on the store in-process. */
  @Benchmark
  public ObjectNode storePutItem(Store s) {
    long n = s.next++;
    return s.store.items().putItem(s.item("p" + (n % 1000), n, "{\"S\":\"hello world\"}"));
  }

  /** {@link #query} on the store in-process. */
  @Benchmark
  public ObjectNode storeQuery(Store s) {
    return s.store.items().query(s.query);
  }

  /** Query of the 100-item partition: sort key range plus a filter, 50 items scanned, about 7 returned. */
  @Benchmark
  public QueryResponse query(Server s) {
    return s.ddb.query(b -> b.tableName("Bench").keyConditionExpression("pk = :p AND sk >= :from")
        .filterExpression("v = :v").expressionAttributeValues(Map.of(":p", AttributeValue.fromS("q"),
            ":from", AttributeValue.fromN("50"), ":v", AttributeValue.fromN("3"))));
  }
}
