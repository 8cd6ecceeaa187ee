package dev.statelab.service.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.InvalidDefinitionException;
import dev.statelab.asl.StateMachine;
import dev.statelab.cost.ExpressBilling;
import dev.statelab.cost.ExpressMemoryModel;
import dev.statelab.cost.StepFunctionsMetering;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionRequest;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.ExecutionType;
import dev.statelab.engine.MapRun;
import dev.statelab.engine.TaskTokenException;
import dev.statelab.engine.World;
import dev.statelab.gateway.AwsResponse;
import dev.statelab.history.HistoryEvent;
import dev.statelab.json.Json;
import dev.statelab.mock.MockConfigException;
import dev.statelab.mock.Mocking;
import dev.statelab.service.sfn.MachineEntry.Alias;
import dev.statelab.service.sfn.MachineEntry.Route;
import dev.statelab.service.sfn.MachineEntry.Version;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Executions: start (async and sync), describe, stop, list, history, redrive, task tokens and
 * Map Runs. Starts run on the world's thread (inside {@link World#call}), so the name check, the
 * alias pick and the start are one atomic step.
 */
final class ExecutionOperations {

  static final int MAX_PAYLOAD = 262_144;
  static final List<String> STATUSES =
      List.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE");
  static final List<String> REDRIVE_FILTERS = List.of("REDRIVEN", "NOT_REDRIVEN");

  private final World world;
  private final SfnStore store;
  private final Map<String, Instant> redriveTokens = new ConcurrentHashMap<>();

  ExecutionOperations(World world, SfnStore store) {
    this.world = world;
    this.store = store;
  }

  /** What a start resolved to: the execution and, for a repeat, that it was already there. */
  private record Started(Execution execution, MachineEntry machine) {}

  // ------------------------------------------------------------------ start

  ObjectNode start(Params p) {
    Started started = begin(p, false);
    ObjectNode out = Json.object();
    out.put("executionArn", started.execution().arn());
    Wire.putTime(out, "startDate", started.execution().startDate());
    return out;
  }

  /** Starts an execution for a Task state ({@code states:startExecution}) and returns it. */
  Execution startForTask(Params p) {
    return begin(p, false).execution();
  }

  CompletionStage<AwsResponse> startSync(Params p) {
    String traceHeader = p.string("traceHeader", 0, 256);
    boolean metadataOnly = "METADATA_ONLY".equals(
        p.enumValue("includedData", MachineOperations.INCLUDED_DATA));
    Started started = begin(p, true);
    String machineArn = started.machine().arn;
    if (!world.isDriven() && world.options().clockMode() == ClockMode.VIRTUAL) {
      // A time-locked world (a test owns the clock): nothing else would move time while the
      // caller waits, so a synchronous start runs the world until its execution has ended.
      world.runUntil(() -> started.execution().completion().toCompletableFuture().isDone());
    }
    return started.execution().completion()
        .thenApply(e -> AwsResponse.ok(syncResult(e, machineArn, traceHeader, metadataOnly)));
  }

  private ObjectNode syncResult(Execution e, String machineArn, String traceHeader,
      boolean metadataOnly) {
    ObjectNode out = Json.object();
    out.put("executionArn", e.arn());
    out.put("stateMachineArn", machineArn);
    out.put("name", e.name());
    Wire.putTime(out, "startDate", e.startDate());
    Wire.putTime(out, "stopDate", e.stopDate());
    out.put("status", e.status().name());
    Wire.putIfPresent(out, "error", e.error());
    Wire.putIfPresent(out, "cause", e.cause());
    if (!metadataOnly) {
      Wire.putPayload(out, "input", e.input());
    }
    out.set("inputDetails", Wire.included(!metadataOnly));
    if (e.status() == ExecutionStatus.SUCCEEDED) {
      if (!metadataOnly) {
        Wire.putPayload(out, "output", e.output());
      }
      out.set("outputDetails", Wire.included(!metadataOnly));
    }
    Wire.putIfPresent(out, "traceHeader", traceHeader);
    ObjectNode billing = out.putObject("billingDetails");
    ExpressBilling billed = billing(e);
    billing.put("billedMemoryUsedInMB", billed.billedMemoryMb());
    billing.put("billedDurationInMilliseconds", billed.billedDurationMillis());
    return out;
  }

