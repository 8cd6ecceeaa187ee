package dev.statelab.cli;

import dev.statelab.conformance.CaseResult;
import dev.statelab.conformance.ConformanceCase;
import dev.statelab.conformance.ConformanceRunner;
import dev.statelab.conformance.ConformanceSuite;
import dev.statelab.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code statelab conformance DIR}: runs recorded cases, prints one line per failing case and
 * ends with {@code N passed, N failed} alone on the last line.
 */
final class ConformanceCommand {

  static final List<String> FLAGS = List.of("--report", "--known-failures", "--endpoint", "--region");

  private final PrintStream out;
  private final PrintStream err;

  ConformanceCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int execute(Arguments args) {
    Path dir = Path.of(args.single("case folder"));
    if (!Files.isDirectory(dir)) {
      throw new UsageException("no such folder: " + dir);
    }
    String known = args.option("--known-failures", null);
    Map<String, String> knownFailures = ConformanceSuite.readKnownFailures(known == null ? null : Path.of(known));
    String endpoint = args.option("--endpoint", null);
    software.amazon.awssdk.services.sfn.SfnClient client = null;
    ConformanceRunner runner;
    if (endpoint == null) {
      runner = new ConformanceRunner();
    } else {
      java.net.URI uri;
      try {
        uri = java.net.URI.create(endpoint);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--endpoint is not a URL: " + endpoint);
      }
      client = dev.statelab.gateway.SdkClients.forEndpoint(uri)
          .withRegion(args.option("--region", dev.statelab.conformance.ConformanceRunner.REGION))
          .client(software.amazon.awssdk.services.sfn.SfnClient.builder());
      runner = new ConformanceRunner(new dev.statelab.conformance.ApiBackend(client));
    }
    try {
      return runAll(dir, runner, args, known, knownFailures);
    } finally {
      if (client != null) {
        client.close();
      }
    }
  }

  private int runAll(Path dir, ConformanceRunner runner, Arguments args, String known, Map<String, String> knownFailures) {
    List<CaseResult> results = new ArrayList<>();
    List<Path> files = ConformanceCase.list(dir);
    String report = args.option("--report", null);
    try (Writer writer = report == null ? Writer.nullWriter() : Files2.newWriter(report)) {
      for (Path file : files) {
        CaseResult r = runner.run(ConformanceCase.read(file));
        results.add(r);
        writer.write(Json.write(r.toJson()));
        writer.write('\n');
        if (!r.passed()) {
          String mark = knownFailures.containsKey(r.id()) ? "known " : "";
          out.println(mark + "FAIL " + r.id() + ": " + r.difference());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ConformanceSuite.Summary s = ConformanceSuite.Summary.of(results);
    List<String> unexpected = results.stream()
        .filter(r -> !r.passed() && !knownFailures.containsKey(r.id())).map(CaseResult::id).toList();
    List<String> fixed = results.stream()
        .filter(r -> r.passed() && knownFailures.containsKey(r.id())).map(CaseResult::id).toList();
    long outcomes = results.stream().filter(CaseResult::outcomeMatches).count();
    out.printf("outcomes matched: %d/%d; history event types matched: %d/%d%n",
        outcomes, results.size(), s.historyMatched(), s.historyCompared());
    if (known != null) {
      for (String id : fixed) {
        out.println("now passing (remove from " + known + "): " + id);
      }
      out.println("not in the known-failures list: " + unexpected.size());
    }
    out.println(s.passed() + " passed, " + s.failed() + " failed");
    if (known != null) {
      return unexpected.isEmpty() ? 0 : 1;
    }
    return s.failed() == 0 ? 0 : 1;
  }
}
