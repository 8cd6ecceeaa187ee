package dev.statelab.service.costexplorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.cost.PriceCatalogue;
import dev.statelab.cost.Services;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.gateway.AwsRequest;
import dev.statelab.gateway.AwsService;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.integration.awssdk.AwsSdkBridge;
import dev.statelab.json.Json;
import dev.statelab.service.batch.BatchModule;
import dev.statelab.service.lambda.LambdaModule;
import dev.statelab.service.lambda.LambdaStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GetCostAndUsage in process: buckets, groups, filters, errors, and the aws-sdk Task integration. */
class CostExplorerServiceTests {

  private World world;
  private AwsService ce;

  @BeforeEach
  void setUp() {
    world = CostExplorerTesting.newWorld();
    new LambdaModule().install(world);
    new BatchModule().install(world);
    ce = new CostExplorerModule().install(world).get(0);
    AwsSdkBridge.registerBySpec(world, ce);
    CostExplorerTesting.provision(world);
    Execution e = world.run(StateMachine.parse(CostExplorerTesting.WORKFLOW), Json.parse("{\"n\": 2}"));
    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @AfterEach
  void tearDown() {
    LambdaStore.of(world).close();
    world.close();
  }

  private JsonNode call(String operation, String body) {
    return ce.handle(AwsRequest.newBuilder().operation(operation).body(body).accountId("123456789012")
        .region("us-east-1").build()).jsonBody().orElseThrow();
  }

  private AwsServiceException error(String body) {
    try {
      call("GetCostAndUsage", body);
    } catch (AwsServiceException e) {
      return e;
    }
    throw new AssertionError("no error");
  }

  @Test
  void monthlyBucketsSplitAtMonthBoundariesWithTheEndExclusive() {
    JsonNode out = call("GetCostAndUsage", """
        {"TimePeriod": {"Start": "2026-10-15", "End": "2026-11-03"}, "Granularity": "MONTHLY",
         "Metrics": ["UnblendedCost"]}""");

    JsonNode results = out.get("ResultsByTime");
    assertThat(results).hasSize(2);
    assertThat(results.at("/0/TimePeriod")).isEqualTo(Json.parse("{\"Start\":\"2026-10-15\",\"End\":\"2026-11-01\"}"));
    assertThat(results.at("/0/Estimated").asBoolean()).isFalse();
    assertThat(results.at("/1/TimePeriod")).isEqualTo(Json.parse("{\"Start\":\"2026-11-01\",\"End\":\"2026-11-03\"}"));
    assertThat(results.at("/1/Estimated").asBoolean()).isTrue();
    assertThat(results.at("/0/Total/UnblendedCost/Amount").asText()).isEqualTo("0");
  }

  @Test
  void twoGroupByDimensionsGiveServiceAndUsageTypeKeys() {
    JsonNode out = call("GetCostAndUsage", """
        {"TimePeriod": {"Start": "2026-11-02", "End": "2026-11-03"}, "Granularity": "DAILY",
         "Metrics": ["UsageQuantity"],
         "GroupBy": [{"Type": "DIMENSION", "Key": "SERVICE"}, {"Type": "DIMENSION", "Key": "USAGE_TYPE"}]}""");

    JsonNode groups = out.at("/ResultsByTime/0/Groups");
    assertThat(groups).extracting(g -> g.get("Keys").get(0).asText() + "|" + g.get("Keys").get(1).asText())
        .containsExactly(
            "AWS Batch|USE1-Fargate-GB-Hours", "AWS Batch|USE1-Fargate-vCPU-Hours:perCPU",
            "AWS Lambda|USE1-Lambda-GB-Second", "AWS Lambda|USE1-Request",
            "AWS Step Functions|USE1-StateTransition");
    assertThat(groups.get(4).at("/Metrics/UsageQuantity/Amount").asText()).isEqualTo("2");
    assertThat(out.at("/ResultsByTime/0/Total").isEmpty()).isTrue();
    assertThat(out.get("GroupDefinitions")).hasSize(2);
  }

  @Test
  void andOrNotFiltersCombine() {
    JsonNode out = call("GetCostAndUsage", """
        {"TimePeriod": {"Start": "2026-11-02", "End": "2026-11-03"}, "Granularity": "DAILY",
         "Metrics": ["UsageQuantity"], "GroupBy": [{"Type": "DIMENSION", "Key": "USAGE_TYPE"}],
         "Filter": {"And": [
           {"Or": [{"Dimensions": {"Key": "SERVICE", "Values": ["AWS Lambda"]}},
                   {"Dimensions": {"Key": "SERVICE", "Values": ["AWS Batch"]}}]},
           {"Not": {"Dimensions": {"Key": "USAGE_TYPE", "Values": ["gb"], "MatchOptions": ["CONTAINS", "CASE_INSENSITIVE"]}}}]}}""");

    assertThat(out.at("/ResultsByTime/0/Groups")).extracting(g -> g.get("Keys").get(0).asText())
        .containsExactly("USE1-Fargate-vCPU-Hours:perCPU", "USE1-Request");
  }

  @Test
  void awsValidationErrorsComeBackAsValidationExceptions() {
    assertThat(error("""
        {"TimePeriod": {"Start": "2026-11-02", "End": "2027-01-01"}, "Granularity": "DAILY", "Metrics": ["UnblendedCost"]}""")
        .getMessage()).isEqualTo("end date past the beginning of next month");
    assertThat(error("""
        {"TimePeriod": {"Start": "2026-11-02", "End": "2026-11-03"}, "Granularity": "WEEKLY", "Metrics": ["UnblendedCost"]}""")
        .getMessage()).contains("Member must satisfy enum value set: [DAILY, MONTHLY, HOURLY]");
    assertThat(error("""
        {"TimePeriod": {"Start": "2026-11-02", "End": "2026-11-03"}, "Granularity": "DAILY"}""").getMessage())
        .isEqualTo("1 validation error detected: Value null at 'metrics' failed to satisfy constraint: "
            + "Member must not be null");
    assertThat(error("""
        {"TimePeriod": {"Start": "2026-11-02", "End": "2026-11-03"}, "Granularity": "DAILY", "Metrics": ["UnblendedCost"],
         "GroupBy": [{"Type": "DIMENSION", "Key": "SERVICE"}, {"Type": "DIMENSION", "Key": "REGION"},
                     {"Type": "DIMENSION", "Key": "USAGE_TYPE"}]}""").code()).isEqualTo("ValidationException");
    assertThat(error("""
        {"TimePeriod": {"Start": "2026-11-02", "End": "2026-11-03"}, "Granularity": "HOURLY", "Metrics": ["UnblendedCost"]}""")
        .getMessage()).isEqualTo("Hourly timePeriod is not supported for this request");
    assertThat(error("""
        {"TimePeriod": {"Start": "2026-11-02", "End": "2026-11-03"}, "Granularity": "DAILY", "Metrics": ["UnblendedCost"],
         "Filter": {"Dimensions": {"Key": "SERVICE", "Values": ["x"]}, "Not": {"Dimensions": {"Key": "SERVICE", "Values": ["y"]}}}}""")
        .code()).isEqualTo("ValidationException");
  }

  @Test
  void hourlyBucketsNeedTimestamps() {
    JsonNode out = call("GetCostAndUsage", """
        {"TimePeriod": {"Start": "2026-11-02T00:00:00Z", "End": "2026-11-02T03:00:00Z"}, "Granularity": "HOURLY",
         "Metrics": ["UnblendedCost"], "Filter": {"Dimensions": {"Key": "SERVICE", "Values": ["AWS Step Functions"]}}}""");

    assertThat(out.get("ResultsByTime")).extracting(r -> r.at("/TimePeriod/Start").asText())
        .containsExactly("2026-11-02T00:00:00Z", "2026-11-02T01:00:00Z", "2026-11-02T02:00:00Z");
    assertThat(out.at("/ResultsByTime/0/Total/UnblendedCost/Amount").asText()).isEqualTo("0.00005");
  }

  @Test
  void aStateMachineCallsGetCostAndUsageThroughTheAwsSdkIntegration() {
    Execution e = world.run(StateMachine.parse("""
        {"StartAt": "Cost", "States": {"Cost": {"Type": "Task",
          "Resource": "arn:aws:states:::aws-sdk:costexplorer:getCostAndUsage",
          "Parameters": {"TimePeriod": {"Start": "2026-11-02", "End": "2026-11-03"}, "Granularity": "DAILY",
            "Metrics": ["UnblendedCost"], "Filter": {"Dimensions": {"Key": "SERVICE", "Values": ["AWS Step Functions"]}}},
          "OutputPath": "$.ResultsByTime[0].Total.UnblendedCost", "End": true}}}"""), Json.object());

    assertThat(e.status()).as(String.valueOf(e.cause())).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(Json.parse("{\"Amount\": \"0.00005\", \"Unit\": \"USD\"}"));
  }

  @Test
  void serviceDimensionValuesHonourTheSearchString() {
    JsonNode out = call("GetDimensionValues", """
        {"TimePeriod": {"Start": "2026-11-02", "End": "2026-11-03"}, "Dimension": "SERVICE", "SearchString": "lam"}""");

    assertThat(out.get("DimensionValues")).extracting(v -> v.get("Value").asText()).containsExactly(Services.LAMBDA);
    assertThat(out.get("TotalSize").asInt()).isEqualTo(1);
  }

  @Test
  void aCataloguePutIntoTheWorldFirstPricesTheAnswers() {
    try (World other = CostExplorerTesting.newWorld()) {
      other.component(PriceCatalogue.class, () -> PriceCatalogue.defaults()
          .withAmount("sfn-standard-transition", new java.math.BigDecimal("0.001")));
      AwsService service = new CostExplorerModule().install(other).get(0);
      other.run(StateMachine.parse("""
          {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}"""), Json.object());

      JsonNode out = service.handle(AwsRequest.newBuilder().operation("GetCostAndUsage").body("""
          {"TimePeriod": {"Start": "2026-11-02", "End": "2026-11-03"}, "Granularity": "DAILY",
           "Metrics": ["AmortizedCost"]}""").build()).jsonBody().orElseThrow();

      assertThat(out.at("/ResultsByTime/0/Total/AmortizedCost/Amount").asText()).isEqualTo("0.001");
    }
  }
}