  /**
   * What AWS bills this Express execution: duration rounded up to 100 ms, memory in 64 MB chunks,
   * from the world's metering (and its memory model) when installed, else the AWS formula; the
   * same figures the usage ledger and the cost model use.
   */
  private ExpressBilling billing(Execution e) {
    StepFunctionsMetering meter = world.component(StepFunctionsMetering.class, () -> null);
    if (meter != null) {
      ExpressBilling metered = meter.expressBilling(e.arn());
      return metered != null ? metered : meter.billingOf(e);
    }
    long millis = Math.max(0, Duration.between(e.startDate(), e.stopDate()).toMillis());
    return ExpressBilling.of(millis, ExpressMemoryModel.awsFormula().usedMb(e));
  }

  private Started begin(Params p, boolean sync) {
    String requested = p.required("stateMachineArn", 256);
    int hash = requested.indexOf('#');
    String arn = hash < 0 ? requested : requested.substring(0, hash);
    String testCase = hash < 0 ? null : requested.substring(hash + 1);
    String name = p.string("name", 80);
    if (name != null) {
      Arns.requireValidName(name);
    }
    String inputText = p.string("input", 0, MAX_PAYLOAD);
    p.string("traceHeader", 0, 256);
    JsonNode input = input(inputText);
    Arns.MachineArn parsed = store.arns.machine(arn);
    if (parsed.name().contains("/")) {
      throw SfnErrors.validation("Cannot start an execution of a Distributed Map state: '"
          + arn + "'");
    }
    return world.call(() -> {
      synchronized (store.lock) {
        MachineEntry entry = store.machine(parsed.unqualified());
        if (entry == null) {
          throw SfnErrors.stateMachineDoesNotExist(arn);
        }
        if (entry.deleting) {
          throw SfnErrors.stateMachineDeleting(arn);
        }
        if (sync && entry.type != ExecutionType.EXPRESS) {
          throw SfnErrors.typeNotSupported();
        }
        Revision revision = entry.revision;
        String versionArn = null;
        String aliasArn = null;
        if (parsed.qualifier() == Arns.Qualifier.VERSION) {
          Version version = entry.versions.get(Long.parseLong(parsed.qualifierValue()));
          if (version == null) {
            throw SfnErrors.stateMachineDoesNotExist(arn);
          }
          revision = version.revision();
          versionArn = version.arn();
        } else if (parsed.qualifier() == Arns.Qualifier.ALIAS) {
          Alias alias = entry.aliases.get(parsed.qualifierValue());
          if (alias == null) {
            throw SfnErrors.stateMachineDoesNotExist(arn);
          }
          Route route = MachineOperations.pick(alias, world.random().nextDouble());
          Version version = entry.versions.values().stream()
              .filter(v -> v.arn().equals(route.versionArn())).findFirst()
              .orElseThrow(() -> SfnErrors.stateMachineDoesNotExist(route.versionArn()));
          revision = version.revision();
          versionArn = version.arn();
          aliasArn = alias.arn();
        }
        if (entry.type == ExecutionType.STANDARD && name != null) {
          String executionArn = entry.arn.replace(":stateMachine:", ":execution:") + ":" + name;
          ExecutionEntry existing = store.executions.get(executionArn);
          if (existing != null) {
            if (existing.status() == ExecutionStatus.RUNNING && existing.redriveCount() == 0
                && existing.input.equals(input)) {
              return new Started(existing.first(), entry);
            }
            throw SfnErrors.executionAlreadyExists(executionArn);
          }
        }
        ExecutionRequest request = ExecutionRequest.of(input)
            .withName(name)
            .withType(entry.type)
            .withStateMachineName(entry.name)
            .withRoleArn(revision.roleArn());
        StateMachine machine = revision.machine();
        Execution execution = testCase == null
            ? world.start(machine, request)
            : startTestCase(entry.name, testCase, () -> world.start(machine, request));
        if (entry.type == ExecutionType.STANDARD) {
          ExecutionEntry record = new ExecutionEntry(store.nextSequence(), execution, entry.arn,
              versionArn, aliasArn, revision);
          store.executions.put(record.arn, record);
          entry.executions.add(record);
        }
        return new Started(execution, entry);
      }
    });
  }

  /** Starts an execution that runs a MockConfigFile test case ({@code <arn>#<TestCase>}). */
  private Execution startTestCase(String machineName, String testCase,
      Supplier<Execution> start) {
    try {
      return Mocking.of(world).startingTestCase(machineName, testCase, start);
    } catch (Mocking.UnknownTestCaseException e) {
      throw SfnErrors.error("InvalidName", e.getMessage());
    } catch (MockConfigException e) {
      throw SfnErrors.validation(e.getMessage());
    }
  }

