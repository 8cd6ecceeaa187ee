package dev.statelab.bench;

import dev.statelab.cost.CostModel;
import dev.statelab.cost.PriceCatalogue;
import dev.statelab.cost.ScenarioUsage;
import dev.statelab.scenarios.Scenario;
import dev.statelab.scenarios.ScenarioCatalog;
import dev.statelab.scenarios.ScenarioRuns;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost projection per scenario: each call measures one scenario once as a Standard and once as
 * an Express workflow (two fresh metered worlds, {@link ScenarioRuns}) and prices both with the
 * default catalogue.
 *
 * <p>The primary score is projections per second. The aux counters are OPERATIONS counters (per
 * second, like the primary score); divide by the primary score for per-projection figures:
 * {@code standardUsdPerMillion} and {@code expressUsdPerMillion} are the cost of a million
 * executions of the scenario, all services included, as Standard and as Express.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CostProjectionBenchmark {

  /** The scenario and the prices. */
  @State(Scope.Benchmark)
  public static class Subject {

    /** A scenario of the catalogue that also runs as Express (the others have no Express cost to compare). */
    @Param({"express-ingestion", "fan-out", "retry-storm", "saga"})
    public String scenario;

    Scenario subject;
    CostModel prices;

    /** Builds what the trial measures, outside the measurement. */
    @Setup(Level.Trial)
    public void setUp() {
      subject = ScenarioCatalog.byName(scenario)
          .orElseThrow(() -> new IllegalArgumentException("no scenario " + scenario + "; have " + ScenarioCatalog.names()));
      prices = CostModel.of(PriceCatalogue.defaults());
    }
  }

  /** Cost of a million executions, summed over the iteration's projections. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class PerMillion {

    /** USD for a million Standard executions. */
    public double standardUsdPerMillion;
    /** USD for a million Express executions. */
    public double expressUsdPerMillion;

    /** Starts an iteration at zero. */
    @Setup(Level.Iteration)
    public void reset() {
      standardUsdPerMillion = 0;
      expressUsdPerMillion = 0;
    }
  }

  /** Measures and prices one scenario both ways. */
  @Benchmark
  public ScenarioUsage project(Subject subject, PerMillion counters) {
    ScenarioRuns.Measured measured = ScenarioRuns.measure(subject.subject, 1);
    if (!measured.comparable()) {
      throw new IllegalStateException(subject.scenario + " cannot run as Express: " + measured.expressProblem());
    }
    ScenarioUsage usage = measured.usage();
    counters.standardUsdPerMillion += million(subject.prices.price(usage.standard()).total());
    counters.expressUsdPerMillion += million(subject.prices.price(usage.express()).total());
    return usage;
  }

  private static double million(BigDecimal perExecution) {
    return perExecution.doubleValue() * 1_000_000;
  }
}
