package dev.statelab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.statelab.conformance.ApiBackend;
import dev.statelab.conformance.CaseResult;
import dev.statelab.conformance.ConformanceCase;
import dev.statelab.conformance.ConformanceRunner;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The AWS-recorded cases give the same results through the Step Functions API (the real SDK
 * against a StateLab server) as through the Java API.
 */
class ApiConformanceTests {

  private static final Path CASES =
      Path.of(System.getProperty("statelab.conformance.dir", "../../shared/conformance/localstack-aws-recorded")).resolve("cases");

  @Test
  void everyRecordedCaseGivesTheSameResultThroughTheApiAsThroughTheJavaApi() {
    assumeTrue(Files.isDirectory(CASES), "the shared AWS recordings are not at " + CASES.toAbsolutePath());
    WorldOptions world = WorldOptions.newBuilder()
        .clockMode(ClockMode.REAL).timeScale(0.001)
        .region(ConformanceRunner.REGION).accountId(ConformanceRunner.ACCOUNT).build();
    ConformanceRunner embedded = new ConformanceRunner();
    List<String> differences = new ArrayList<>();
    int compared = 0;
    try (StateLabServer server = StateLabServer.start(world, GatewayOptions.defaults())) {
      ConformanceRunner api = new ConformanceRunner(new ApiBackend(server.sfnClient()));
      for (Path file : ConformanceCase.list(CASES)) {
        ConformanceCase c = ConformanceCase.read(file);
        CaseResult viaApi = api.run(c);
        CaseResult viaJava = embedded.run(c);
        compared++;
        if (!viaApi.passed() || !sameOutcome(viaApi, viaJava)) {
          differences.add(c.id() + ": api " + viaApi.status() + " " + viaApi.difference() + " / java " + viaJava.status());
        }
      }
    }
    System.out.printf("conformance through the API: %d cases, %d differ%n", compared, differences.size());
    assertThat(differences).isEmpty();
  }

  /** Both match the recording (so their outputs agree modulo names and times), by the same path. */
  private static boolean sameOutcome(CaseResult a, CaseResult b) {
    return a.passed() == b.passed()
        && a.status().equals(b.status())
        && a.events().equals(b.events())
        && java.util.Objects.equals(a.error(), b.error());
  }
}