  private static JsonNode input(String text) {
    if (text == null) {
      return Json.object();
    }
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
      throw SfnErrors.constraint("input", "...", "Member must have length less than or equal to "
          + MAX_PAYLOAD);
    }
    try {
      return Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw SfnErrors.invalidExecutionInput(String.valueOf(e.getMessage()));
    }
  }

  // ------------------------------------------------------------------ describe, stop

  ObjectNode describe(Params p) {
    String arn = p.required("executionArn", 256);
    boolean metadataOnly = "METADATA_ONLY".equals(
        p.enumValue("includedData", MachineOperations.INCLUDED_DATA));
    ExecutionEntry entry = entry(arn);
    Execution current = entry.current();
    ExecutionStatus status = current.status();
    ObjectNode out = Json.object();
    out.put("executionArn", entry.arn);
    out.put("stateMachineArn", entry.stateMachineArn);
    out.put("name", entry.name);
    out.put("status", status.name());
    Wire.putTime(out, "startDate", entry.startDate());
    if (status.isTerminal()) {
      Wire.putTime(out, "stopDate", current.stopDate());
    }
    if (!metadataOnly) {
      Wire.putPayload(out, "input", entry.input);
    }
    out.set("inputDetails", Wire.included(!metadataOnly));
    if (status == ExecutionStatus.SUCCEEDED) {
      if (!metadataOnly) {
        Wire.putPayload(out, "output", current.output());
      }
      out.set("outputDetails", Wire.included(!metadataOnly));
    }
    if (status == ExecutionStatus.FAILED || status == ExecutionStatus.ABORTED) {
      // AWS's recorded TIMED_OUT describe carries no error or cause (sfn-api.md, DescribeExecution).
      Wire.putIfPresent(out, "error", current.error());
      Wire.putIfPresent(out, "cause", current.cause());
    }
    Wire.putIfPresent(out, "stateMachineVersionArn", entry.versionArn);
    Wire.putIfPresent(out, "stateMachineAliasArn", entry.aliasArn);
    out.put("redriveCount", entry.redriveCount());
    Wire.putTime(out, "redriveDate", entry.redriveDate());
    redriveStatus(out, status);
    return out;
  }

  private static void redriveStatus(ObjectNode out, ExecutionStatus status) {
    if (status == ExecutionStatus.RUNNING || status == ExecutionStatus.SUCCEEDED) {
      out.put("redriveStatus", "NOT_REDRIVABLE");
      out.put("redriveStatusReason", "Execution is " + status.name()
          + " and cannot be redriven");
    } else {
      out.put("redriveStatus", "REDRIVABLE");
    }
  }

  ObjectNode stop(Params p) {
    String arn = p.required("executionArn", 256);
    String error = p.string("error", 0, 256);
    String cause = p.string("cause", 0, 32_768);
    ExecutionEntry entry = entry(arn);
    Execution current = entry.current();
    world.stop(current, error, cause);
    ObjectNode out = Json.object();
    Wire.putTime(out, "stopDate", current.stopDate() != null ? current.stopDate() : world.now());
    return out;
  }

  ObjectNode describeStateMachineForExecution(Params p) {
    String arn = p.required("executionArn", 256);
    p.enumValue("includedData", MachineOperations.INCLUDED_DATA);
    ExecutionEntry entry = entry(arn);
    Revision revision = entry.revision;
    ObjectNode out = Json.object();
    out.put("stateMachineArn", entry.stateMachineArn);
    out.put("name", entry.stateMachineArn.substring(entry.stateMachineArn.lastIndexOf(':') + 1));
    out.put("definition", revision.definition());
    out.put("roleArn", revision.roleArn());
    Wire.putTime(out, "updateDate", revision.date());
    out.set("loggingConfiguration", revision.logging());
    out.set("tracingConfiguration", revision.tracing());
    out.put("revisionId", revision.revisionId());
    out.set("encryptionConfiguration", revision.encryption());
    return out;
  }

  // ------------------------------------------------------------------ list, history

  ObjectNode list(Params p) {
    String machineArn = p.string("stateMachineArn", 256);
    String mapRunArn = p.string("mapRunArn", 2000);
    String statusFilter = p.enumValue("statusFilter", STATUSES);
    int size = Pages.size(p.integer("maxResults", 0, 1000, 0));
    long cursor = Pages.cursor(p.string("nextToken", 3096), "executions", Long.MAX_VALUE);
    String redriveFilter = p.enumValue("redriveFilter", REDRIVE_FILTERS);
    if ((machineArn == null) == (mapRunArn == null)) {
      throw SfnErrors.validation("Must provide a StateMachine ARN or a MapRun ARN");
    }
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("executions");
    if (mapRunArn != null) {
      MapRun run = store.mapRuns.get(mapRunArn);
      if (run == null) {
        throw SfnErrors.resourceNotFound(mapRunArn);
      }
      List<Execution> children = world.call(run::children);
      List<Execution> newestFirst = new ArrayList<>(children);
      java.util.Collections.reverse(newestFirst);
      int skip = cursor == Long.MAX_VALUE ? 0 : (int) cursor;
      int added = 0;
      for (int i = skip; i < newestFirst.size(); i++) {
        Execution child = newestFirst.get(i);
        if (statusFilter != null && !statusFilter.equals(child.status().name())) {
          continue;
        }
        if (added == size) {
          out.put("nextToken", Pages.token("executions", i));
          break;
        }
        ObjectNode item = items.addObject();
        item.put("executionArn", child.arn());
        item.put("stateMachineArn", child.stateMachineArn());
        item.put("name", child.name());
        item.put("status", child.status().name());
        Wire.putTime(item, "startDate", child.startDate());
        Wire.putTime(item, "stopDate", child.stopDate());
        item.put("mapRunArn", mapRunArn);
        added++;
      }
      return out;
    }
    Arns.MachineArn parsed = store.arns.machine(machineArn);
    List<ExecutionEntry> snapshot;
    synchronized (store.lock) {
      MachineEntry entry = store.machine(parsed.unqualified());
      if (entry == null) {
        throw SfnErrors.stateMachineDoesNotExist(machineArn);
      }
      if (entry.type == ExecutionType.EXPRESS) {
        throw SfnErrors.typeNotSupported();
      }
      snapshot = new ArrayList<>(entry.executions);
    }
    for (int i = snapshot.size() - 1; i >= 0; i--) {
      ExecutionEntry e = snapshot.get(i);
      if (e.sequence >= cursor || !matches(e, parsed, machineArn, statusFilter, redriveFilter)) {
        continue;
      }
      if (items.size() == size) {
        out.put("nextToken", Pages.token("executions", cursor));
        break;
      }
      items.add(listItem(e));
      cursor = e.sequence;
    }
    return out;
  }

  private static boolean matches(ExecutionEntry e, Arns.MachineArn parsed, String machineArn,
      String statusFilter, String redriveFilter) {
    if (parsed.qualifier() == Arns.Qualifier.VERSION && !machineArn.equals(e.versionArn)) {
      return false;
    }
    if (parsed.qualifier() == Arns.Qualifier.ALIAS && !machineArn.equals(e.aliasArn)) {
      return false;
    }
    if (statusFilter != null && !statusFilter.equals(e.status().name())) {
      return false;
    }
    if (redriveFilter != null && (redriveFilter.equals("REDRIVEN") != (e.redriveCount() > 0))) {
      return false;
    }
    return true;
  }

  private static ObjectNode listItem(ExecutionEntry e) {
    Execution current = e.current();
    ObjectNode item = Json.object();
    item.put("executionArn", e.arn);
    item.put("stateMachineArn", e.stateMachineArn);
    item.put("name", e.name);
    item.put("status", current.status().name());
    Wire.putTime(item, "startDate", e.startDate());
    if (current.status().isTerminal()) {
      Wire.putTime(item, "stopDate", current.stopDate());
    }
    Wire.putIfPresent(item, "stateMachineVersionArn", e.versionArn);
    Wire.putIfPresent(item, "stateMachineAliasArn", e.aliasArn);
    item.put("redriveCount", e.redriveCount());
    Wire.putTime(item, "redriveDate", e.redriveDate());
    return item;
  }

  ObjectNode history(Params p) {
    String arn = p.required("executionArn", 256);
    int size = Pages.size(p.integer("maxResults", 0, 1000, 0));
    boolean reverse = p.bool("reverseOrder", false);
    boolean includeData = p.bool("includeExecutionData", true);
    String token = p.string("nextToken", 3096);
    String kind = reverse ? "history-reverse" : "history";
    ExecutionEntry entry = entry(arn);
    List<HistoryEvent> events = entry.history();
    long cursor = Pages.cursor(token, kind, reverse ? events.size() : 1);
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("events");
    long id = cursor;
    while (id >= 1 && id <= events.size()) {
      if (items.size() == size) {
        out.put("nextToken", Pages.token(kind, id));
        break;
      }
      items.add(events.get((int) id - 1).toJson(includeData, false));
      id += reverse ? -1 : 1;
    }
    return out;
  }

  // ------------------------------------------------------------------ redrive

  ObjectNode redrive(Params p) {
    String arn = p.required("executionArn", 256);
    String clientToken = p.string("clientToken", 64);
    ExecutionEntry entry = entry(arn);
    if (clientToken != null) {
      Instant earlier = redriveTokens.get(arn + "\n" + clientToken);
      if (earlier != null) {
        return redriveDate(earlier);
      }
    }
    Instant date;
    try {
      date = world.redrive(entry.current());
    } catch (IllegalStateException e) {
      throw SfnErrors.error("ExecutionNotRedrivable", e.getMessage() + ": '" + arn + "'");
    }
    if (clientToken != null) {
      redriveTokens.put(arn + "\n" + clientToken, date);
    }
    return redriveDate(date);
  }

  private static ObjectNode redriveDate(Instant date) {
    ObjectNode out = Json.object();
    Wire.putTime(out, "redriveDate", date);
    return out;
  }


  // ------------------------------------------------------------------ task tokens

  ObjectNode sendTaskSuccess(Params p) {
    String token = p.required("taskToken", 2048);
    String outputText = p.string("output", 0, MAX_PAYLOAD);
    if (outputText == null) {
      throw SfnErrors.constraint("output", null, "Member must not be null");
    }
    JsonNode output;
    try {
      output = Json.parse(outputText);
    } catch (IllegalArgumentException e) {
      throw SfnErrors.invalidOutput(String.valueOf(e.getMessage()));
    }
    try {
      world.sendTaskSuccess(token, output);
    } catch (TaskTokenException e) {
      throw SfnErrors.error(e.code(), e.getMessage());
    }
    return Json.object();
  }

  ObjectNode sendTaskFailure(Params p) {
    String token = p.required("taskToken", 2048);
    String error = p.string("error", 0, 256);
    String cause = p.string("cause", 0, 32_768);
    try {
      world.sendTaskFailure(token, error, cause);
    } catch (TaskTokenException e) {
      throw SfnErrors.error(e.code(), e.getMessage());
    }
    return Json.object();
  }

  ObjectNode sendTaskHeartbeat(Params p) {
    String token = p.required("taskToken", 2048);
    try {
      world.sendTaskHeartbeat(token);
    } catch (TaskTokenException e) {
      throw SfnErrors.error(e.code(), e.getMessage());
    }
    return Json.object();
  }

  // ------------------------------------------------------------------ Map Runs

  /** UpdateMapRun: new MaxConcurrency or tolerated failures for a running Map Run. */
  ObjectNode updateMapRun(Params p) {
    String arn = p.required("mapRunArn", 2000);
    Integer maxConcurrency = p.has("maxConcurrency") ? p.integer("maxConcurrency", 0, 10_000, 0) : null;
    Long count = p.has("toleratedFailureCount") ? (long) p.integer("toleratedFailureCount", 0, Integer.MAX_VALUE, 0) : null;
    Double percentage = null;
    if (p.has("toleratedFailurePercentage")) {
      double value = p.number("toleratedFailurePercentage");
      if (value < 0 || value > 100) {
        throw SfnErrors.constraint("toleratedFailurePercentage", value,
            "Member must have value between 0 and 100");
      }
      percentage = value;
    }
    if (maxConcurrency == null && count == null && percentage == null) {
      throw SfnErrors.error("ValidationException",
          "At least one of maxConcurrency, toleratedFailurePercentage or toleratedFailureCount must be specified");
    }
    MapRun run = store.mapRuns.get(arn);
    if (run == null) {
      throw SfnErrors.resourceNotFound(arn);
    }
    Integer mc = maxConcurrency;
    Double pct = percentage;
    world.call(() -> {
      run.update(mc, pct, count);
      return null;
    });
    return Json.object();
  }

  ObjectNode describeMapRun(Params p) {
    String arn = p.required("mapRunArn", 2000);
    MapRun run = store.mapRuns.get(arn);
    if (run == null) {
      throw SfnErrors.resourceNotFound(arn);
    }
    return world.call(() -> {
      ObjectNode out = Json.object();
      out.put("mapRunArn", run.arn());
      out.put("executionArn", run.executionArn());
      out.put("status", run.status());
      Wire.putTime(out, "startDate", run.startDate());
      Wire.putTime(out, "stopDate", run.stopDate());
      out.put("maxConcurrency", run.maxConcurrency());
      out.put("toleratedFailurePercentage", run.toleratedFailurePercentage());
      out.put("toleratedFailureCount", run.toleratedFailureCount());
      out.set("itemCounts", counts(run.itemTotal(), run.itemSucceeded(), run.itemFailed(), run.itemRunning()));
      out.set("executionCounts", counts(run.total(), run.succeeded(), run.failed(), run.running()));
      out.put("redriveCount", 0);
      return out;
    });
  }

  private static ObjectNode counts(int total, int succeeded, int failed, int running) {
    ObjectNode c = Json.object();
    c.put("pending", Math.max(0, total - succeeded - failed - running));
    c.put("running", running);
    c.put("succeeded", succeeded);
    c.put("failed", failed);
    c.put("timedOut", 0);
    c.put("aborted", 0);
    c.put("total", total);
    c.put("resultsWritten", 0);
    c.put("failuresNotRedrivable", 0);
    c.put("pendingRedrive", 0);
    return c;
  }

  ObjectNode listMapRuns(Params p) {
    String arn = p.required("executionArn", 256);
    int size = Pages.size(p.integer("maxResults", 0, 1000, 0));
    long cursor = Pages.cursor(p.string("nextToken", 3096), "mapruns", 0);
    entry(arn);
    List<MapRun> runs;
    synchronized (store.lock) {
      runs = new ArrayList<>(store.mapRunsByExecution.getOrDefault(arn, List.of()));
    }
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("mapRuns");
    List<ObjectNode> rendered = world.call(() -> {
      List<ObjectNode> list = new ArrayList<>();
      for (MapRun run : runs) {
        ObjectNode item = Json.object();
        item.put("executionArn", run.executionArn());
        item.put("mapRunArn", run.arn());
        item.put("stateMachineArn", mapRunMachineArn(run.arn()));
        Wire.putTime(item, "startDate", run.startDate());
        Wire.putTime(item, "stopDate", run.stopDate());
        list.add(item);
      }
      return list;
    });
    for (int i = (int) cursor; i < rendered.size(); i++) {
      if (items.size() == size) {
        out.put("nextToken", Pages.token("mapruns", i));
        break;
      }
      items.add(rendered.get(i));
    }
    return out;
  }

  /** {@code ...:mapRun:<machine>/<label>:<uuid>} to {@code ...:stateMachine:<machine>/<label>}. */
  static String mapRunMachineArn(String mapRunArn) {
    String base = mapRunArn.substring(0, mapRunArn.lastIndexOf(':'));
    return base.replace(":mapRun:", ":stateMachine:");
  }

  // ------------------------------------------------------------------ helpers

  /**
   * The Standard execution an ARN names.
   *
   * @throws dev.statelab.gateway.AwsServiceException InvalidArn for Express or malformed ARNs,
   *     ExecutionDoesNotExist when unknown
   */
  private ExecutionEntry entry(String arn) {
    ExecutionEntry child = store.executions.get(arn);
    if (child == null && arn.contains(":execution:") && arn.contains("/")) {
      child = mapRunChild(arn);
    }
    if (child != null) {
      return child;
    }
    Arns.ExecutionArn parsed = store.arns.execution(arn);
    if (parsed.express()) {
      throw SfnErrors.express();
    }
    throw SfnErrors.executionDoesNotExist(arn);
  }

  /**
   * A distributed Map's child execution, found through its Map Run and kept from then on: it
   * runs the parent's revision (the Map's processor is part of that definition).
   */
  private ExecutionEntry mapRunChild(String arn) {
    for (MapRun run : store.mapRuns.values()) {
      ExecutionEntry parent = store.executions.get(run.executionArn());
      if (parent == null) {
        continue;
      }
      for (Execution e : world.call(run::children)) {
        if (e.arn().equals(arn)) {
          ExecutionEntry entry = new ExecutionEntry(store.nextSequence(), e, e.stateMachineArn(), null, null, parent.revision);
          ExecutionEntry raced = store.executions.putIfAbsent(arn, entry);
          return raced != null ? raced : entry;
        }
      }
    }
    return null;
  }
}
