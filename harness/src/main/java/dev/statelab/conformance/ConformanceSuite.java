package dev.statelab.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run over a folder of cases, and the ratchet of known failures: the ids that may still fail,
 * each with a one-line reason, so that the count only goes down.
 */
public final class ConformanceSuite {

  private ConformanceSuite() {}

  /** Runs every case file in a folder, in name order. */
  public static List<CaseResult> run(Path dir, ConformanceRunner runner) {
    List<CaseResult> results = new ArrayList<>();
    for (Path file : ConformanceCase.list(dir)) {
      results.add(runner.run(ConformanceCase.read(file)));
    }
    return results;
  }

  /**
   * Reads a ratchet file: one case id per line, then {@code " # reason"}; blank lines and lines
   * starting with {@code #} are skipped.
   */
  public static Map<String, String> readKnownFailures(Path file) {
    Map<String, String> known = new LinkedHashMap<>();
    if (file == null || !Files.exists(file)) {
      return known;
    }
    try {
      for (String line : Files.readAllLines(file)) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        int hash = trimmed.indexOf(" # ");
        String id = hash < 0 ? trimmed : trimmed.substring(0, hash).strip();
        String reason = hash < 0 ? "" : trimmed.substring(hash + 3).strip();
        known.put(id, reason);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return known;
  }

  /** Summary counts of a run. */
  public record Summary(int passed, int failed, int historyCompared, int historyMatched) {

    /** Counts a list of results. */
    public static Summary of(List<CaseResult> results) {
      int passed = 0;
      int compared = 0;
      int matched = 0;
      for (CaseResult r : results) {
        if (r.passed()) {
          passed++;
        }
        if (r.historyMatches() != null) {
          compared++;
          if (r.historyMatches()) {
            matched++;
          }
        }
      }
      return new Summary(passed, results.size() - passed, compared, matched);
    }
  }
}
