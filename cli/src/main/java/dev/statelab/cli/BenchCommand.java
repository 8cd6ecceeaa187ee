package dev.statelab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code statelab bench [--quick] [--include REGEX] [--out FILE]}: runs the JMH suites of
 * {@code benchmarks/target/benchmarks.jar} in a child JVM, with JMH's progress on the terminal and
 * its JSON result written to {@code --out}.
 *
 * <p>{@code --quick} trades precision for time (one fork, one warm-up and three measurement
 * iterations of one second, and the smaller parameter values): for a smoke pass or the lab, not
 * for figures to publish.
 */
final class BenchCommand {

  static final List<String> FLAGS = List.of("--include", "--out");
  static final List<String> SWITCHES = List.of("--quick");

  /** The default result file, relative to the working directory. */
  static final String DEFAULT_OUT = "target/statelab-bench/jmh.json";

  private final PrintStream out;
  private final PrintStream err;

  BenchCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int execute(Arguments args) {
    if (!args.positional().isEmpty()) {
      throw new UsageException("takes no positional arguments (use --include REGEX)");
    }
    Path result = Path.of(args.option("--out", DEFAULT_OUT)).toAbsolutePath();
    int exit = run(args.option("--include", ".*"), args.has("--quick"), result, List.of());
    if (exit == 0) {
      out.println("JMH results: " + result);
    }
    return exit == 0 ? 0 : 1;
  }

  /** Runs the suites matching {@code include}, with extra JMH arguments; returns JMH's exit code. */
  int run(String include, boolean quick, Path result, List<String> extra) {
    Path jar = benchmarksJar();
    try {
      Files.createDirectories(result.getParent());
      List<String> command = new ArrayList<>(command(jar, include, quick, result));
      command.addAll(extra);
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .start();
      process.getInputStream().transferTo(out);
      return process.waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("could not run " + jar + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The child JVM's command line. */
  static List<String> command(Path jar, String include, boolean quick, Path result) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dsun.net.httpserver.nodelay=true", "-jar", jar.toString(), include,
        "-rf", "json", "-rff", result.toString()));
    if (quick) {
      command.addAll(List.of("-f", "1", "-wi", "1", "-w", "1s", "-i", "3", "-r", "1s",
          "-p", "payloadBytes=256"));
    }
    return command;
  }

  /** The shaded JMH jar, found beside the project the launcher runs from. */
  static Path benchmarksJar() {
    Path home = Path.of(System.getProperty("statelab.home", "."));
    Path jar = home.resolve("benchmarks/target/benchmarks.jar");
    if (!Files.isRegularFile(jar)) {
      throw new UsageException("no benchmarks jar at " + jar
          + "; run ./statelab from the project root (it builds the jar), or ./mvnw -B -pl benchmarks -am package");
    }
    return jar;
  }
}
