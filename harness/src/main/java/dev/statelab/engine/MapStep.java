package dev.statelab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.errors.ErrorNames;
import dev.statelab.asl.errors.ErrorOutput;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.asl.model.Io;
import dev.statelab.asl.model.State;
import dev.statelab.asl.model.ValueSource;
import dev.statelab.asl.query.PathNotFoundException;
import dev.statelab.asl.query.UndefinedVariableException;
import dev.statelab.json.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a Map state: its iterations are child frames on the same event loop, MaxConcurrency is a
 * counter, and tolerated failures are counted, not caught. Distributed mode runs the same way,
 * reporting a Map Run instead of per-iteration events, with children that see no outer variables.
 */
final class MapStep implements MapRun {

  /** How many iterations inline Map runs at once when MaxConcurrency is 0. */
  static final int INLINE_CONCURRENCY = 40;

  /** How many child workflows a distributed Map runs at once when MaxConcurrency is 0. */
  static final int DISTRIBUTED_CONCURRENCY = 10_000;

  private final Frame frame;
  private final State.Map state;
  private final JsonNode effective;
  private final List<JsonNode> items;
  private int concurrency;
  private BigDecimal toleratedPercentage;
  private Long toleratedCount;
  private final ArrayNode results;
  private final Map<Integer, Frame> running = new HashMap<>();
  private final List<ChildExecution> children = new ArrayList<>();
  private int nextIndex;
  private int completed;
  private final boolean[] succeededAt;
  /** Items each child processes: 1, or the size of its batch when an ItemBatcher is set. */
  private final int[] itemsPerChild;
  private int failedItems;
  private int failures;
  private boolean failed;
  private String mapRunArn;
  private long startMillis;
  private long stopMillis = -1;
  private String runStatus = "RUNNING";

  private MapStep(Frame frame, State.Map state, JsonNode effective, List<JsonNode> items, int concurrency,
      BigDecimal toleratedPercentage, Long toleratedCount) {
    this.frame = frame;
    this.state = state;
    this.effective = effective;
    this.items = items;
    this.concurrency = concurrency;
    this.toleratedPercentage = toleratedPercentage;
    this.toleratedCount = toleratedCount;
    this.results = frame.newArray(items.size());
    this.succeededAt = new boolean[items.size()];
    this.itemsPerChild = new int[items.size()];
    for (int i = 0; i < items.size(); i++) {
      JsonNode batch = items.get(i).get("Items");
      itemsPerChild[i] = state.itemBatcher() != null && batch != null && batch.isArray() ? batch.size() : 1;
    }
  }

  static void begin(Frame f, State.Map s) {
    boolean jsonata = s.common().io() instanceof Io.JsonataIo;
    JsonNode effective = jsonata ? f.rawInput : f.select(((Io.JsonPathIo) s.common().io()).inputPath(), f.rawInput);
    JsonNode itemsNode = items(f, s, effective, jsonata);
    int concurrency = concurrency(f, s, effective);
    f.emit("MapStateStarted", started(itemsNode.size()));
    start(f, s, effective, itemsNode, concurrency);
  }

  static void retry(Frame f, State.Map s) {
    MapStep previous = f.map;
    for (Frame child : f.children) {
      child.close();
    }
    f.children.clear();
    ArrayNode items = Json.array();
    previous.items.forEach(items::add);
    f.emit("MapStateStarted", started(items.size()));
    start(f, s, previous.effective, items, previous.concurrency);
  }

  private static ObjectNode started(int length) {
    ObjectNode d = Json.object();
    d.put("length", length);
    return d;
  }

