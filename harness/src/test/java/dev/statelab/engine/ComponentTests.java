package dev.statelab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link World#component}: one instance per type, and constructors may ask for other components. */
class ComponentTests {

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
  void aComponentsConstructorMayCreateAnotherComponent() {
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
}
