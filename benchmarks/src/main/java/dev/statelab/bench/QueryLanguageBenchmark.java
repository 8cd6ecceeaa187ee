package dev.statelab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same workload in JSONPath and in JSONata mode ({@link QueryLanguageWorkload}): executions
 * per second of each, so the cost of choosing JSONata shows as a ratio.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class QueryLanguageBenchmark {

  /** The world and the parsed machine for one query language, built once per trial. */
  @State(Scope.Benchmark)
  public static class Engine {

    @Param
    public QueryLanguageWorkload language;

    StateMachine machine;
    JsonNode input;
    World world;

    /** Builds what the trial measures, outside the measurement. */
    @Setup(Level.Trial)
    public void setUp() {
      machine = StateMachine.parse(language.definitionText());
      input = QueryLanguageWorkload.input();
      world = World.newInstance(WorldOptions.newBuilder().seed(0).build());
      Execution first = world.run(machine, input);
      if (first.status() != ExecutionStatus.SUCCEEDED) {
        throw new IllegalStateException(language + " did not succeed: " + first.error() + " " + first.cause());
      }
    }

    /** Releases what the trial built. */
    @TearDown(Level.Trial)
    public void tearDown() {
      world.close();
    }
  }

  /** One execution of the order workload. */
  @Benchmark
  public Execution run(Engine engine) {
    return engine.world.run(engine.machine, engine.input);
  }
}
