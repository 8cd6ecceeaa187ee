package dev.statelab.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.chaos.ChaosSweep;
import dev.statelab.chaos.RetryPolicy;
import dev.statelab.engine.World;
import dev.statelab.json.Json;
import dev.statelab.junit.DefinitionSubstitutions;
import dev.statelab.service.batch.BatchModule;
import dev.statelab.service.batch.BatchStore;
import dev.statelab.service.lambda.LambdaModule;
import dev.statelab.service.lambda.LambdaStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A nightly ETL: a Parallel state runs three AWS Batch extract jobs ({@code batch:submitJob.sync})
 * of 20, 5 and 12 simulated minutes on one queue, a Lambda function transforms the extracts and
 * another loads the warehouse. The definition names its resources with {@code ${...}}
 * placeholders, as a CDK or SAM template's {@code DefinitionSubstitutions} would fill them.
 *
 * <p>The job definitions retry an attempt whose EC2 host went away ({@code evaluateOnExit} on
 * {@code Host EC2*}, 3 attempts), and each extract Task retries a failed job once after a minute.
 * {@link Warehouse#of(World)} holds what was loaded.
 */
public final class ParallelEtlScenario implements Scenario {

  /** Each source's extract job definition and its simulated duration. */
  public static final Map<String, Duration> EXTRACTS = sources();

  /** Rows each source's extract yields. */
  public static final Map<String, Integer> ROWS = Map.of("orders", 120_000, "customers", 8_000, "inventory", 45_000);

  private static Map<String, Duration> sources() {
    Map<String, Duration> m = new LinkedHashMap<>();
    m.put("orders", Duration.ofMinutes(20));
    m.put("customers", Duration.ofMinutes(5));
    m.put("inventory", Duration.ofMinutes(12));
    return java.util.Collections.unmodifiableMap(m);
  }

  @Override
  public String name() {
    return "parallel-etl";
  }

  @Override
  public String description() {
    return "Parallel Batch extract jobs (.sync) of 20, 5 and 12 minutes, a transform Lambda and a load step; Batch retries lost hosts.";
  }

  /**
   * The Batch compute environment ({@code etl-ce}, 512 vCPUs on EC2, so nights running side by side in a sweep do not queue), queue {@code etl}, the job
   * definitions {@code extract-<source>} and the functions {@code transform} and {@code load}.
   */
  @Override
  public void setup(World world) {
    new BatchModule().install(world);
    new LambdaModule().install(world);
    BatchStore batch = BatchStore.of(world);
    batch.createComputeEnvironment(Json.parse("""
        {"computeEnvironmentName": "etl-ce", "type": "MANAGED",
         "computeResources": {"type": "EC2", "maxvCpus": 512}}"""));
    batch.createJobQueue(Json.parse("""
        {"jobQueueName": "etl", "priority": 1,
         "computeEnvironmentOrder": [{"order": 1, "computeEnvironment": "etl-ce"}]}"""));
    EXTRACTS.forEach((source, duration) -> batch.registerJobDefinition(Json.parse("""
        {"jobDefinitionName": "extract-%s", "type": "container",
         "parameters": {"statelab:duration": "%s"},
         "retryStrategy": {"attempts": 3, "evaluateOnExit": [
           {"onStatusReason": "Host EC2*", "action": "RETRY"}, {"onReason": "*", "action": "EXIT"}]},
         "containerProperties": {"image": "etl/extract:1", "vcpus": 4, "memory": 8192,
           "command": ["extract", "Ref::source", "Ref::runDate"]}}""".formatted(source, duration))));
    Warehouse warehouse = Warehouse.of(world);
    LambdaStore lambda = LambdaStore.of(world);
    lambda.registerJson("transform", ParallelEtlScenario::transform);
    lambda.registerJson("load", batchOut -> {
      int rows = batchOut.get("rows").asInt();
      warehouse.load(batchOut.get("batchId").asText(), rows);
      ObjectNode out = Json.object();
      out.put("loadedRows", rows);
      out.put("table", "warehouse.facts");
      return out;
    });
  }

  /** Counts the extracts' rows and how long each job ran. */
  private static JsonNode transform(JsonNode request) {
    int rows = 0;
    ObjectNode seconds = Json.object();
    for (JsonNode extract : request.get("extracts")) {
      String source = extract.get("source").asText();
      rows += ROWS.getOrDefault(source, 0);
      seconds.put(source, (extract.get("stoppedAt").asLong() - extract.get("startedAt").asLong()) / 1000);
    }
    ObjectNode out = Json.object();
    out.put("batchId", "etl-" + request.get("runDate").asText());
    out.put("rows", rows);
    out.set("extractSeconds", seconds);
    return out;
  }

  /** The placeholders of the definition filled with the resource names {@link #setup} creates. */
  public static Map<String, String> defaultSubstitutions() {
    Map<String, String> values = new TreeMap<>();
    values.put("JobQueueArn", "etl");
    EXTRACTS.keySet().forEach(source ->
        values.put(Character.toUpperCase(source.charAt(0)) + source.substring(1) + "JobDefinitionArn", "extract-" + source));
    values.put("TransformFunctionArn", "transform");
    values.put("LoadFunctionArn", "load");
    return values;
  }

  /** The definition with {@link #defaultSubstitutions()} applied. */
  @Override
  public JsonNode definition() {
    String template = Json.write(Scenario.super.definition());
    return Json.parse(DefinitionSubstitutions.apply(template, defaultSubstitutions(), "scenarios/parallel-etl.asl.json"));
  }

  @Override
  public JsonNode defaultInput() {
    return Json.parse("{\"runDate\": \"2026-01-01\"}");
  }

  @Override
  public JsonNode input(int index) {
    return Json.parse("{\"runDate\": \"2026-01-" + String.format("%02d", 1 + index % 28) + "-" + index + "\"}");
  }

  /**
   * Probabilities 0, 20% and 50% that an extract attempt loses its host; no Task retries against
   * the definition's one retry after 60 s; 30 nightly runs.
   */
  @Override
  public ChaosSweep defaultSweep() {
    return new ChaosSweep(List.of(0.0, 0.2, 0.5),
        List.of(RetryPolicy.none(), RetryPolicy.of(1, 60, 2, false)),
        List.of(1L), 30,
        (faults, rate) -> EXTRACTS.keySet().forEach(source ->
            faults.onJobDefinition("extract-" + source).withProbability(rate).loseHost()));
  }

  /** The rows a world's load function wrote, by batch id. */
  public static final class Warehouse {
    private final Map<String, Integer> batches = new TreeMap<>();

    /** The world's warehouse, created on first use. */
    public static Warehouse of(World world) {
      return world.component(Warehouse.class, Warehouse::new);
    }

    synchronized void load(String batchId, int rows) {
      batches.put(batchId, rows);
    }

    /** Rows loaded, by batch id. */
    public synchronized Map<String, Integer> batches() {
      return Map.copyOf(batches);
    }
  }
}
