package dev.statelab.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code statelab} command: {@code run}, {@code validate}, {@code conformance}, {@code serve},
 * {@code bench}, {@code chaos}, {@code lab}.
 *
 * <p>Exit codes follow one rule across commands: 0 when the thing asked for succeeded, 1 when it
 * ran and failed (an execution failed, a definition is invalid, a case failed), 2 on bad usage.
 */
public final class Main {

  static final String USAGE =
      """
      Usage: statelab <command> [options]

      Commands:
        lab [--full] [--seed N] [--executions N] [--no-bench] [--out DIR]
            The lab run: every scenario as Standard and as Express, priced; a chaos
            sweep of retry-storm; a quick JMH pass (--full: every suite); then the
            HTML report in DIR (default reports/out) with its data in DIR/data.
        run FILE [--input JSON|@file] [--type STANDARD|EXPRESS] [--seed N] [--history]
            Run a state machine on the embedded engine (virtual clock) and print
            {status, output | error and cause, transitions, history?}.
        validate FILE
            Print the definition's diagnostics as JSON; exit 1 when it is invalid.
        conformance DIR [--report FILE] [--known-failures FILE] [--endpoint URL [--region R]]
            Run every recorded case in DIR; print one line per failing case, then
            'N passed, N failed'. With --known-failures, only cases not listed there
            make the command fail. With --endpoint, run them through the Step Functions
            API of a server (statelab serve, or any compatible endpoint).
        serve [--port 4566] [--host 127.0.0.1] [--clock real|virtual] [--time-scale X]
              [--seed N] [--region us-east-1] [--account 123456789012]
              [--mock-config MockConfigFile.json]
            Serve the Step Functions API for AWS SDKs, boto3 and the AWS CLI; prints
            'ready on http://HOST:PORT' and serves until Ctrl-C. --mock-config (or the
            SFN_MOCK_CONFIG environment variable) loads Step Functions Local mocks,
            chosen with '<stateMachineArn>#<TestCase>' on StartExecution.
        bench [--quick] [--include REGEX] [--out FILE]
            Run the JMH suites (benchmarks/target/benchmarks.jar) with progress on the
            terminal and JSON results in FILE (default target/statelab-bench/jmh.json).
        chaos SCENARIO [--seed N] [--executions N] [--out FILE.json]
            Run the scenario's default chaos sweep (fault rates x retry policies x
            seeds) on virtual-clock worlds; print a table per cell (success rate,
            attempts, latency p50/p90/p99, transitions) and the results as JSON (to
            FILE.json with --out, else to stdout with the table on stderr). The same
            seed gives the same JSON. 'chaos --list' prints the scenario names.
      """;

  private Main() {}

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs a command and returns its exit code (for tests). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      (args.length == 0 ? err : out).print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      return switch (args[0]) {
        case "run" -> new RunCommand(out, err).execute(Arguments.parse(rest, RunCommand.FLAGS, RunCommand.SWITCHES));
        case "validate" -> new ValidateCommand(out, err).execute(Arguments.parse(rest, List.of(), List.of()));
        case "conformance" -> new ConformanceCommand(out, err)
            .execute(Arguments.parse(rest, ConformanceCommand.FLAGS, List.of()));
        case "serve" -> new ServeCommand(out, err).execute(Arguments.parse(rest, ServeCommand.FLAGS, List.of()));
        case "lab" -> new LabCommand(out, err).execute(Arguments.parse(rest, LabCommand.FLAGS, LabCommand.SWITCHES));
        case "bench" -> new BenchCommand(out, err)
            .execute(Arguments.parse(rest, BenchCommand.FLAGS, BenchCommand.SWITCHES));
        case "chaos" -> new ChaosCommand(out, err)
            .execute(Arguments.parse(rest, ChaosCommand.FLAGS, ChaosCommand.SWITCHES));
        default -> {
          err.println("statelab: unknown command '" + args[0] + "'");
          err.print(USAGE);
          yield 2;
        }
      };
    } catch (UsageException e) {
      err.println("statelab " + args[0] + ": " + e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      // Never a stack trace for a user: one line, and the trace only when asked for.
      err.println("statelab " + args[0] + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
      if (System.getenv("STATELAB_DEBUG") != null) {
        e.printStackTrace(err);
      }
      return 1;
    }
  }
}
