package dev.statelab.service.pipes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.engine.World;
import dev.statelab.json.Json;
import dev.statelab.service.dynamodb.StreamSubscriptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A StreamSubscriptions stand-in for tests: streams are declared, records are emitted by hand. */
final class FakeStreams implements StreamSubscriptions {

  static final String STREAM = "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2026-01-01T00:00:00.000";

  private final World world;
  private final Map<String, List<Consumer<JsonNode>>> listeners = new LinkedHashMap<>();
  private final Map<String, List<JsonNode>> retained = new LinkedHashMap<>();
  private long sequence = 100;

  private FakeStreams(World world) {
    this.world = world;
  }

  /** Installs a fake with the Orders stream as the world's StreamSubscriptions. */
  static FakeStreams install(World world) {
    FakeStreams fake = new FakeStreams(world);
    fake.declare(STREAM);
    world.component(StreamSubscriptions.class, () -> fake);
    return fake;
  }

  void declare(String arn) {
    listeners.put(arn, new ArrayList<>());
    retained.put(arn, new ArrayList<>());
  }

  @Override
  public AutoCloseable subscribe(String streamArn, String startingPosition, Consumer<JsonNode> listener) {
    List<Consumer<JsonNode>> l = listeners.get(streamArn);
    if (l == null) {
      throw new IllegalArgumentException("Requested resource not found: Stream: " + streamArn + " not found");
    }
    if (startingPosition.equals("TRIM_HORIZON")) {
      retained.get(streamArn).forEach(listener);
    }
    l.add(listener);
    return () -> l.remove(listener);
  }

  /** Emits an INSERT record with a NewImage of string attributes (alternating names and values). */
  void insert(String... kv) {
    ObjectNode image = Json.object();
    for (int i = 0; i < kv.length; i += 2) {
      image.putObject(kv[i]).put(kv[i + 1].matches("-?\\d+") ? "N" : "S", kv[i + 1]);
    }
    ObjectNode record = Json.object();
    record.put("eventID", "e" + sequence);
    record.put("eventName", "INSERT");
    record.put("eventVersion", "1.1");
    record.put("eventSource", "aws:dynamodb");
    record.put("awsRegion", "us-east-1");
    ObjectNode ddb = record.putObject("dynamodb");
    ddb.put("ApproximateCreationDateTime", world.now().getEpochSecond());
    ddb.putObject("Keys").set("id", image.get("id"));
    ddb.set("NewImage", image);
    ddb.put("SequenceNumber", String.valueOf(sequence++));
    ddb.put("SizeBytes", 40);
    ddb.put("StreamViewType", "NEW_IMAGE");
    world.call(() -> {
      retained.get(STREAM).add(record);
      List.copyOf(listeners.get(STREAM)).forEach(l -> l.accept(record));
      return null;
    });
  }
}
