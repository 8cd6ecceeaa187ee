package dev.statelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.server.StateLabServer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;

/** {@code statelab serve}: options, a served SDK round trip, and a clean stop on SIGTERM. */
class ServeCommandTests {

  @Test
  void serveOptionsBuildAServerInTheGivenRegionAndAccountThatTheSdkCanUse() {
    Arguments args = Arguments.parse(List.of("--port", "0", "--seed", "3", "--region",
        "eu-west-1", "--account", "111122223333", "--clock", "virtual"), ServeCommand.FLAGS,
        List.of());
    try (StateLabServer server = ServeCommand.start(args)) {
      SfnClient sfn = server.sfnClient();
      String arn = sfn.createStateMachine(b -> b.name("served").roleArn("arn:aws:iam::1:role/r")
          .definition("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}"))
          .stateMachineArn();

      assertThat(arn).isEqualTo("arn:aws:states:eu-west-1:111122223333:stateMachine:served");
      assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
      assertThat(server.world().options().seed()).isEqualTo(3);
    }
  }

  @Test
  void serveWithAnUnknownClockIsAUsageError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = Main.run(new String[] {"serve", "--clock", "sideways"},
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--clock must be real or virtual, got 'sideways'");
  }

  @Test
  void serveInItsOwnProcessPrintsReadyAndStopsCleanlyOnSigterm(@TempDir Path dir)
      throws Exception {
    Path errors = dir.resolve("stderr.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp",
        System.getProperty("java.class.path"), "-Dsun.net.httpserver.nodelay=true",
        Main.class.getName(), "serve", "--port", "0")
        .redirectError(errors.toFile());
    long start = System.nanoTime();
    Process process = builder.start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(
        process.getInputStream(), StandardCharsets.UTF_8))) {
      String ready = out.readLine();
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

      assertThat(ready).startsWith("ready on http://127.0.0.1:");
      URI endpoint = URI.create(ready.substring("ready on ".length()));
      try (SfnClient sfn = dev.statelab.gateway.SdkClients.forEndpoint(endpoint)
          .client(SfnClient.builder())) {
        assertThat(sfn.listStateMachines().stateMachines()).isEmpty();
      }
      System.out.println("statelab serve: ready in " + millis + " ms (subprocess, test classpath)");
    } finally {
      process.destroy(); // SIGTERM
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(Files.readString(errors)).contains("statelab serve: stopped");
    assertThat(new File(java)).exists();
  }
}
