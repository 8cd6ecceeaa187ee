package dev.statelab.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The world's usage ledger: stamped on the world clock, filtered, summed and drained. */
class UsageLedgerTests {

  @Test
  void recordsAreStampedOnTheWorldClockInTheWorldsRegion() {
    Instant start = Instant.parse("2026-03-01T00:00:00Z");
    try (World world = World.newInstance(WorldOptions.newBuilder().startTime(start).region("eu-west-1").build())) {
      UsageLedger ledger = UsageLedger.of(world);
      ledger.record(Services.LAMBDA, "Request", 1, "Requests", Map.of("function", "f"));
      world.advanceBy(Duration.ofHours(2));
      ledger.record(Services.LAMBDA, "Request", 2, "Requests", Map.of());

      assertThat(ledger.records()).extracting(UsageRecord::at).containsExactly(start, start.plus(Duration.ofHours(2)));
      assertThat(ledger.records()).extracting(UsageRecord::region).containsOnly("eu-west-1");
      assertThat(ledger.between(start, start.plusSeconds(1))).hasSize(1);
      assertThat(ledger.total(Services.LAMBDA, "Request")).isEqualTo(3);
    }
  }

  @Test
  void drainingHandsOverEveryRecordAndLeavesTheLedgerEmpty() {
    try (World world = World.newInstance()) {
      UsageLedger ledger = UsageLedger.of(world);
      ledger.record(Services.DYNAMODB, "WriteRequestUnits", 1, "WriteRequestUnits", Map.of());
      ledger.record(Services.DYNAMODB, "ReadRequestUnits", 0.5, "ReadRequestUnits", Map.of());

      assertThat(ledger.drain()).extracting(UsageRecord::usageType).containsExactly("WriteRequestUnits", "ReadRequestUnits");
      assertThat(ledger.records()).isEmpty();
      assertThat(UsageLedger.of(world)).isSameAs(ledger);
    }
  }
}