  private static void start(Frame f, State.Map s, JsonNode effective, JsonNode itemsNode, int concurrency) {
    BigDecimal percentage = tolerance(f, s.toleratedFailurePercentage(), effective, true);
    if (percentage != null && (percentage.signum() < 0 || percentage.compareTo(BigDecimal.valueOf(100)) > 0)) {
      throw StatesError.runtime("ToleratedFailurePercentage must be between 0 and 100.");
    }
    BigDecimal count = tolerance(f, s.toleratedFailureCount(), effective, false);
    if (count != null && count.signum() < 0) {
      throw StatesError.runtime("ToleratedFailureCount must be greater than or equal to 0.");
    }
    List<JsonNode> items = new ArrayList<>();
    itemsNode.forEach(items::add);
    if (s.distributed()) {
      items = batch(f, s, items, effective);
    }
    MapStep step = new MapStep(f, s, effective, items, concurrency, percentage, count == null ? null : count.longValue());
    MapStep before = f.redrivenMap;
    f.redrivenMap = null;
    if (before != null && before.state == s && before.items.size() == items.size() && !s.distributed()) {
      // A redrive runs only the iterations that did not succeed; the others keep their output.
      for (int i = 0; i < items.size(); i++) {
        if (before.succeededAt[i]) {
          step.succeededAt[i] = true;
          step.results.set(i, before.results.get(i));
          step.completed++;
        }
      }
    }
    f.map = step;
    step.run();
  }

  private static JsonNode items(Frame f, State.Map s, JsonNode effective, boolean jsonata) {
    if (s.itemReader() != null) {
      return ItemReading.read(f, s.itemReader(), effective, jsonata);
    }
    JsonNode items;
    if (jsonata) {
      if (s.items() != null) {
        items = s.items().evaluate(f.bindings(null, null), dev.statelab.asl.jsonata.ExpectedType.ARRAY);
      } else {
        items = effective;
        if (!items.isArray()) {
          throw new StatesError(
              ErrorNames.QUERY_EVALUATION_ERROR, "Map state input must be an array but was: " + Json.write(items));
        }
      }
      return items;
    }
    if (s.itemsPath() == null) {
      items = effective;
    } else {
      try {
        items = s.itemsPath().evaluate(f.scope(effective));
      } catch (PathNotFoundException | UndefinedVariableException e) {
        throw StatesError.runtime("Invalid path '" + s.itemsPath().text() + "' : " + e.getMessage());
      }
    }
    if (!items.isArray()) {
      String path = s.itemsPath() == null ? "$" : s.itemsPath().text();
      throw StatesError.runtime("Reference path \"" + path + "\" must point to array.");
    }
    return items;
  }

  private static int concurrency(Frame f, State.Map s, JsonNode effective) {
    ValueSource source = s.maxConcurrency();
    int value = 0;
    if (source != null) {
      if (source.literal() != null) {
        value = source.literal().asInt();
      } else if (source.expression() != null) {
        JsonNode v = f.jsonataTyped(source.expression(), "integer", n -> States.integerValue(n) != null && n.isNumber());
        value = States.integerValue(v);
        if (value < 0) {
          throw StatesError.runtime("MaxConcurrency must be greater than or equal to 0.");
        }
      } else {
        JsonNode v = States.readPath(f, source, effective);
        Integer parsed = States.integerValue(v);
        if (parsed == null || parsed < 0) {
          throw StatesError.runtime(
              "The MaxConcurrencyPath field refers to value \"" + (v.isTextual() ? v.asText() : Json.write(v))
                  + "\" which is not a valid integer: " + source.path().text());
        }
        value = parsed;
      }
    }
    if (value == 0) {
      return s.distributed() ? DISTRIBUTED_CONCURRENCY : INLINE_CONCURRENCY;
    }
    return value;
  }

  private static BigDecimal tolerance(Frame f, ValueSource source, JsonNode effective, boolean percentage) {
    if (source == null) {
      return null;
    }
    if (source.literal() != null) {
      return source.literal().decimalValue();
    }
    String field = percentage ? "ToleratedFailurePercentage" : "ToleratedFailureCount";
    if (source.expression() != null) {
      return f.jsonataTyped(source.expression(), "number", JsonNode::isNumber).decimalValue();
    }
    JsonNode v = States.readPath(f, source, effective);
    BigDecimal number = null;
    if (v.isNumber()) {
      number = v.decimalValue();
    } else if (v.isTextual()) {
      try {
        number = new BigDecimal(v.asText().trim());
      } catch (NumberFormatException e) {
        number = null;
      }
    }
    if (number == null || (!percentage && number.stripTrailingZeros().scale() > 0)) {
      throw StatesError.runtime(
          "The " + source.pathField() + " field refers to value \"" + (v.isTextual() ? v.asText() : Json.write(v))
              + "\" which is not a valid " + (percentage ? "float" : "integer") + ": " + source.path().text());
    }
    return number;
  }

