package dev.statelab.service.batch;

import java.util.ArrayList;
import java.util.List;

/** A world's ledger of Batch compute usage: one {@link UsageRecord} per finished job attempt. */
public final class BatchUsage {

  private final List<UsageRecord> records = new ArrayList<>();

  BatchUsage() {}

  synchronized void add(UsageRecord usage) {
    records.add(usage);
  }

  /** Every attempt recorded so far, in the order they stopped. */
  public synchronized List<UsageRecord> records() {
    return List.copyOf(records);
  }

  /** The records of one job. */
  public synchronized List<UsageRecord> forJob(String jobId) {
    return records.stream().filter(r -> r.jobId().equals(jobId)).toList();
  }

  /** Total vCPU-seconds. */
  public synchronized double vcpuSeconds() {
    return records.stream().mapToDouble(UsageRecord::vcpuSeconds).sum();
  }

  /** Total GB-seconds. */
  public synchronized double gbSeconds() {
    return records.stream().mapToDouble(UsageRecord::gbSeconds).sum();
  }

  /** Total vCPU-seconds on one platform ({@code EC2} or {@code FARGATE}). */
  public synchronized double vcpuSeconds(String platform) {
    return records.stream().filter(r -> r.platform().equals(platform))
        .mapToDouble(UsageRecord::vcpuSeconds).sum();
  }
}
