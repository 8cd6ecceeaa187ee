/**
 * The AWS Batch stand-in: compute environments, job queues, job definitions and jobs whose
 * lifecycle runs on the world clock, the Batch API ({@code restJson1}, {@code POST /v1/submitjob}
 * ...), the {@code batch:submitJob} and {@code batch:submitJob.sync} Task integrations, and a
 * usage ledger ({@link dev.statelab.service.batch.BatchUsage}).
 *
 * <h2>Lifecycle</h2>
 *
 * <p>A job goes SUBMITTED, PENDING (1 s later; it stays there until every {@code dependsOn} job
 * has SUCCEEDED, and fails with "Dependent Job failed" if one fails), RUNNABLE (1 s later; it
 * stays there until a compute environment of its queue has {@code maxvCpus} to spare), STARTING,
 * RUNNING (5 s later), then SUCCEEDED (exit code 0) or FAILED. A failed attempt goes back to
 * RUNNABLE while {@code retryStrategy.attempts} allow and {@code evaluateOnExit} does not say
 * EXIT. An attempt longer than {@code timeout.attemptDurationSeconds} fails with "Job attempt
 * duration exceeded timeout". Times ({@code createdAt}, {@code startedAt}, {@code stoppedAt}) are
 * world epoch milliseconds; on the virtual clock a 20-minute job takes microseconds.
 *
 * <h2>Runners</h2>
 *
 * <ol>
 *   <li>A {@link dev.statelab.service.batch.JobRunner} registered for the job definition's name
 *       with {@link dev.statelab.service.batch.BatchStore#registerRunner}: Java code that gets
 *       the command, parameters and environment and returns an exit code and a world-time
 *       duration.
 *   <li>Otherwise, the simulated runner (the default): no container runs; the duration and exit
 *       code come from a model in the job definition's or SubmitJob's {@code parameters} or
 *       {@code tags} (parameters win over tags; SubmitJob's win over the definition's):
 *       <ul>
 *         <li>{@code statelab:duration} - a fixed duration, ISO-8601 ({@code PT20M}) or seconds
 *             ({@code 90}); default {@code PT1M}.
 *         <li>{@code statelab:durationDistribution} - drawn from the world's seeded random source:
 *             {@code fixed(PT5M)}, {@code uniform(min=PT1M,max=PT5M)}, {@code
 *             normal(mean=PT10M,stddev=PT2M)} (clamped at 0), {@code
 *             lognormal(mean=PT10M,sigma=0.3)} (mean is the distribution's mean). Overrides
 *             {@code statelab:duration}.
 *         <li>{@code statelab:exitCode} - the exit code; default 0.
 *         <li>{@code statelab:failureRate} - probability in [0, 1] that an attempt fails instead;
 *             default 0.
 *         <li>{@code statelab:failureExitCode} - the exit code of such a failure; default 1.
 *       </ul>
 *   <li>{@code statelab:runner=process}: the container {@code command} (after {@code Ref::}
 *       substitution) runs as a local process with the container environment; its exit code and
 *       wall time are the attempt's. The world waits while it runs.
 * </ol>
 *
 * <h2>Usage</h2>
 *
 * <p>Each finished attempt adds a {@link dev.statelab.service.batch.UsageRecord} (vCPU-seconds,
 * GB-seconds = memory MiB / 1024 x seconds, platform EC2 or FARGATE from the compute
 * environment's {@code computeResources.type}) to the world's {@link
 * dev.statelab.service.batch.BatchUsage}, read through {@code BatchStore.of(world).usage()}.
 */
package dev.statelab.service.batch;
