package dev.statelab.service.lambda;

import dev.statelab.gateway.AwsServiceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a function's code in a local process, one process per invocation: {@code python3} for
 * {@code python3.x} runtimes, {@code node} for {@code nodejs*}. The process is killed at the
 * function timeout.
 */
final class ProcessRuntime implements FunctionRuntime {

  private static final int ERROR_EXIT = 3;

  private final Path codeDir;
  private final boolean ownsCodeDir;
  private final Path bootstrap;
  private final List<String> command;
  private final ExecutorService executor;
  private final ScheduledExecutorService timer;
  private final String region;

  private ProcessRuntime(Path codeDir, boolean ownsCodeDir, Path bootstrap, List<String> command,
      ExecutorService executor, ScheduledExecutorService timer, String region) {
    this.codeDir = codeDir;
    this.ownsCodeDir = ownsCodeDir;
    this.bootstrap = bootstrap;
    this.command = command;
    this.executor = executor;
    this.timer = timer;
    this.region = region;
  }

  /** True when a local process can run this runtime ({@code python3.x} or {@code nodejs*}). */
  static boolean supports(String runtime) {
    return runtime != null && (runtime.startsWith("python3") || runtime.startsWith("nodejs"));
  }

  /**
   * A runtime for code in {@code codeDir}.
   *
   * @param ownsCodeDir delete the directory when the runtime closes (unpacked zips)
   */
  static ProcessRuntime create(String runtime, Path codeDir, boolean ownsCodeDir,
      ExecutorService executor, ScheduledExecutorService timer, String region) {
    boolean python = runtime.startsWith("python");
    try {
      Path script = Files.createTempFile("statelab-bootstrap-", python ? ".py" : ".js");
      Files.writeString(script, python ? Bootstraps.PYTHON : Bootstraps.NODE, StandardCharsets.UTF_8);
      script.toFile().deleteOnExit();
      List<String> command = List.of(python ? "python3" : "node", script.toString());
      return new ProcessRuntime(codeDir, ownsCodeDir, script, command, executor, timer, region);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public CompletionStage<RuntimeResponse> invoke(FunctionConfig config, byte[] event, LambdaContext context) {
    CompletableFuture<RuntimeResponse> result = new CompletableFuture<>();
    executor.execute(() -> start(config, event, context, result));
    return result;
  }

  private void start(FunctionConfig config, byte[] event, LambdaContext context,
      CompletableFuture<RuntimeResponse> result) {
    Path work;
    Process process;
    try {
      work = Files.createTempDirectory("statelab-invoke-");
      Path in = work.resolve("event.json");
      Files.write(in, event);
      ProcessBuilder pb = new ProcessBuilder(command)
          .directory(codeDir.toFile())
          .redirectInput(in.toFile())
          .redirectOutput(work.resolve("stdout").toFile())
          .redirectError(work.resolve("stderr").toFile());
      Map<String, String> env = pb.environment();
      env.putAll(config.environment());
      env.put("AWS_LAMBDA_FUNCTION_NAME", config.name());
      env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memoryMb()));
      env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
      env.put("AWS_REGION", region);
      env.put("AWS_DEFAULT_REGION", region);
      env.put("LAMBDA_TASK_ROOT", codeDir.toString());
      env.put("_HANDLER", config.handler());
      env.put("STATELAB_REQUEST_ID", context.awsRequestId());
      env.put("STATELAB_FUNCTION_ARN", config.arn());
      env.put("STATELAB_DEADLINE_MS", Long.toString(System.currentTimeMillis() + config.timeoutSeconds() * 1000L));
      process = pb.start();
    } catch (IOException | RuntimeException e) {
      result.completeExceptionally(new AwsServiceException("ServiceException",
          "Could not start the " + config.runtime() + " runtime: " + e.getMessage(), 500));
      return;
    }
    Path dir = work;
    timer.schedule(() -> {
      if (process.isAlive() && result.complete(RuntimeResponse.timeout(
          ErrorPayloads.timeout(Clock.systemUTC().instant(), context.awsRequestId(), config.timeoutSeconds())))) {
        process.destroyForcibly();
        process.onExit().thenRunAsync(() -> deleteTree(dir), executor);
      }
    }, config.timeoutSeconds() * 1000L, TimeUnit.MILLISECONDS);
    process.onExit().thenAcceptAsync(p -> {
      if (result.isDone()) {
        return;
      }
      try {
        byte[] out = Files.readAllBytes(dir.resolve("stdout"));
        String logs = Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8);
        int exit = p.exitValue();
        if (exit == 0) {
          result.complete(RuntimeResponse.ok(out).withLogs(logs));
        } else if (exit == ERROR_EXIT && out.length > 0) {
          result.complete(RuntimeResponse.error(out).withLogs(logs));
        } else {
          result.complete(new RuntimeResponse(ErrorPayloads.exitError(context.awsRequestId(), exit), true,
              InvocationRecord.Outcome.SERVICE_ERROR, logs));
        }
      } catch (IOException e) {
        result.completeExceptionally(new AwsServiceException("ServiceException",
            "Could not read the function's response: " + e.getMessage(), 500));
      } finally {
        deleteTree(dir);
      }
    }, executor);
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(bootstrap);
    } catch (IOException e) {
      // a leftover temp file is harmless
    }
    if (ownsCodeDir) {
      deleteTree(codeDir);
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort
    }
  }
}
