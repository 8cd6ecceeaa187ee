package dev.statelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench command's contract; the suites themselves are run by hand or by the lab, never timed here. */
class BenchCommandTests {

  @TempDir Path dir;

  @Test
  void quickRunAsksJmhForJsonWithOneShortFork() {
    List<String> command = BenchCommand.command(Path.of("b.jar"), "StateType", true, Path.of("/tmp/out.json"));

    assertThat(command).containsSubsequence("-jar", "b.jar", "StateType", "-rf", "json", "-rff", "/tmp/out.json");
    assertThat(String.join(" ", command)).contains("-f 1 -wi 1 -w 1s -i 3 -r 1s");
  }

  @Test
  void fullRunKeepsTheSuitesOwnIterationSettings() {
    List<String> command = BenchCommand.command(Path.of("b.jar"), ".*", false, Path.of("/tmp/out.json"));

    assertThat(command).doesNotContain("-wi", "-i", "-f");
  }

  @Test
  void missingBenchmarksJarIsAUsageErrorThatSaysHowToBuildIt() {
    String before = System.getProperty("statelab.home");
    System.setProperty("statelab.home", dir.toString());
    try {
      CliRunner.Result r = CliRunner.run("bench", "--quick");

      assertThat(r.exitCode()).isEqualTo(2);
      assertThat(r.err()).contains("no benchmarks jar at").contains("./mvnw -B -pl benchmarks -am package");
    } finally {
      if (before == null) {
        System.clearProperty("statelab.home");
      } else {
        System.setProperty("statelab.home", before);
      }
    }
  }
}
