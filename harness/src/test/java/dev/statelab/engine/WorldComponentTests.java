package dev.statelab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A world's components: one instance each, created on first use, even when one needs another. */
class WorldComponentTests {

  record Ledger() {}

  record Store(Ledger ledger) {}

  @Test
  void aComponentIsCreatedOnceAndReturnedAfterwards() {
    AtomicInteger created = new AtomicInteger();
    try (World world = World.newInstance()) {
      Ledger first = world.component(Ledger.class, () -> {
        created.incrementAndGet();
        return new Ledger();
      });
      Ledger second = world.component(Ledger.class, Ledger::new);

      assertThat(second).isSameAs(first);
      assertThat(created).hasValue(1);
    }
  }

  @Test
  void aComponentsSupplierMayAskTheWorldForAnotherComponent() {
    try (World world = World.newInstance()) {
      Store store = world.component(Store.class, () -> new Store(world.component(Ledger.class, Ledger::new)));

      assertThat(store.ledger()).isSameAs(world.component(Ledger.class, Ledger::new));
    }
  }

  @Test
  void aSupplierAnsweringNullLeavesNothingBehind() {
    try (World world = World.newInstance()) {
      assertThat(world.component(Ledger.class, () -> null)).isNull();
      assertThat(world.component(Ledger.class, Ledger::new)).isNotNull();
    }
  }
}
