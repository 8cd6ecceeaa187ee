package dev.statelab.service.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.json.Json;
import java.time.Duration;
import java.time.Instant;

/** Worlds and resources shared by the Batch tests. */
final class BatchTesting {

  /** Every test world starts here, so job timestamps can be asserted exactly. */
  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  private BatchTesting() {}

  /** A virtual-clock world with Batch installed; a short I/O grace lets {@code .sync} tasks jump time. */
  static World newWorld(long seed) {
    World world = World.newInstance(WorldOptions.newBuilder().seed(seed).startTime(START)
        .realIoGrace(Duration.ofMillis(1)).build());
    new BatchModule().install(world);
    return world;
  }

  /** A compute environment {@code ce} of {@code maxvCpus} and a queue {@code q} on it. */
  static BatchStore withQueue(World world, int maxvCpus) {
    BatchStore store = BatchStore.of(world);
    store.createComputeEnvironment(Json.parse("""
        {"computeEnvironmentName": "ce", "type": "MANAGED",
         "computeResources": {"type": "EC2", "maxvCpus": %d}}""".formatted(maxvCpus)));
    store.createJobQueue(Json.parse("""
        {"jobQueueName": "q", "priority": 1,
         "computeEnvironmentOrder": [{"order": 1, "computeEnvironment": "ce"}]}"""));
    return store;
  }

  /** Registers a container definition of 2 vCPUs and 4096 MiB with extra JSON fields. */
  static void define(BatchStore store, String name, String extra) {
    store.registerJobDefinition(Json.parse("""
        {"jobDefinitionName": "%s", "type": "container",
         "containerProperties": {"image": "busybox", "vcpus": 2, "memory": 4096,
                                 "command": ["echo", "Ref::word"]}%s}"""
        .formatted(name, extra.isEmpty() ? "" : ", " + extra)));
  }

  /** Submits a job to {@code q} and returns its id. */
  static String submit(BatchStore store, String definition, String extra) {
    JsonNode out = store.submitJob(Json.parse("""
        {"jobName": "j", "jobQueue": "q", "jobDefinition": "%s"%s}"""
        .formatted(definition, extra.isEmpty() ? "" : ", " + extra)));
    return out.get("jobId").asText();
  }

  /** A job's status now. */
  static String status(BatchStore store, String jobId) {
    return store.describeJob(jobId).get("status").asText();
  }
}
