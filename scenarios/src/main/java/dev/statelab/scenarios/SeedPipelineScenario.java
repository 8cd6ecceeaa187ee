package dev.statelab.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.chaos.ChaosSweep;
import dev.statelab.chaos.RetryPolicy;
import dev.statelab.cost.CostBreakdown;
import dev.statelab.cost.Services;
import dev.statelab.engine.World;
import dev.statelab.gateway.AwsRequest;
import dev.statelab.gateway.AwsService;
import dev.statelab.integration.awssdk.AwsSdkBridge;
import dev.statelab.json.Json;
import dev.statelab.junit.DefinitionSubstitutions;
import dev.statelab.server.ServiceModule;
import dev.statelab.service.batch.BatchModule;
import dev.statelab.service.batch.BatchStore;
import dev.statelab.service.costexplorer.CostExplorerModule;
import dev.statelab.service.dynamodb.DynamoDbModule;
import dev.statelab.service.dynamodb.DynamoDbStore;
import dev.statelab.service.eventbridge.EventBridgeModule;
import dev.statelab.service.eventbridge.EventBridgeStore;
import dev.statelab.service.lambda.LambdaFunctionException;
import dev.statelab.service.lambda.LambdaModule;
import dev.statelab.service.lambda.LambdaStore;
import dev.statelab.service.pipes.PipesModule;
import dev.statelab.service.pipes.PipesStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark pipeline this project was seeded with. Writing a request item to the
 * {@value #REQUESTS_TABLE} table starts it: the table's stream feeds an EventBridge Pipe, which
 * puts a {@code BenchmarkRequested} event on the {@value #BUS} bus, where a rule starts the state
 * machine ({@link #connectTrigger}). The workflow validates the request with a Lambda function, fans
 * out over its configurations with a Map, runs each as an AWS Batch {@code submitJob.sync} job on
 * Fargate (simulated durations, occasional failures, retried), asks Cost Explorer what the run
 * cost (a Lambda function calling the world's Cost Explorer stand-in), and stores results and
 * cost in the {@value #RESULTS_TABLE} table with {@code dynamodb:putItem}.
 */
public final class SeedPipelineScenario implements Scenario {

  /** The table whose new items are benchmark requests. */
  public static final String REQUESTS_TABLE = "benchmark-requests";
  /** The table the workflow stores results in. */
  public static final String RESULTS_TABLE = "benchmark-results";
  /** The event bus between the pipe and the rule. */
  public static final String BUS = "benchmarks";
  /** The Batch job queue. */
  public static final String QUEUE = "benchmarks";

  /** Each configuration: vCPUs, memory (MiB) and simulated duration distribution of its job. */
  public static final Map<String, Configuration> CONFIGURATIONS = configurations();

  /**
   * A benchmark configuration.
   *
   * @param vcpus the job's vCPUs
   * @param memoryMiB the job's memory
   * @param duration the {@code statelab:durationDistribution} of its runs
   */
  public record Configuration(double vcpus, int memoryMiB, String duration) {}

  private static Map<String, Configuration> configurations() {
    Map<String, Configuration> m = new LinkedHashMap<>();
    m.put("small", new Configuration(1, 2048, "lognormal(mean=PT12M,sigma=0.2)"));
    m.put("medium", new Configuration(2, 4096, "lognormal(mean=PT7M,sigma=0.2)"));
    m.put("large", new Configuration(4, 8192, "lognormal(mean=PT4M,sigma=0.2)"));
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The share of job attempts that fail (exit code 1), drawn from the world's seed. */
  public static final String FAILURE_RATE = "0.1";

  @Override
  public String name() {
    return "seed-pipeline";
  }

  @Override
  public String description() {
    return "DynamoDB stream -> Pipe -> EventBridge -> workflow: validate, Map of Batch .sync jobs, Cost Explorer, putItem of results.";
  }

  /**
   * Installs Lambda, Batch, DynamoDB, EventBridge, Pipes and Cost Explorer (each API also reachable
   * as {@code aws-sdk:*} tasks), the two tables, the Fargate queue, one job definition per
   * configuration and the functions {@code validateRequest} and {@code queryRunCost}.
   */
  @Override
  public void setup(World world) {
    AwsService costExplorer = null;
    for (ServiceModule module : List.of(new LambdaModule(), new BatchModule(), new DynamoDbModule(),
        new EventBridgeModule(), new PipesModule(), new CostExplorerModule())) {
      for (AwsService api : module.install(world)) {
        AwsSdkBridge.registerBySpec(world, api);
        if (module instanceof CostExplorerModule) {
          costExplorer = api;
        }
      }
    }
    DynamoDbStore tables = DynamoDbStore.of(world);
    tables.createTable(Json.parse("""
        {"TableName": "%s", "BillingMode": "PAY_PER_REQUEST",
         "AttributeDefinitions": [{"AttributeName": "requestId", "AttributeType": "S"}],
         "KeySchema": [{"AttributeName": "requestId", "KeyType": "HASH"}],
         "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_IMAGE"}}""".formatted(REQUESTS_TABLE)));
    tables.createTable(Json.parse("""
        {"TableName": "%s", "BillingMode": "PAY_PER_REQUEST",
         "AttributeDefinitions": [{"AttributeName": "requestId", "AttributeType": "S"}],
         "KeySchema": [{"AttributeName": "requestId", "KeyType": "HASH"}]}""".formatted(RESULTS_TABLE)));
    BatchStore batch = BatchStore.of(world);
    batch.createComputeEnvironment(Json.parse("""
        {"computeEnvironmentName": "benchmarks-ce", "type": "MANAGED",
         "computeResources": {"type": "FARGATE", "maxvCpus": 16}}"""));
    batch.createJobQueue(Json.parse("""
        {"jobQueueName": "%s", "priority": 1,
         "computeEnvironmentOrder": [{"order": 1, "computeEnvironment": "benchmarks-ce"}]}""".formatted(QUEUE)));
    CONFIGURATIONS.forEach((name, c) -> batch.registerJobDefinition(Json.parse("""
        {"jobDefinitionName": "benchmark-%s", "type": "container", "platformCapabilities": ["FARGATE"],
         "parameters": {"statelab:durationDistribution": "%s", "statelab:failureRate": "%s"},
         "containerProperties": {"image": "bench/runner:1", "command": ["bench", "Ref::workload"],
           "resourceRequirements": [{"type": "VCPU", "value": "%s"}, {"type": "MEMORY", "value": "%d"}]}}"""
        .formatted(name, c.duration(), FAILURE_RATE, BigDecimal.valueOf(c.vcpus()).stripTrailingZeros().toPlainString(),
            c.memoryMiB()))));
    LambdaStore lambda = LambdaStore.of(world);
    lambda.registerJson("validateRequest", SeedPipelineScenario::validate);
    AwsService ce = costExplorer;
    lambda.registerJson("queryRunCost", request -> runCost(world, ce, request));
  }

  /**
   * Connects the trigger: a pipe from the requests table's stream (INSERTs only) to the bus, with
   * an InputTemplate that turns the new item into a request, and a rule on the bus that starts
   * {@code stateMachineArn} with the event's {@code detail}.
   */
  public static void connectTrigger(World world, String stateMachineArn) {
    EventBridgeStore events = EventBridgeStore.of(world);
    String busArn = events.createEventBus(Json.parse("{\"Name\": \"" + BUS + "\"}")).get("EventBusArn").asText();
    String streamArn = DynamoDbStore.of(world).describeTable(Json.parse("{\"TableName\": \"" + REQUESTS_TABLE + "\"}"))
        .at("/Table/LatestStreamArn").asText();
    ObjectNode pipe = Json.object();
    pipe.put("Source", streamArn);
    pipe.put("Target", busArn);
    pipe.put("RoleArn", "arn:aws:iam::123456789012:role/benchmark-pipe");
    ObjectNode source = pipe.putObject("SourceParameters");
    ObjectNode stream = source.putObject("DynamoDBStreamParameters");
    stream.put("StartingPosition", "LATEST");
    stream.put("BatchSize", 1);
    source.putObject("FilterCriteria").putArray("Filters").addObject().put("Pattern", "{\"eventName\": [\"INSERT\"]}");
    ObjectNode target = pipe.putObject("TargetParameters");
    target.put("InputTemplate", "{\"requestId\": <$.dynamodb.NewImage.requestId.S>,"
        + " \"workload\": <$.dynamodb.NewImage.workload.S>, \"configurations\": <$.dynamodb.NewImage.configurations.L>}");
    target.putObject("EventBridgeEventBusParameters").put("Source", "benchmarks.requests").put("DetailType", "BenchmarkRequested");
    PipesStore.of(world).createPipe("benchmark-requests-to-bus", pipe);
    events.putRule(Json.parse("""
        {"Name": "start-benchmark", "EventBusName": "%s",
         "EventPattern": "{\\"source\\": [\\"benchmarks.requests\\"], \\"detail-type\\": [\\"BenchmarkRequested\\"]}"}"""
        .formatted(BUS)));
    ObjectNode targets = Json.object();
    targets.put("Rule", "start-benchmark");
    targets.put("EventBusName", BUS);
    targets.putArray("Targets").addObject().put("Id", "pipeline").put("Arn", stateMachineArn)
        .put("RoleArn", "arn:aws:iam::123456789012:role/benchmark-rule").put("InputPath", "$.detail");
    events.putTargets(targets);
  }

  /** Checks the request and turns each configuration into a run with its job definition. */
  private static JsonNode validate(JsonNode request) {
    String id = request.path("requestId").asText("");
    if (id.isEmpty()) {
      throw new LambdaFunctionException("InvalidRequest", "A benchmark request needs a requestId");
    }
    JsonNode configurations = request.path("configurations");
    if (!configurations.isArray() || configurations.isEmpty()) {
      throw new LambdaFunctionException("InvalidRequest", "Request " + id + " names no configurations");
    }
    ObjectNode out = Json.object();
    out.put("requestId", id);
    out.put("workload", request.path("workload").asText("default"));
    ArrayNode runs = out.putArray("runs");
    for (JsonNode c : configurations) {
      String name = c.has("S") ? c.get("S").asText() : c.asText();
      if (!CONFIGURATIONS.containsKey(name)) {
        throw new LambdaFunctionException("InvalidRequest", "Request " + id + ": unknown configuration '" + name
            + "'; one of " + CONFIGURATIONS.keySet());
      }
      runs.addObject().put("configuration", name).put("jobDefinition", "benchmark-" + name);
    }
    return out;
  }

  /**
   * Asks Cost Explorer (GetCostAndUsage, DAILY, grouped by SERVICE) for the cost of the run's day:
   * the total, the AWS Batch part and every service's amount.
   */
  private static JsonNode runCost(World world, AwsService costExplorer, JsonNode request) {
    LocalDate day = LocalDate.ofInstant(Instant.parse(request.get("startedAt").asText()), ZoneOffset.UTC);
    ObjectNode query = Json.object();
    query.putObject("TimePeriod").put("Start", day.toString()).put("End", day.plusDays(1).toString());
    query.put("Granularity", "DAILY");
    query.putArray("Metrics").add("UnblendedCost");
    query.putArray("GroupBy").addObject().put("Type", "DIMENSION").put("Key", "SERVICE");
    JsonNode answer = costExplorer.handle(AwsRequest.newBuilder().operation("GetCostAndUsage").body(query)
        .region(world.options().region()).accountId(world.options().accountId()).build()).jsonBody().orElseThrow();
    Map<String, BigDecimal> byService = new TreeMap<>();
    for (JsonNode group : answer.at("/ResultsByTime/0/Groups")) {
      byService.put(group.at("/Keys/0").asText(), new BigDecimal(group.at("/Metrics/UnblendedCost/Amount").asText()));
    }
    ObjectNode out = Json.object();
    out.put("requestId", request.get("requestId").asText());
    out.put("total", CostBreakdown.plain(byService.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
    out.put("batch", CostBreakdown.plain(byService.getOrDefault(Services.BATCH, BigDecimal.ZERO)));
    out.put("currency", "USD");
    ObjectNode services = out.putObject("byService");
    byService.forEach((service, amount) -> services.put(service, CostBreakdown.plain(amount)));
    return out;
  }

  /** The placeholders of the definition filled with the names {@link #setup} creates. */
  public static Map<String, String> defaultSubstitutions() {
    return Map.of("ValidateFunctionArn", "validateRequest", "CostFunctionArn", "queryRunCost",
        "JobQueueArn", QUEUE, "ResultsTableName", RESULTS_TABLE);
  }

  /** The definition with {@link #defaultSubstitutions()} applied. */
  @Override
  public JsonNode definition() {
    String template = Json.write(Scenario.super.definition());
    return Json.parse(DefinitionSubstitutions.apply(template, defaultSubstitutions(), "scenarios/seed-pipeline.asl.json"));
  }

  /** A request for the three configurations, as the pipe hands it to the workflow. */
  @Override
  public JsonNode defaultInput() {
    return input(0);
  }

  @Override
  public JsonNode input(int index) {
    return Json.parse("{\"requestId\": \"bench-" + (index + 1) + "\", \"workload\": \"sort-1gb\","
        + " \"configurations\": [{\"S\": \"small\"}, {\"S\": \"medium\"}, {\"S\": \"large\"}]}");
  }

  /**
   * Job failure rates 0, 20% and 40% on top of the definitions' 10%; no retries against the
   * definition's 2 x 30 s; 40 requests.
   */
  @Override
  public ChaosSweep defaultSweep() {
    return new ChaosSweep(List.of(0.0, 0.2, 0.4),
        List.of(RetryPolicy.none(), RetryPolicy.of(2, 30, 2, false)),
        List.of(1L), 40,
        (faults, rate) -> CONFIGURATIONS.keySet().forEach(name ->
            faults.onJobDefinition("benchmark-" + name).withProbability(rate).failJob("Essential container in task exited")));
  }
}
