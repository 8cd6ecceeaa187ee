package dev.statelab.scenarios;

import static dev.statelab.junit.StateLabAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.chaos.FaultKind;
import dev.statelab.chaos.Faults;
import dev.statelab.chaos.InjectedFault;
import dev.statelab.engine.Execution;
import dev.statelab.junit.Scenario;
import dev.statelab.junit.StateLab;
import dev.statelab.junit.StateLabTest;
import dev.statelab.junit.StateMachineUnderTest;
import dev.statelab.junit.WorldLifecycle;
import dev.statelab.scenarios.ParallelEtlScenario.Warehouse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * parallel-etl: the definition's {@code ${...}} placeholders are filled with ARNs read through
 * the injected Batch and Lambda clients, as a CDK stack's DefinitionSubstitutions would be;
 * Batch job attempts lose their hosts through the fault DSL.
 */
@StateLabTest(lifecycle = WorldLifecycle.PER_METHOD, seed = 3)
class ParallelEtlScenarioTests {

  private StateMachineUnderTest etl;
  private Faults faults;

  @BeforeEach
  void deploy(StateLab lab, BatchClient batch, LambdaClient lambda) {
    new ParallelEtlScenario().setup(lab.world());
    faults = Faults.of(lab.world());
    etl = lab.deploy(Scenario.fromClasspath("scenarios/parallel-etl.asl.json")
        .substitute("JobQueueArn", batch.describeJobQueues(b -> b.jobQueues("etl")).jobQueues().get(0).jobQueueArn())
        .substitute("OrdersJobDefinitionArn", jobDefinitionArn(batch, "extract-orders"))
        .substitute("CustomersJobDefinitionArn", jobDefinitionArn(batch, "extract-customers"))
        .substitute("InventoryJobDefinitionArn", jobDefinitionArn(batch, "extract-inventory"))
        .substitute("TransformFunctionArn", lambda.getFunction(b -> b.functionName("transform")).configuration().functionArn())
        .substitute("LoadFunctionArn", lambda.getFunction(b -> b.functionName("load")).configuration().functionArn()));
  }

  private static String jobDefinitionArn(BatchClient batch, String name) {
    return batch.describeJobDefinitions(b -> b.jobDefinitionName(name).status("ACTIVE"))
        .jobDefinitions().get(0).jobDefinitionArn();
  }

  @Test
  void theExtractsRunSideBySideSoTheNightTakesAsLongAsTheLongestJob(StateLab lab) {
    Execution night = etl.run("{\"runDate\": \"2026-01-01\"}");

    assertThat(night).succeeded()
        .hasOutputAt("$.rows", 120_000 + 8_000 + 45_000)
        .hasOutputAt("$.extractSeconds", Map.of("orders", 1200, "customers", 300, "inventory", 720))
        .visitedStatesInOrder("Extract", "Transform", "Load", "Done");
    assertThat(Duration.between(night.startDate(), night.stopDate())).isLessThan(Duration.ofMinutes(21));
    assertThat(Warehouse.of(lab.world()).batches()).containsEntry("etl-2026-01-01", 173_000);
  }

  @Test
  void aLostHostIsRetriedByBatchItselfNotByTheWorkflow() {
    faults.onJobDefinition("extract-orders").onNthCall(1).loseHost();

    Execution night = etl.run("{\"runDate\": \"2026-01-02\"}");

    assertThat(night).succeeded()
        .hasRetryCount("ExtractOrders", 0)
        .hasOutputAt("$.extracts[0].attempts", 2)
        .hasOutputAt("$.extracts[1].attempts", 1);
    assertThat(faults.injected()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FaultKind.HOST_LOST);
      assertThat(f.cause()).matches("Host EC2 \\(instance i-[0-9a-f]{17}\\) terminated\\.");
    });
  }

  @Test
  void aJobThatFailsEveryAttemptIsRetriedOnceByItsTaskThenCaught() {
    faults.onJobDefinition("extract-inventory").failJob("OutOfMemoryError: Container killed due to memory usage");

    Execution night = etl.run("{\"runDate\": \"2026-01-03\"}");

    assertThat(night).failedWith("ExtractFailed")
        .hasRetryCount("ExtractInventory", 1)
        .hasRetryCount("ExtractOrders", 0)
        .visitedStatesInOrder("Extract", "ExtractFailed");
    // Batch made 3 attempts for each of the 2 jobs the Task submitted.
    assertThat(faults.injected()).extracting(InjectedFault::kind).containsOnly(FaultKind.JOB_FAILURE).hasSize(6);
  }
}
