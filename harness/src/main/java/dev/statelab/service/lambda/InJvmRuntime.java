package dev.statelab.service.lambda;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a {@link LambdaHandler} on the store's executor, interrupting it at the timeout. */
final class InJvmRuntime implements FunctionRuntime {

  private final LambdaHandler handler;
  private final ExecutorService executor;
  private final ScheduledExecutorService timer;
  private final java.util.function.BooleanSupplier inline;

  InJvmRuntime(LambdaHandler handler, ExecutorService executor, ScheduledExecutorService timer,
      java.util.function.BooleanSupplier inline) {
    this.handler = handler;
    this.executor = executor;
    this.timer = timer;
    this.inline = inline;
  }

  @Override
  public CompletionStage<RuntimeResponse> invoke(FunctionConfig config, byte[] event, LambdaContext context) {
    CompletableFuture<RuntimeResponse> result = new CompletableFuture<>();
    byte[] input = event.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : event;
    if (inline.getAsBoolean()) {
      try {
        byte[] out = handler.handle(input, context);
        return CompletableFuture.completedFuture(
            RuntimeResponse.ok(out == null ? "null".getBytes(StandardCharsets.UTF_8) : out));
      } catch (Throwable t) {
        return CompletableFuture.completedFuture(
            RuntimeResponse.error(ErrorPayloads.javaError(t, context.awsRequestId())));
      }
    }
    Future<?> run = executor.submit(() -> {
      try {
        byte[] out = handler.handle(input, context);
        result.complete(RuntimeResponse.ok(out == null ? "null".getBytes(StandardCharsets.UTF_8) : out));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Throwable t) {
        result.complete(RuntimeResponse.error(ErrorPayloads.javaError(t, context.awsRequestId())));
      }
    });
    timer.schedule(() -> {
      if (result.complete(RuntimeResponse.timeout(
          ErrorPayloads.timeout(Clock.systemUTC().instant(), context.awsRequestId(), config.timeoutSeconds())))) {
        run.cancel(true);
      }
    }, config.timeoutSeconds() * 1000L, TimeUnit.MILLISECONDS);
    return result;
  }
}
