package dev.statelab.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.json.Json;
import dev.statelab.server.StateLabServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a client StateLab did not write (python3 with boto3, the AWS CLI) as a bounded
 * subprocess, with dummy AWS credentials and no user AWS configuration.
 */
public final class Processes {

  /**
   * What a process printed and returned.
   *
   * @param exitCode the exit code; -1 when it could not start, -2 when it timed out
   * @param output standard output and error, interleaved
   */
  public record Result(int exitCode, String output) {

    /** The last line printed, parsed as JSON (the scripts' convention for their findings). */
    public JsonNode lastLineJson() {
      String[] lines = output.strip().split("\n");
      return Json.parse(lines[lines.length - 1]);
    }
  }

  private Processes() {}

  /** Runs a command to completion, killing it after {@code timeoutSeconds}. */
  public static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_CONFIG_FILE", "/nonexistent/statelab-aws-config");
    env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/statelab-aws-credentials");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    // StartSyncExecution's "sync-" host prefix would send the CLI to sync-127.0.0.1.
    env.put("AWS_DISABLE_HOST_PREFIX_INJECTION", "true");
    env.remove("AWS_PROFILE");
    env.remove("AWS_SESSION_TOKEN");
    Path log = Files.createTempFile("statelab-process", ".log");
    builder.redirectOutput(log.toFile());
    try {
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        return new Result(-1, "cannot start " + command.get(0) + ": " + e.getMessage());
      }
      process.getOutputStream().close();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-2, command + " timed out after " + timeoutSeconds + " s");
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /**
   * Copies a Python script from {@code owner}'s package resources into {@code dir} and runs it
   * with {@code args} (typically the endpoint and region of a started server).
   */
  public static Result runScript(Class<?> owner, String resource, Path dir, int timeoutSeconds, String... args)
      throws IOException, InterruptedException {
    Path script = dir.resolve(resource);
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource + " beside " + owner.getName());
      }
      Files.write(script, in.readAllBytes());
    }
    List<String> command = new ArrayList<>(List.of("python3", script.toString()));
    command.addAll(List.of(args));
    return run(command, timeoutSeconds);
  }

  /**
   * Starts a StateLab server on {@code options} (every standard module), runs a script from
   * {@code owner}'s resources against it ({@code python3 script endpoint region account}) for at
   * most {@code timeoutSeconds}, and answers the JSON of its last output line; a script that
   * fails fails the test with its output.
   */
  public static JsonNode runAgainstServer(Class<?> owner, String resource, Path dir, WorldOptions options,
      int timeoutSeconds) throws IOException, InterruptedException {
    try (StateLabServer server = StateLabServer.start(World.newInstance(options), GatewayOptions.defaults())) {
      Result result = runScript(owner, resource, dir, timeoutSeconds, server.endpoint().toString(), server.region(),
          server.accountId());
      if (result.exitCode() != 0) {
        throw new AssertionError("script " + resource + " exited " + result.exitCode() + ":\n" + result.output());
      }
      return result.lastLineJson();
    }
  }

  /** Null when python3 with boto3 is here, else the reason it is not (for a skip message). */
  public static String missingBoto3() throws IOException, InterruptedException {
    Result probe = run(List.of("python3", "-c", "import boto3, botocore"), 60);
    return probe.exitCode() == 0 ? null : "python3 with boto3 is not available here: " + probe.output().strip();
  }
}
