package dev.statelab.service.pipes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.engine.World;
import dev.statelab.json.Json;
import dev.statelab.service.dynamodb.StreamSubscriptions;
import dev.statelab.service.eventbridge.EventBridgeStore;
import dev.statelab.service.eventbridge.EventPattern;
import dev.statelab.service.eventbridge.InputShaping;
import dev.statelab.service.eventbridge.ServiceCalls;
import dev.statelab.service.lambda.InvocationType;
import dev.statelab.service.lambda.LambdaStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Runs one pipe: follows its DynamoDB stream through {@link StreamSubscriptions}, keeps the
 * records its FilterCriteria let through, batches them (BatchSize, default 100;
 * MaximumBatchingWindowInSeconds, default 0 = the records of one world step), bills each record
 * that passed the filters as pipe requests ({@link EventBridgeStore#PIPE_USAGE}, 64 KB chunks), enriches it (a Lambda function, synchronously), shapes it
 * (InputTemplate, applied to each record) and invokes the target with the batch as a JSON array.
 *
 * <p>While the pipe is stopped, records wait and are delivered when it starts again (as a pipe
 * resumes from its checkpoint). A failed enrichment or target call is recorded as a {@link
 * PipeFailure} and the batch is dropped; it is not retried.
 */
final class PipeRunner implements AutoCloseable {


  private final PipesStore store;
  private final World world;
  private final AutoCloseable subscription;
  private final List<JsonNode> parked = new ArrayList<>();
  private final List<JsonNode> batch = new ArrayList<>();
  private Pipe pipe;
  private List<EventPattern> filters;
  private boolean running;
  private World.Scheduled flushTimer;

  private PipeRunner(PipesStore store, Pipe pipe, StreamSubscriptions streams) {
    this.store = store;
    this.world = store.world();
    reconfigure(pipe);
    this.subscription = streams.subscribe(pipe.source(),
        pipe.streamParameters().path("StartingPosition").asText("LATEST"), this::onRecord);
  }

  /**
   * Subscribes a pipe to its stream.
   *
   * @throws IllegalStateException when the world has no DynamoDB stand-in
   * @throws IllegalArgumentException when the stream does not exist
   */
  static PipeRunner start(PipesStore store, Pipe pipe) {
    StreamSubscriptions streams = store.world().component(StreamSubscriptions.class, () -> null);
    if (streams == null) {
      throw new IllegalStateException("No DynamoDB stand-in is installed in this world; stream "
          + pipe.source() + " cannot be read.");
    }
    return new PipeRunner(store, pipe, streams);
  }

  /** Takes a new configuration (UpdatePipe). */
  void reconfigure(Pipe newPipe) {
    this.pipe = newPipe;
    List<EventPattern> compiled = new ArrayList<>();
    for (JsonNode f : newPipe.sourceParameters().path("FilterCriteria").path("Filters")) {
      compiled.add(EventPattern.compile(f.path("Pattern").asText()));
    }
    this.filters = List.copyOf(compiled);
  }

  /** Starts or stops delivery; starting delivers what arrived while stopped. */
  void setRunning(boolean run) {
    this.running = run;
    if (run && !parked.isEmpty()) {
      List<JsonNode> waiting = List.copyOf(parked);
      parked.clear();
      waiting.forEach(this::accept);
    }
  }

  private void onRecord(JsonNode record) {
    world.call(() -> {
      ObjectNode r = record.deepCopy();
      r.put("eventSourceARN", pipe.source());
      if (running) {
        accept(r);
      } else {
        parked.add(r);
      }
      return null;
    });
  }

  private void accept(JsonNode record) {
    if (!filters.isEmpty() && filters.stream().noneMatch(f -> f.matches(record))) {
      return;
    }
    batch.add(record);
    int size = pipe.streamParameters().path("BatchSize").asInt(100);
    if (batch.size() >= Math.max(1, size)) {
      flush();
    } else if (flushTimer == null) {
      long window = pipe.streamParameters().path("MaximumBatchingWindowInSeconds").asLong(0);
      flushTimer = world.schedule(Duration.ofSeconds(window), this::flush);
    }
  }

  private void flush() {
    if (flushTimer != null) {
      flushTimer.cancel();
      flushTimer = null;
    }
    if (batch.isEmpty()) {
      return;
    }
    ArrayNode records = Json.array();
    batch.forEach(records::add);
    batch.clear();
    Pipe current = pipe;
    EventBridgeStore events = EventBridgeStore.of(world);
    for (JsonNode r : records) { // billed per event that passed the filters, in 64 KB chunks
      events.recordUsage(EventBridgeStore.PIPE_USAGE, Json.write(r).getBytes(StandardCharsets.UTF_8).length,
          Map.of("pipe", current.name()));
    }
    enrich(current, records).whenComplete((enriched, thrown) -> world.call(() -> {
      if (thrown != null) {
        fail(current, "ENRICHMENT", thrown, records);
      } else {
        deliver(current, enriched).whenComplete((ok, t) -> {
          if (t != null) {
            world.call(() -> {
              fail(current, "TARGET", t, enriched);
              return null;
            });
          }
        });
      }
      return null;
    }));
  }

  private CompletionStage<JsonNode> enrich(Pipe p, ArrayNode records) {
    if (p.enrichment() == null) {
      return CompletableFuture.completedFuture(records);
    }
    LambdaStore lambda = LambdaStore.of(world);
    if (!lambda.exists(p.enrichment())) {
      return CompletableFuture.failedFuture(new StatesError("Lambda.ResourceNotFoundException",
          "Function not found: " + p.enrichment()));
    }
    return lambda.invoke(p.enrichment(), Json.write(records).getBytes(StandardCharsets.UTF_8),
        InvocationType.REQUEST_RESPONSE).thenApply(r -> {
          if (r.isFunctionError()) {
            throw new StatesError(r.functionError(), r.payloadText());
          }
          String text = r.payloadText();
          return text.isBlank() ? NullNode.getInstance() : Json.parse(text);
        });
  }

  private CompletionStage<?> deliver(Pipe p, JsonNode data) {
    JsonNode shaped = shape(p, data);
    if (p.target().contains(":event-bus/")) {
      return toBus(p, shaped);
    }
    ObjectNode params = Json.object();
    params.put("StateMachineArn", p.target());
    params.put("Input", Json.write(shaped));
    boolean sync = p.targetParameters().path("StepFunctionStateMachineParameters")
        .path("InvocationType").asText("REQUEST_RESPONSE").equals("REQUEST_RESPONSE");
    if (!sync) {
      return ServiceCalls.call(world, "sfn", "startExecution", params, p.arn());
    }
    return ServiceCalls.call(world, "sfn", "startSyncExecution", params, p.arn()).thenApply(out -> {
      String status = out.path("Status").asText();
      if (!status.equals("SUCCEEDED")) { // the synchronous invocation failed: the batch failed
        throw new StatesError(out.path("Error").asText("Execution" + status), out.path("Cause").asText(status));
      }
      return out;
    });
  }

  private CompletionStage<?> toBus(Pipe p, JsonNode shaped) {
    JsonNode busParams = p.targetParameters().path("EventBridgeEventBusParameters");
    EventBridgeStore events = EventBridgeStore.of(world);
    for (JsonNode item : shaped.isArray() ? shaped : Json.array().add(shaped)) {
      events.publish(p.target(), events.event(busParams.path("Source").asText("Pipe " + p.name()),
          busParams.path("DetailType").asText("Event from aws:dynamodb"), busParams.path("Resources"),
          item, world.now()));
    }
    return CompletableFuture.completedFuture(null);
  }

  /** Applies the InputTemplate to each record (or to the enrichment's non-array answer). */
  private JsonNode shape(Pipe p, JsonNode data) {
    JsonNode template = p.targetParameters().get("InputTemplate");
    if (template == null || !template.isTextual()) {
      return data;
    }
    if (!data.isArray()) {
      return fill(p, template.asText(), data);
    }
    ArrayNode out = Json.array();
    data.forEach(item -> out.add(fill(p, template.asText(), item)));
    return out;
  }

  private JsonNode fill(Pipe p, String template, JsonNode item) {
    String text = InputShaping.fillTemplate(template, name -> {
      if (name.startsWith("$")) {
        JsonNode v = InputShaping.select(item, name);
        return Optional.of(v == null ? NullNode.getInstance() : v);
      }
      return Optional.ofNullable(switch (name) {
        case "aws.pipes.pipe-arn" -> Json.text(p.arn());
        case "aws.pipes.pipe-name" -> Json.text(p.name());
        case "aws.pipes.source-arn" -> Json.text(p.source());
        case "aws.pipes.enrichment-arn" -> p.enrichment() == null ? null : Json.text(p.enrichment());
        case "aws.pipes.target-arn" -> Json.text(p.target());
        case "aws.pipes.event.ingestion-time" -> Json.text(world.now().toString());
        case "aws.pipes.event", "aws.pipes.event.json" -> item;
        default -> null;
      });
    });
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      return Json.text(text);
    }
  }

  private void fail(Pipe p, String stage, Throwable thrown, JsonNode data) {
    ServiceCalls.Failure failure = ServiceCalls.failure(thrown);
    store.recordFailure(new PipeFailure(p.name(), stage, failure.error(), failure.cause(), data, world.now()));
  }

  @Override
  public void close() {
    if (flushTimer != null) {
      flushTimer.cancel();
      flushTimer = null;
    }
    try {
      subscription.close();
    } catch (Exception e) {
      // the stream is gone already; nothing more to stop
    }
  }
}
