package dev.statelab.service.batch;

import dev.statelab.asl.query.Randomness;
import java.util.List;
import java.util.Map;

/**
 * What a {@link JobRunner} sees of the attempt it runs.
 *
 * @param jobId the job id ({@code parent:index} for an array child)
 * @param jobName the job name
 * @param jobDefinitionName the job definition's name
 * @param attempt 0 for the first attempt, 1 for the first retry, ...
 * @param arrayIndex the array index, or -1 when the job is not an array child
 * @param command the container command after {@code Ref::} parameter substitution
 * @param parameters the job's parameters (definition defaults, then SubmitJob's)
 * @param environment the container environment
 * @param tags the job's tags (definition tags, then SubmitJob's)
 * @param vcpus the vCPUs the attempt holds
 * @param memoryMiB the memory the attempt holds, MiB
 * @param random the world's seeded random source
 */
public record JobContext(
    String jobId,
    String jobName,
    String jobDefinitionName,
    int attempt,
    int arrayIndex,
    List<String> command,
    Map<String, String> parameters,
    Map<String, String> environment,
    Map<String, String> tags,
    double vcpus,
    long memoryMiB,
    Randomness random) {}
