package dev.statelab.service.batch;

/**
 * The compute one job attempt used, as AWS bills it (per second of the running container).
 *
 * @param jobId the job id
 * @param jobName the job name
 * @param jobQueue the job queue's ARN
 * @param attempt 0 for the first attempt
 * @param platform {@code EC2} or {@code FARGATE}, from the compute environment
 * @param vcpus the vCPUs the attempt held
 * @param memoryMiB the memory the attempt held, MiB
 * @param startedAtMillis when the container started running, epoch millis
 * @param stoppedAtMillis when it stopped, epoch millis
 */
public record UsageRecord(
    String jobId,
    String jobName,
    String jobQueue,
    int attempt,
    String platform,
    double vcpus,
    long memoryMiB,
    long startedAtMillis,
    long stoppedAtMillis) {

  /** The attempt's running time in seconds. */
  public double seconds() {
    return Math.max(0, stoppedAtMillis - startedAtMillis) / 1000.0;
  }

  /** vCPUs times seconds. */
  public double vcpuSeconds() {
    return vcpus * seconds();
  }

  /** GB-seconds: memory in GiB (MiB / 1024) times seconds. */
  public double gbSeconds() {
    return memoryMiB / 1024.0 * seconds();
  }
}