  /** Groups items for ItemBatcher: each child gets {@code {"Items": [...], "BatchInput": ...}}. */
  private static List<JsonNode> batch(Frame f, State.Map s, List<JsonNode> items, JsonNode effective) {
    JsonNode batcher = s.itemBatcher();
    if (batcher == null) {
      return items;
    }
    int maxItems = Integer.MAX_VALUE;
    if (batcher.has("MaxItemsPerBatch")) {
      maxItems = batcher.get("MaxItemsPerBatch").asInt();
    } else if (batcher.has("MaxItemsPerBatchPath")) {
      maxItems = dev.statelab.asl.query.Path.compile(batcher.get("MaxItemsPerBatchPath").asText())
          .evaluate(f.scope(f.rawInput)).asInt(Integer.MAX_VALUE);
    }
    long maxBytes = batcher.has("MaxInputBytesPerBatch") ? batcher.get("MaxInputBytesPerBatch").asLong() : 262_144L;
    JsonNode batchInput = batcher.get("BatchInput");
    if (batchInput != null && batchInput.isObject()) {
      // BatchInput is a payload template like Parameters ("key.$" paths, or JSONata Arguments-style).
      batchInput = ItemReading.arguments(f, Json.object().set(
          s.common().io() instanceof Io.JsonataIo ? "Arguments" : "Parameters", batchInput), effective,
          s.common().io() instanceof Io.JsonataIo, "ItemBatcher/BatchInput");
    }
    List<JsonNode> batches = new ArrayList<>();
    ArrayNode current = Json.array();
    long bytes = 0;
    for (JsonNode item : items) {
      int size = Json.byteSize(item);
      if (current.size() > 0 && (current.size() >= maxItems || bytes + size > maxBytes)) {
        batches.add(batchOf(current, batchInput));
        current = Json.array();
        bytes = 0;
      }
      current.add(item);
      bytes += size;
    }
    if (current.size() > 0) {
      batches.add(batchOf(current, batchInput));
    }
    return batches;
  }

  private static JsonNode batchOf(ArrayNode items, JsonNode batchInput) {
    ObjectNode batch = Json.object();
    if (batchInput != null) {
      batch.set("BatchInput", batchInput);
    }
    batch.set("Items", items);
    return batch;
  }

  private void run() {
    if (state.distributed()) {
      String label = state.label() != null ? state.label() : frame.run.world.random().uuid().substring(0, 8);
      mapRunArn = "arn:aws:states:" + frame.run.world.options().region() + ":" + frame.run.world.options().accountId()
          + ":mapRun:" + frame.run.stateMachineName() + "/" + label + ":" + frame.run.world.random().uuid();
      ObjectNode d = Json.object();
      d.put("mapRunArn", mapRunArn);
      frame.emit("MapRunStarted", d);
      startMillis = frame.loop.now();
      frame.run.world.mapRunStarted(this);
    }
    if (completed == items.size()) {
      done();
      return;
    }
    fill();
  }

  private void fill() {
    while (!failed && nextIndex < items.size() && running.size() < concurrency) {
      int index = nextIndex++;
      if (succeededAt[index]) {
        continue;
      }
      try {
        launch(index);
      } catch (StatesError e) {
        // An ItemSelector failing for a later item fails the Map state, not the finished iteration.
        failed = true;
        running.values().forEach(Frame::close);
        running.clear();
        frame.evaluationFailed(e);
        return;
      }
    }
  }

