package dev.statelab.service.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.cost.Services;
import dev.statelab.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The DynamoDB Streams API over a {@link DynamoDbStore}: ListStreams, DescribeStream,
 * GetShardIterator and GetRecords on each stream's single shard. Shard iterators expire after 15
 * minutes of world time, as AWS's do.
 */
public final class StreamOperations {

  /** The usage type of a GetRecords call, as the price catalogue names it. */
  public static final String STREAM_READ_USAGE = "Streams-RequestsCount";

  private static final Duration ITERATOR_LIFETIME = Duration.ofMinutes(15);
  private static final int MAX_RECORDS = 1000;

  private final DynamoDbStore store;

  StreamOperations(DynamoDbStore store) {
    this.store = store;
  }

  /** ListStreams, optionally of one table, paged by ExclusiveStartStreamArn and Limit. */
  public ObjectNode listStreams(JsonNode body) {
    int limit = body.path("Limit").asInt(100);
    if (limit < 1 || limit > 100) {
      throw DynamoDbException.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to"
          + " satisfy constraint: Member must have value less than or equal to 100");
    }
    String table = body.path("TableName").asText(null);
    String after = body.path("ExclusiveStartStreamArn").asText(null);
    return store.read(() -> {
      if (table != null) {
        store.table(Json.text(table));
      }
      List<TableStream> all = store.allStreams().stream()
          .filter(s -> table == null || s.tableName.equals(table)).toList();
      int from = 0;
      if (after != null) {
        from = all.indexOf(store.stream(after)) + 1;
      }
      ObjectNode out = Json.object();
      ArrayNode list = out.putArray("Streams");
      int end = Math.min(all.size(), from + limit);
      for (TableStream s : all.subList(Math.min(from, all.size()), end)) {
        list.addObject().put("StreamArn", s.arn).put("TableName", s.tableName).put("StreamLabel", s.label);
      }
      if (end < all.size()) {
        out.put("LastEvaluatedStreamArn", all.get(end - 1).arn);
      }
      return out;
    });
  }

  /** DescribeStream. */
  public ObjectNode describeStream(JsonNode body) {
    return store.read(() -> {
      TableStream s = store.stream(body.path("StreamArn").asText(null));
      ObjectNode d = Json.object();
      d.put("StreamArn", s.arn);
      d.put("StreamLabel", s.label);
      d.put("StreamStatus", s.enabled ? "ENABLED" : "DISABLED");
      d.put("StreamViewType", s.viewType);
      d.put("CreationRequestDateTime", DynamoDbStore.epochSeconds(s.created));
      d.put("TableName", s.tableName);
      d.set("KeySchema", s.keys.toJson());
      ObjectNode shard = d.putArray("Shards").addObject();
      shard.put("ShardId", TableStream.SHARD_ID);
      ObjectNode range = shard.putObject("SequenceNumberRange");
      range.put("StartingSequenceNumber", s.firstSequenceNumber);
      if (!s.enabled && s.lastSequenceNumber != null) {
        range.put("EndingSequenceNumber", s.lastSequenceNumber);
      }
      ObjectNode out = Json.object();
      out.set("StreamDescription", d);
      return out;
    });
  }

  /** GetShardIterator: TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER. */
  public ObjectNode getShardIterator(JsonNode body) {
    return store.read(() -> {
      TableStream s = store.stream(body.path("StreamArn").asText(null));
      if (!TableStream.SHARD_ID.equals(body.path("ShardId").asText(null))) {
        throw DynamoDbException.of("ResourceNotFoundException", "Requested resource not found: Shard does not exist");
      }
      String type = body.path("ShardIteratorType").asText("");
      String seq = body.path("SequenceNumber").asText(null);
      int position = switch (type) {
        case "TRIM_HORIZON" -> s.firstRetained(store.world().now());
        case "LATEST" -> s.records.size();
        case "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER" -> {
          int at = sequencePosition(s, seq, type.startsWith("AFTER"));
          checkRetained(s, at);
          yield at;
        }
        default -> throw DynamoDbException.validation("1 validation error detected: Value '" + type + "' at"
            + " 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set:"
            + " [AFTER_SEQUENCE_NUMBER, LATEST, AT_SEQUENCE_NUMBER, TRIM_HORIZON]");
      };
      ObjectNode out = Json.object();
      out.put("ShardIterator", iterator(s, position));
      return out;
    });
  }

  private static int sequencePosition(TableStream s, String seq, boolean after) {
    if (seq == null || !seq.matches("\\d{21,40}")) {
      throw DynamoDbException.validation("Invalid SequenceNumber for " + (after ? "AFTER" : "AT")
          + "_SEQUENCE_NUMBER: " + seq);
    }
    for (int i = 0; i < s.records.size(); i++) {
      String have = s.records.get(i).sequenceNumber();
      if (have.equals(seq)) {
        return after ? i + 1 : i;
      }
    }
    throw DynamoDbException.validation("Invalid SequenceNumber: " + seq + " is not a sequence number of shard "
        + TableStream.SHARD_ID);
  }

  /** GetRecords: up to Limit (1,000) records from the iterator's position, and the next iterator. */
  public ObjectNode getRecords(JsonNode body) {
    int limit = body.path("Limit").asInt(MAX_RECORDS);
    if (limit < 1 || limit > MAX_RECORDS) {
      throw DynamoDbException.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to"
          + " satisfy constraint: Member must have value " + (limit < 1 ? "greater than or equal to 1"
              : "less than or equal to 1000"));
    }
    String iterator = body.path("ShardIterator").asText(null);
    return store.read(() -> {
      Position p = parse(iterator);
      TableStream s = store.stream(p.streamArn());
      if (store.world().now().toEpochMilli() - p.issuedMillis() > ITERATOR_LIFETIME.toMillis()) {
        throw DynamoDbException.of("ExpiredIteratorException", "Iterator expired. The iterator was created at time "
            + p.issuedMillis() + " while right now it is " + store.world().now().toEpochMilli()
            + " which is further in the future than the tolerated delay of " + ITERATOR_LIFETIME.toMillis()
            + " milliseconds.");
      }
      checkRetained(s, p.index());
      int from = Math.min(p.index(), s.records.size());
      int to = Math.min(s.records.size(), from + limit);
      ObjectNode out = Json.object();
      ArrayNode records = out.putArray("Records");
      s.records.subList(from, to).forEach(r -> records.add(r.json()));
      if (s.enabled || to < s.records.size()) {
        out.put("NextShardIterator", iterator(s, to));
      }
      store.ledger().record(Services.DYNAMODB, STREAM_READ_USAGE, 1, "Requests", Map.of("table", s.tableName));
      return out;
    });
  }

  private void checkRetained(TableStream s, int index) {
    if (index < s.firstRetained(store.world().now())) {
      throw DynamoDbException.of("TrimmedDataAccessException", "The operation attempted to read past the oldest"
          + " stream record in a shard. Records older than 24 hours have been trimmed.");
    }
  }

  /** Where an iterator points. */
  private record Position(String streamArn, int index, long issuedMillis) {}

  private String iterator(TableStream s, int position) {
    String state = position + ":" + store.world().now().toEpochMilli();
    return s.arn + "|1|" + Base64.getEncoder().encodeToString(state.getBytes(StandardCharsets.UTF_8));
  }

  private static Position parse(String iterator) {
    if (iterator != null) {
      int bar = iterator.lastIndexOf("|1|");
      if (bar > 0) {
        try {
          String state = new String(Base64.getDecoder().decode(iterator.substring(bar + 3)), StandardCharsets.UTF_8);
          int colon = state.indexOf(':');
          return new Position(iterator.substring(0, bar), Integer.parseInt(state.substring(0, colon)),
              Long.parseLong(state.substring(colon + 1)));
        } catch (RuntimeException e) {
          // falls through to the validation error
        }
      }
    }
    throw DynamoDbException.validation("Invalid ShardIterator: " + iterator);
  }
}
