package dev.statelab.service.batch;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs the container command as a local process ({@code statelab:runner=process}): the exit code
 * is the process's, the duration its wall time. The world waits while the process runs.
 */
final class ProcessRunner implements JobRunner {

  private static final long LIMIT_MINUTES = 30;

  @Override
  public JobOutcome run(JobContext job) throws IOException, InterruptedException {
    if (job.command().isEmpty()) {
      return new JobOutcome(1, Duration.ZERO, "No command to run");
    }
    ProcessBuilder builder = new ProcessBuilder(job.command()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(job.environment());
    builder.environment().put("AWS_BATCH_JOB_ID", job.jobId());
    builder.environment().put("AWS_BATCH_JOB_ATTEMPT", Integer.toString(job.attempt() + 1));
    if (job.arrayIndex() >= 0) {
      builder.environment().put("AWS_BATCH_JOB_ARRAY_INDEX", Integer.toString(job.arrayIndex()));
    }
    long start = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      return new JobOutcome(137, Duration.ofMinutes(LIMIT_MINUTES), "Process killed");
    }
    return new JobOutcome(process.exitValue(), Duration.ofNanos(System.nanoTime() - start), null);
  }
}