  private void launch(int index) {
    JsonNode item = items.get(index);
    ObjectNode mapContext = Json.object();
    ObjectNode itemContext = Json.object();
    itemContext.put("Index", index);
    itemContext.set("Value", item);
    mapContext.set("Item", itemContext);
    JsonNode input = item;
    if (state.itemSelectorJsonata() != null || state.itemSelector() != null) {
      frame.addContext("Map", mapContext);
      try {
        input = state.itemSelectorJsonata() != null
            ? state.itemSelectorJsonata().evaluate(frame.bindings(null, null))
            : state.itemSelector().evaluate(frame.scope(effective));
      } finally {
        frame.addContext("Map", null);
      }
    }
    if (!state.distributed()) {
      frame.emit("MapIterationStarted", iteration(index));
    }
    Frame.Listener listener = new Frame.Listener() {
      @Override
      public void succeeded(Frame c, JsonNode output) {
        iterationSucceeded(c, index, output);
      }

      @Override
      public void failed(Frame c, StatesError error) {
        iterationFailed(c, index, error);
      }
    };
    Frame child;
    if (state.distributed()) {
      ChildExecution execution = childExecution(input);
      children.add(execution);
      child = frame.spawnChildExecution(state.processor(), execution, listener);
    } else {
      child = frame.spawn(state.processor(), frame.vars.child(), mapContext, listener);
    }
    running.put(index, child);
    JsonNode childInput = input;
    frame.loop.submit(() -> {
      if (!failed && !frame.isClosed() && running.containsKey(index)) {
        child.start(state.processor().startAt(), childInput);
      }
    });
  }

  private ChildExecution childExecution(JsonNode input) {
    String name = frame.run.world.random().uuid();
    String label = mapRunArn.substring(mapRunArn.indexOf(":mapRun:") + 8, mapRunArn.lastIndexOf(':'));
    String prefix = "arn:aws:states:" + frame.run.world.options().region() + ":" + frame.run.world.options().accountId() + ":";
    ExecutionType type = "EXPRESS".equals(state.childExecutionType()) ? ExecutionType.EXPRESS : ExecutionType.STANDARD;
    String arn = prefix + (type == ExecutionType.EXPRESS ? "express:" : "execution:") + label + ":" + name;
    return new ChildExecution(mapRunArn, arn, name, prefix + "stateMachine:" + label, frame.run.stateMachine(),
        type, input, frame.loop.now());
  }

  @Override
  public List<Execution> children() {
    return List.copyOf(children);
  }

  private void endRun(String status) {
    runStatus = status;
    stopMillis = frame.loop.now();
    frame.run.world.mapRunEnded(this);
  }

  @Override
  public String arn() {
    return mapRunArn;
  }

  @Override
  public String executionArn() {
    return frame.run.arn();
  }

  @Override
  public String status() {
    return runStatus;
  }

  @Override
  public java.time.Instant startDate() {
    return java.time.Instant.ofEpochMilli(startMillis);
  }

  @Override
  public java.time.Instant stopDate() {
    return stopMillis < 0 ? null : java.time.Instant.ofEpochMilli(stopMillis);
  }

  @Override
  public int maxConcurrency() {
    return concurrency;
  }

  @Override
  public double toleratedFailurePercentage() {
    return toleratedPercentage == null ? 0 : toleratedPercentage.doubleValue();
  }

  @Override
  public long toleratedFailureCount() {
    return toleratedCount == null ? 0 : toleratedCount;
  }

  @Override
  public int total() {
    return items.size();
  }

  @Override
  public int succeeded() {
    return completed - failures;
  }

  @Override
  public int failed() {
    return failures;
  }

  @Override
  public int running() {
    return running.size();
  }

  @Override
  public int itemTotal() {
    return java.util.Arrays.stream(itemsPerChild).sum();
  }

  @Override
  public int itemSucceeded() {
    int n = 0;
    for (int i = 0; i < succeededAt.length; i++) {
      n += succeededAt[i] ? itemsPerChild[i] : 0;
    }
    return n;
  }

  @Override
  public int itemFailed() {
    return failedItems;
  }

  @Override
  public int itemRunning() {
    return running.keySet().stream().mapToInt(i -> itemsPerChild[i]).sum();
  }

