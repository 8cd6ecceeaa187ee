package dev.statelab.cli;

import dev.statelab.chaos.ChaosExperiment;
import dev.statelab.chaos.ChaosReport;
import dev.statelab.chaos.ChaosSweep;
import dev.statelab.scenarios.Scenario;
import dev.statelab.scenarios.ScenarioCatalog;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * {@code statelab chaos SCENARIO [--seed N] [--executions N] [--out FILE.json]}: runs the
 * scenario's default chaos sweep on virtual-clock worlds. With {@code --out}, the JSON goes to the
 * file and a summary table to stdout; without it, the JSON goes to stdout and the table to stderr.
 * {@code statelab chaos --list} prints the scenario names, one a line.
 */
final class ChaosCommand {

  static final List<String> FLAGS = List.of("--seed", "--out", "--executions");
  static final List<String> SWITCHES = List.of("--list");

  private final PrintStream out;
  private final PrintStream err;

  ChaosCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int execute(Arguments args) {
    if (args.has("--list")) {
      if (!args.positional().isEmpty()) {
        throw new UsageException("--list takes no scenario");
      }
      ScenarioCatalog.names().forEach(out::println);
      return 0;
    }
    String name = args.single("scenario (statelab chaos --list names them)");
    Scenario scenario = ScenarioCatalog.byName(name).orElseThrow(() -> new UsageException(
        "unknown scenario '" + name + "'; one of: " + String.join(", ", ScenarioCatalog.names())));
    ChaosSweep sweep = scenario.defaultSweep();
    if (args.options().containsKey("--seed")) {
      sweep = sweep.withBaseSeed(number(args.option("--seed", "0"), "--seed"));
    }
    if (args.options().containsKey("--executions")) {
      long n = number(args.option("--executions", "1"), "--executions");
      if (n < 1 || n > 1_000_000) {
        throw new UsageException("--executions must be 1..1000000, not " + n);
      }
      sweep = sweep.withExecutionsPerCell((int) n);
    }
    long started = System.nanoTime();
    ChaosReport report = ChaosExperiment.of(scenario, sweep).run();
    double seconds = (System.nanoTime() - started) / 1e9;
    String json = report.toJsonText();
    String outFile = args.options().get("--out");
    PrintStream tableStream = outFile == null ? err : out;
    tableStream.println(scenario.name() + ": " + scenario.description());
    tableStream.print(report.table());
    tableStream.println(String.format(Locale.ROOT, "%d cells x %d executions in %.2f s (wall)",
        sweep.cells(), sweep.executionsPerCell(), seconds));
    if (outFile == null) {
      out.print(json);
    } else {
      try (Writer w = Files2.newWriter(outFile)) {
        w.write(json);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.println("wrote " + outFile);
    }
    return 0;
  }

  static long number(String value, String flag) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new UsageException(flag + " must be a whole number, not " + value);
    }
  }
}
