package dev.statelab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.chaos.ChaosExperiment;
import dev.statelab.chaos.ChaosReport;
import dev.statelab.chaos.ChaosSweep;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import org.junit.jupiter.api.Test;

/** The catalogue finds every scenario class with its ASL file. */
class ScenarioCatalogTests {

  @Test
  void theCatalogueListsTheScenariosByName() {
    assertThat(ScenarioCatalog.names()).containsExactly("express-ingestion", "fan-out", "human-approval",
        "parallel-etl", "polling-loop", "retry-storm", "saga", "seed-pipeline");
    assertThat(ScenarioCatalog.byName("saga")).get().isInstanceOf(SagaScenario.class);
    assertThat(ScenarioCatalog.byName("no-such-scenario")).isEmpty();
  }

  @Test
  void everyScenarioRunsItsDefaultInputToSuccessWithoutFaults() {
    for (Scenario scenario : ScenarioCatalog.all()) {
      try (World world = World.newInstance(WorldOptions.newBuilder().startTime(ChaosExperiment.START).build())) {
        scenario.setup(world);
        Execution e = world.run(scenario.stateMachine(), scenario.defaultInput());
        assertThat(e.status()).as(scenario.name()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(scenario.description()).as(scenario.name()).isNotBlank();
        assertThat(scenario.defaultSweep().cells()).as(scenario.name()).isGreaterThan(1);
      }
    }
  }

  @Test
  void everyDefaultSweepRunsEveryCell() {
    for (Scenario scenario : ScenarioCatalog.all()) {
      ChaosSweep sweep = scenario.defaultSweep().withExecutionsPerCell(5);
      ChaosReport report = ChaosExperiment.of(scenario, sweep).run();
      assertThat(report.cells()).as(scenario.name()).hasSize(sweep.cells())
          .allSatisfy(cell -> assertThat(cell.executions()).isEqualTo(5));
      assertThat(report.cells()).as(scenario.name() + ": some cell where every execution succeeds")
          .anySatisfy(cell -> assertThat(cell.successRate()).isEqualTo(1.0));
    }
  }
}
