package dev.statelab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link World#scheduleDaemon}: timers that fire as time passes but never make it pass. */
class DaemonTimerTests {

  @Test
  void runUntilIdleReturnsWithOnlyDaemonTimersPending() {
    try (World world = World.newInstance()) {
      Instant start = world.now();
      List<Instant> fired = new ArrayList<>();
      world.scheduleDaemon(Duration.ofMinutes(1), () -> fired.add(world.now()));
      world.runUntilIdle();
      assertThat(fired).isEmpty();
      assertThat(world.now()).isEqualTo(start);
    }
  }

  @Test
  void daemonTimersDueBeforeAnOrdinaryTimerFireInOrder() {
    try (World world = World.newInstance()) {
      Instant start = world.now();
      List<String> fired = new ArrayList<>();
      world.scheduleDaemon(Duration.ofSeconds(30), () -> fired.add("daemon@30"));
      world.scheduleDaemon(Duration.ofSeconds(90), () -> fired.add("daemon@90"));
      world.schedule(Duration.ofSeconds(60), () -> fired.add("timer@60"));
      world.runUntilIdle();
      assertThat(fired).containsExactly("daemon@30", "timer@60");
      assertThat(world.now()).isEqualTo(start.plusSeconds(60));
    }
  }

  @Test
  void advanceByFiresEveryDaemonTimerInItsWindow() {
    try (World world = World.newInstance()) {
      List<Long> fired = new ArrayList<>();
      Instant start = world.now();
      Runnable[] tick = new Runnable[1];
      tick[0] = () -> {
        fired.add(Duration.between(start, world.now()).toSeconds());
        world.scheduleDaemon(Duration.ofSeconds(10), tick[0]);
      };
      world.scheduleDaemon(Duration.ofSeconds(10), tick[0]);
      world.advanceBy(Duration.ofSeconds(35));
      assertThat(fired).containsExactly(10L, 20L, 30L);
      assertThat(world.now()).isEqualTo(start.plusSeconds(35));
    }
  }
}
