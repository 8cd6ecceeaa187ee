package dev.statelab.service.costexplorer;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.statelab.cost.PriceCatalogue;
import dev.statelab.cost.Services;
import dev.statelab.cost.UsageLedger;
import dev.statelab.cost.UsageRecord;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.json.Json;
import dev.statelab.service.batch.BatchStore;
import dev.statelab.service.batch.JobOutcome;
import dev.statelab.service.lambda.LambdaStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** A world with a Lambda function and a Fargate Batch queue, and the workflow that uses both. */
final class CostExplorerTesting {

  /** Every test world starts here. */
  static final Instant START = Instant.parse("2026-11-02T00:00:00Z");

  /** Calls {@code double} then runs a 2-minute Fargate job of 1 vCPU and 2 GiB. */
  static final String WORKFLOW = """
      {"StartAt": "Double", "States": {
        "Double": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "double", "Payload.$": "$"}, "ResultSelector": {"n.$": "$.Payload"},
          "Next": "Crunch"},
        "Crunch": {"Type": "Task", "Resource": "arn:aws:states:::batch:submitJob.sync",
          "Parameters": {"JobName": "crunch", "JobQueue": "q", "JobDefinition": "crunch"}, "End": true}}}""";

  private CostExplorerTesting() {}

  /** A virtual-clock world at {@link #START}. */
  static World newWorld() {
    return World.newInstance(WorldOptions.newBuilder().startTime(START).realIoGrace(Duration.ofMillis(200)).build());
  }

  /** Registers the {@code double} function and the Fargate queue {@code q} with job definition {@code crunch}. */
  static void provision(World world) {
    LambdaStore.of(world).registerJson("double", in -> IntNode.valueOf(in.path("n").asInt() * 2));
    BatchStore batch = BatchStore.of(world);
    batch.createComputeEnvironment(Json.parse("""
        {"computeEnvironmentName": "ce", "type": "MANAGED",
         "computeResources": {"type": "FARGATE", "maxvCpus": 4}}"""));
    batch.createJobQueue(Json.parse("""
        {"jobQueueName": "q", "priority": 1,
         "computeEnvironmentOrder": [{"order": 1, "computeEnvironment": "ce"}]}"""));
    batch.registerJobDefinition(Json.parse("""
        {"jobDefinitionName": "crunch", "type": "container", "platformCapabilities": ["FARGATE"],
         "containerProperties": {"image": "busybox", "command": ["true"],
           "resourceRequirements": [{"type": "VCPU", "value": "1"}, {"type": "MEMORY", "value": "2048"}]}}"""));
    batch.registerRunner("crunch", job -> JobOutcome.of(0, Duration.ofMinutes(2)));
  }

  /**
   * The cost per service of the ledger so far, computed directly from the catalogue: quantity ×
   * the first-tier amount, Cost Explorer's own requests left out.
   */
  static Map<String, BigDecimal> expectedCostByService(World world) {
    PriceCatalogue catalogue = PriceCatalogue.defaults();
    Map<String, BigDecimal> out = new TreeMap<>();
    for (UsageRecord r : UsageLedger.of(world).records()) {
      if (r.service().equals(Services.COST_EXPLORER)) {
        continue;
      }
      BigDecimal amount = catalogue.find(r.service(), r.usageType(), r.region()).orElseThrow().amount();
      out.merge(r.service(), BigDecimal.valueOf(r.quantity()).multiply(amount), BigDecimal::add);
    }
    return out;
  }
}
