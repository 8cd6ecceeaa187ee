package dev.statelab.service.costexplorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.cost.Services;
import dev.statelab.cost.UsageLedger;
import dev.statelab.engine.World;
import dev.statelab.json.Json;
import dev.statelab.service.batch.BatchModule;
import dev.statelab.service.batch.BatchStore;
import dev.statelab.service.batch.JobOutcome;
import dev.statelab.service.lambda.LambdaModule;
import dev.statelab.service.lambda.LambdaStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Lambda and Batch stand-ins record their billable usage into the world's UsageLedger. */
class UsageBridgeTests {

  @Test
  void aShortFargateJobIsBilledTheOneMinuteMinimum() {
    try (World world = CostExplorerTesting.newWorld()) {
      new BatchModule().install(world);
      CostExplorerTesting.provision(world);
      BatchStore batch = BatchStore.of(world);
      batch.registerRunner("crunch", job -> JobOutcome.of(0, Duration.ofSeconds(10)));
      batch.submitJob(Json.parse("{\"jobName\": \"j\", \"jobQueue\": \"q\", \"jobDefinition\": \"crunch\"}"));
      world.runUntilIdle();

      UsageLedger ledger = UsageLedger.of(world);
      // 1 vCPU and 2 GiB for 60 s (10 s ran).
      assertThat(ledger.total(Services.BATCH, "Fargate-vCPU-Hours:perCPU")).isCloseTo(1 / 60.0,
          org.assertj.core.data.Offset.offset(1e-12));
      assertThat(ledger.total(Services.BATCH, "Fargate-GB-Hours")).isCloseTo(2 / 60.0,
          org.assertj.core.data.Offset.offset(1e-12));
      assertThat(batch.usage().records()).singleElement().satisfies(r -> assertThat(r.seconds()).isEqualTo(10));
    }
  }

  @Test
  void eachLambdaInvocationIsARequestAndItsGbSeconds() {
    try (World world = CostExplorerTesting.newWorld()) {
      new LambdaModule().install(world);
      LambdaStore store = LambdaStore.of(world);
      store.registerJson("echo", in -> in);
      store.invoke("echo", "{}".getBytes(), dev.statelab.service.lambda.InvocationType.REQUEST_RESPONSE)
          .toCompletableFuture().join();

      UsageLedger ledger = UsageLedger.of(world);
      assertThat(ledger.total(Services.LAMBDA, "Request")).isEqualTo(1);
      assertThat(ledger.total(Services.LAMBDA, "Lambda-GB-Second")).isEqualTo(store.usage().gbSeconds());
      store.close();
    }
  }
}
