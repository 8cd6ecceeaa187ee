package dev.statelab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A world's components: one instance each, created on first use, even when one needs another. */
class WorldComponentTests {

  record Ledger() {}

  /** Forty values of forty distinct classes, so that some pair shares a hash bin. */
  private static final List<Object> VALUES = List.of(
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {},
      new Object() {});

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
  void aComponentsSupplierMayAskTheWorldForAnotherComponentEvenInTheSameHashBin() {
    for (int i = 0; i + 1 < VALUES.size(); i++) {
      Object outer = VALUES.get(i);
      Object inner = VALUES.get(i + 1);
      try (World world = World.newInstance()) {
        Object made = component(world, outer, () -> {
          component(world, inner, () -> inner);
          return outer;
        });
        assertThat(made).isSameAs(outer);
        assertThat(component(world, inner, () -> null)).isSameAs(inner);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Object component(World world, Object value, java.util.function.Supplier<Object> create) {
    Class<Object> type = (Class<Object>) value.getClass();
    return world.component(type, create);
  }

  @Test
  void aSupplierAnsweringNullLeavesNothingBehind() {
    try (World world = World.newInstance()) {
      assertThat(world.component(Ledger.class, () -> null)).isNull();
      assertThat(world.component(Ledger.class, Ledger::new)).isNotNull();
    }
  }
}
