package dev.statelab.service.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

/**
 * Where in-process consumers (EventBridge Pipes, Lambda event source mappings, tests) follow a
 * table's DynamoDB stream without polling. The DynamoDB stand-in installs the world's instance as
 * a world component under this type.
 *
 * <pre>{@code
 * StreamSubscriptions streams = world.component(StreamSubscriptions.class, () -> null);
 * AutoCloseable sub = streams.subscribe(streamArn, "TRIM_HORIZON", record -> ...);
 * }</pre>
 */
public interface StreamSubscriptions {

  /**
   * Follows a stream: the listener is called on the world's loop with each record, in stream
   * order, in the shape of one element of GetRecords' {@code Records} (eventID, eventName,
   * eventVersion, eventSource, awsRegion, dynamodb{ApproximateCreationDateTime, Keys, NewImage,
   * OldImage, SequenceNumber, SizeBytes, StreamViewType}).
   *
   * @param streamArn the stream's ARN (a table's LatestStreamArn)
   * @param startingPosition {@code TRIM_HORIZON} (records still retained, then new ones) or
   *     {@code LATEST} (only records written after subscribing)
   * @param listener called once per record
   * @return closing it stops delivery
   * @throws IllegalArgumentException when no such stream exists (message in AWS's words)
   */
  AutoCloseable subscribe(String streamArn, String startingPosition, Consumer<JsonNode> listener);
}
