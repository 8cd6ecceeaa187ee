package dev.statelab.service.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One stream of a table (a new one each time streams are enabled) with its single shard's
 * records. Mutated only under the {@link DynamoDbStore}'s lock.
 */
final class TableStream {

  /** The id of the stream's one shard. */
  static final String SHARD_ID = "shardId-00000001000000000000-00000001";

  final String arn;
  final String label;
  final String tableName;
  final KeySchema keys;
  final String viewType;
  final Instant created;
  final String firstSequenceNumber;
  final List<StreamRecord> records = new ArrayList<>();
  boolean enabled = true;
  String lastSequenceNumber;

  TableStream(String arn, String label, String tableName, KeySchema keys, String viewType,
      Instant created, String firstSequenceNumber) {
    this.arn = arn;
    this.label = label;
    this.tableName = tableName;
    this.keys = keys;
    this.viewType = viewType;
    this.created = created;
    this.firstSequenceNumber = firstSequenceNumber;
  }

  /** How long records stay readable. */
  static final java.time.Duration RETENTION = java.time.Duration.ofHours(24);

  /** The index of the oldest record still retained at {@code now} (records.size() when none is). */
  int firstRetained(Instant now) {
    long oldest = now.minus(RETENTION).getEpochSecond();
    int i = 0;
    while (i < records.size() && records.get(i).json().at("/dynamodb/ApproximateCreationDateTime").asLong() < oldest) {
      i++;
    }
    return i;
  }

  /**
   * One stream record.
   *
   * @param sequenceNumber its sequence number (21 digits, increasing)
   * @param json the record as GetRecords returns it
   */
  record StreamRecord(String sequenceNumber, ObjectNode json) {}
}
