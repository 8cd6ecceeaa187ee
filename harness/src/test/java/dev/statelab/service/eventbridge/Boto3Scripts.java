package dev.statelab.service.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs python scripts with a bounded wait; output goes to a file so a chatty script cannot block. */
public final class Boto3Scripts {

  private Boto3Scripts() {}

  /** A script's exit code and output. */
  public record Result(int exit, String output) {

    /** The last output line as JSON. */
    public JsonNode lastLine() {
      String[] lines = output.strip().split("\n");
      return Json.parse(lines[lines.length - 1]);
    }
  }

  /** True when python3 can import boto3. */
  public static boolean available() throws Exception {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import boto3").redirectErrorStream(true).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Copies a script from the owner's resources into {@code dir}. */
  public static Path copy(Class<?> owner, String resource, Path dir) throws Exception {
    Path script = dir.resolve(resource);
    try (InputStream in = owner.getResourceAsStream(resource)) {
      Files.write(script, in.readAllBytes());
    }
    return script;
  }

  /** Runs a command with AWS_EC2_METADATA_DISABLED, waiting at most {@code timeoutSeconds}. */
  public static Result run(Path dir, int timeoutSeconds, String... command) throws Exception {
    Path log = dir.resolve("out.log");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(-1, "timed out: " + Files.readString(log, StandardCharsets.UTF_8));
    }
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /**
   * Copies a script from the owner's resources, starts a StateLab server (virtual clock, given
   * seed, every standard module), runs {@code python3 script endpoint region account} against it
   * for at most two minutes, and returns the JSON of its last output line.
   */
  public static JsonNode runAgainstServer(Class<?> owner, String resource, Path dir, long seed) throws Exception {
    Path script = copy(owner, resource, dir);
    try (dev.statelab.server.StateLabServer server = dev.statelab.server.StateLabServer.start(
        dev.statelab.engine.World.newInstance(dev.statelab.engine.WorldOptions.newBuilder().seed(seed)
            .realIoGrace(java.time.Duration.ofMillis(5)).build()), dev.statelab.gateway.GatewayOptions.defaults())) {
      Result result = run(dir, 120, "python3", script.toString(), server.endpoint().toString(),
          server.region(), server.accountId());
      if (result.exit() != 0) {
        throw new AssertionError("script " + resource + " exited " + result.exit() + ":\n" + result.output());
      }
      return result.lastLine();
    }
  }
}
