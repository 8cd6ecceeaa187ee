package dev.statelab.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs every execution recorded against real AWS and holds the ratchet: a case that fails must be
 * listed in {@code conformance/known-failures.txt} with its reason, and a listed case that now
 * passes must be taken off the list, so the count only goes down.
 */
class RecordedConformanceTests {

  private static final Path ROOT = Path.of(System.getProperty("statelab.conformance.dir", "../../shared/conformance/localstack-aws-recorded"));
  private static final Path KNOWN_FAILURES = Path.of(System.getProperty("statelab.known.failures", "../conformance/known-failures.txt"));

  @Test
  void everyRecordedCaseMatchesAwsOrIsAKnownFailure() {
    Path cases = ROOT.resolve("cases");
    assumeTrue(Files.isDirectory(cases), "the shared AWS recordings are not at " + cases.toAbsolutePath());
    List<CaseResult> results = ConformanceSuite.run(cases, new ConformanceRunner());
    Map<String, String> known = ConformanceSuite.readKnownFailures(KNOWN_FAILURES);

    List<String> unexpected = results.stream()
        .filter(r -> !r.passed() && !known.containsKey(r.id()))
        .map(r -> r.id() + ": " + r.difference())
        .toList();
    List<String> fixed = results.stream().filter(r -> r.passed() && known.containsKey(r.id())).map(CaseResult::id).toList();
    ConformanceSuite.Summary summary = ConformanceSuite.Summary.of(results);
    System.out.printf("conformance: %d passed, %d failed; history types matched %d/%d%n",
        summary.passed(), summary.failed(), summary.historyMatched(), summary.historyCompared());

    assertThat(unexpected).as("cases failing that are not in %s", KNOWN_FAILURES).isEmpty();
    assertThat(fixed).as("cases now passing: remove them from %s", KNOWN_FAILURES).isEmpty();
  }
}
