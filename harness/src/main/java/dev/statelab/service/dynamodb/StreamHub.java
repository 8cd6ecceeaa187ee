package dev.statelab.service.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.engine.World;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The world's {@link StreamSubscriptions}: each subscription keeps its place in its stream and,
 * after every committed write, a delivery runs on the world's loop handing it the records it has
 * not seen, in stream order.
 */
final class StreamHub implements StreamSubscriptions {

  private static final System.Logger LOG = System.getLogger(StreamHub.class.getName());

  private final World world;
  private final DynamoDbStore store;
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  StreamHub(World world, DynamoDbStore store) {
    this.world = world;
    this.store = store;
  }

  @Override
  public AutoCloseable subscribe(String streamArn, String startingPosition, Consumer<JsonNode> listener) {
    Objects.requireNonNull(listener, "listener");
    int start;
    try {
      start = store.subscriptionStart(streamArn, startingPosition);
    } catch (DynamoDbException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    Subscription s = new Subscription(streamArn, start, listener);
    subscriptions.add(s);
    if (start < store.recordCount(streamArn)) {
      recordsWritten();
    }
    return () -> {
      s.closed = true;
      subscriptions.remove(s);
    };
  }

  /** Called after a write has committed (outside the store's lock): schedules a delivery. */
  void recordsWritten() {
    if (!subscriptions.isEmpty() && scheduled.compareAndSet(false, true)) {
      world.schedule(Duration.ZERO, this::deliver);
    }
  }

  private void deliver() {
    scheduled.set(false);
    for (Subscription s : subscriptions) {
      List<ObjectNode> records = store.recordsFrom(s.streamArn, s.next);
      s.next += records.size();
      for (ObjectNode r : records) {
        if (s.closed) {
          break;
        }
        try {
          s.listener.accept(r.deepCopy());
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "A DynamoDB stream subscriber of " + s.streamArn + " failed", e);
        }
      }
    }
  }

  /** One follower of a stream and the index of the next record it gets. */
  private static final class Subscription {
    final String streamArn;
    final Consumer<JsonNode> listener;
    int next;
    volatile boolean closed;

    Subscription(String streamArn, int next, Consumer<JsonNode> listener) {
      this.streamArn = streamArn;
      this.next = next;
      this.listener = listener;
    }
  }
}
