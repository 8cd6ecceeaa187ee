package dev.statelab.service.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.engine.ClockMode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The per-world usage ledger. */
class LambdaUsageTests {

  @Test
  void everyInvocationIsRecordedWithBilledMillisecondsAndOutcome() throws Exception {
    try (World world = World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.REAL).build());
        LambdaStore store = LambdaStore.of(world)) {
      store.register("work", (event, context) -> {
        Thread.sleep(20);
        return event;
      }, 3, 512);
      store.register("fail", (event, context) -> {
        throw new LambdaFunctionException("Nope", "no");
      });
      store.registerJson("off", in -> in);
      store.reservedConcurrency("off", 0);

      invoke(store, "work");
      invoke(store, "fail");
      assertThatThrownBy(() -> invoke(store, "off")).hasCauseInstanceOf(dev.statelab.gateway.AwsServiceException.class);

      List<InvocationRecord> records = store.usage().records();
      assertThat(records).extracting(InvocationRecord::functionName).containsExactlyInAnyOrder("work", "fail", "off");
      InvocationRecord work = store.usage().records("work").get(0);
      assertThat(work.outcome()).isEqualTo(InvocationRecord.Outcome.SUCCESS);
      assertThat(work.memoryMb()).isEqualTo(512);
      assertThat(work.durationMillis()).isGreaterThanOrEqualTo(20);
      assertThat(work.billedMillis()).isEqualTo((long) Math.ceil(work.durationMillis()));
      assertThat(work.end()).isAfterOrEqualTo(work.start());
      assertThat(work.gbSeconds()).isEqualTo(0.5 * work.billedMillis() / 1000.0);
      assertThat(store.usage().records("fail").get(0).outcome()).isEqualTo(InvocationRecord.Outcome.FUNCTION_ERROR);
      InvocationRecord off = store.usage().records("off").get(0);
      assertThat(off.outcome()).isEqualTo(InvocationRecord.Outcome.THROTTLED);
      assertThat(off.billedMillis()).isZero();
      assertThat(store.usage().billedInvocations()).isEqualTo(2);
    }
  }

  @Test
  void onAVirtualClockAFunctionIsBilledItsWorldTimeSoRunsAreRepeatable() throws Exception {
    try (World world = World.newInstance(); LambdaStore store = LambdaStore.of(world)) {
      store.register("work", (event, context) -> {
        Thread.sleep(20);
        return event;
      }, 3, 1024);

      invoke(store, "work");

      InvocationRecord work = store.usage().records("work").get(0);
      assertThat(work.durationMillis()).isZero();
      assertThat(work.billedMillis()).isEqualTo(1);
      assertThat(work.gbSeconds()).isEqualTo(0.001);
    }
  }

  private static InvocationResult invoke(LambdaStore store, String name) throws Exception {
    try {
      return store.invoke(name, "{}".getBytes(StandardCharsets.UTF_8), InvocationType.REQUEST_RESPONSE)
          .toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e;
    }
  }
}