  @Override
  public void update(Integer maxConcurrency, Double toleratedFailurePercentage, Long toleratedFailureCount) {
    if (maxConcurrency != null) {
      concurrency = maxConcurrency == 0 ? DISTRIBUTED_CONCURRENCY : maxConcurrency;
    }
    if (toleratedFailurePercentage != null) {
      toleratedPercentage = BigDecimal.valueOf(toleratedFailurePercentage);
    }
    if (toleratedFailureCount != null) {
      toleratedCount = toleratedFailureCount;
    }
    if ("RUNNING".equals(runStatus) && !failed) {
      fill();
    }
  }

  private ObjectNode iteration(int index) {
    ObjectNode d = Json.object();
    d.put("index", index);
    d.put("name", state.name());
    return d;
  }

  private void iterationSucceeded(Frame child, int index, JsonNode output) {
    child.childExecutionEnded(ExecutionStatus.SUCCEEDED, output, null, null);
    if (failed || frame.isClosed()) {
      return;
    }
    running.remove(index);
    results.set(index, output);
    succeededAt[index] = true;
    frame.follow(child);
    if (!state.distributed()) {
      frame.emit("MapIterationSucceeded", iteration(index));
    }
    completed++;
    next();
  }

  private void iterationFailed(Frame child, int index, StatesError error) {
    child.childExecutionEnded(ExecutionStatus.FAILED, null, error.error(), error.cause());
    if (failed || frame.isClosed()) {
      return;
    }
    running.remove(index);
    frame.follow(child);
    if (!state.distributed()) {
      frame.emit("MapIterationFailed", iteration(index));
    }
    failures++;
    failedItems += itemsPerChild[index];
    completed++;
    results.set(index, new ErrorOutput(error.error(), error.cause()).toJson());
    if (withinTolerance()) {
      next();
      return;
    }
    failed = true;
    for (Map.Entry<Integer, Frame> e : running.entrySet()) {
      e.getValue().close();
      if (!state.distributed()) {
        frame.emit("MapIterationAborted", iteration(e.getKey()));
      }
    }
    running.clear();
    StatesError reported = error;
    if (state.distributed() || toleratedPercentage != null || toleratedCount != null) {
      reported = new StatesError(
          ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD, "The specified tolerated failure threshold was exceeded");
    }
    if (state.distributed()) {
      if (state.resultWriter() != null) {
        try {
          writeResults();
        } catch (StatesError writerFailure) {
          // The Map fails with the iterations' error either way; AWS reports that one.
        }
      }
      runFailed(reported);
    }
    frame.stateFailed(reported);
  }

  private void runFailed(StatesError reported) {
    ObjectNode d = Json.object();
    d.put("error", reported.error());
    d.put("cause", reported.cause());
    frame.emit("MapRunFailed", d);
    endRun("FAILED");
  }

  private JsonNode writeResults() {
    boolean jsonata = state.common().io() instanceof Io.JsonataIo;
    return ResultWriting.write(frame, state.resultWriter(), effective, jsonata, mapRunArn, children, results);
  }

  private boolean withinTolerance() {
    if (toleratedCount != null && failures <= toleratedCount) {
      return true;
    }
    if (toleratedPercentage != null && !items.isEmpty()) {
      BigDecimal failedPercent = BigDecimal.valueOf(failures * 100.0 / items.size());
      return failedPercent.compareTo(toleratedPercentage) <= 0;
    }
    return false;
  }

  private void next() {
    if (completed == items.size()) {
      done();
    } else {
      fill();
    }
  }

  private void done() {
    JsonNode result = results;
    if (state.distributed()) {
      if (state.resultWriter() != null) {
        try {
          result = writeResults();
        } catch (StatesError e) {
          runFailed(e);
          frame.stateFailed(e);
          return;
        }
      }
      frame.emit("MapRunSucceeded", null);
      endRun("SUCCEEDED");
    }
    frame.emit("MapStateSucceeded", null);
    frame.exitWithResult(result);
  }
}
