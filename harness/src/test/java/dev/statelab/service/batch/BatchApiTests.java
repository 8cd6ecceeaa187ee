package dev.statelab.service.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.json.Json;
import dev.statelab.server.StateLabServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.CEType;
import software.amazon.awssdk.services.batch.model.CRType;
import software.amazon.awssdk.services.batch.model.ClientException;
import software.amazon.awssdk.services.batch.model.ComputeEnvironmentOrder;
import software.amazon.awssdk.services.batch.model.ComputeResource;
import software.amazon.awssdk.services.batch.model.ContainerProperties;
import software.amazon.awssdk.services.batch.model.JobDefinitionType;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.batch.model.JobStatus;
import software.amazon.awssdk.services.batch.model.ListJobsResponse;
import software.amazon.awssdk.services.batch.model.ResourceRequirement;
import software.amazon.awssdk.services.batch.model.ResourceType;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/** The real SDK v2 Batch client (and Step Functions client) against a StateLab server. */
class BatchApiTests {

  private StateLabServer server;
  private BatchClient batch;

  @BeforeEach
  void setUp() {
    server = StateLabServer.start(World.newInstance(WorldOptions.newBuilder().seed(3)
        .realIoGrace(Duration.ofMillis(5)).build()), GatewayOptions.defaults());
    batch = server.clients().client(BatchClient.builder());
    batch.createComputeEnvironment(r -> r.computeEnvironmentName("fargate").type(CEType.MANAGED)
        .computeResources(ComputeResource.builder().type(CRType.FARGATE).maxvCpus(4)
            .subnets("subnet-1").build()));
    batch.createJobQueue(r -> r.jobQueueName("q").priority(10).computeEnvironmentOrder(
        ComputeEnvironmentOrder.builder().order(1).computeEnvironment("fargate").build()));
    batch.registerJobDefinition(r -> r.jobDefinitionName("report").type(JobDefinitionType.CONTAINER)
        .parameters(java.util.Map.of("statelab:duration", "PT20M"))
        .containerProperties(ContainerProperties.builder().image("busybox")
            .command("echo", "hello")
            .resourceRequirements(
                ResourceRequirement.builder().type(ResourceType.VCPU).value("0.5").build(),
                ResourceRequirement.builder().type(ResourceType.MEMORY).value("1024").build())
            .build()));
  }

  @AfterEach
  void tearDown() {
    batch.close();
    server.close();
  }

  @Test
  void sdkSubmitsAJobThatRunsTwentyVirtualMinutesOnFargate() {
    String id = batch.submitJob(r -> r.jobName("r1").jobQueue("q").jobDefinition("report")).jobId();

    JobDetail job = awaitStatus(id, JobStatus.SUCCEEDED);

    assertThat(job.stoppedAt() - job.startedAt()).isEqualTo(1_200_000L);
    assertThat(job.attempts()).hasSize(1);
    assertThat(job.attempts().get(0).container().exitCode()).isZero();
    assertThat(job.container().command()).containsExactly("echo", "hello");
    assertThat(job.jobQueue()).isEqualTo("arn:aws:batch:us-east-1:123456789012:job-queue/q");
    assertThat(job.jobDefinition())
        .isEqualTo("arn:aws:batch:us-east-1:123456789012:job-definition/report:1");
    BatchUsage usage = BatchStore.of(server.world()).usage();
    assertThat(usage.forJob(id).get(0).platform()).isEqualTo("FARGATE");
    assertThat(usage.forJob(id).get(0).vcpuSeconds()).isEqualTo(600.0);
    assertThat(usage.forJob(id).get(0).gbSeconds()).isEqualTo(1200.0);
  }

  @Test
  void listJobsFiltersByQueueAndStatusAndPaginates() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(batch.submitJob(r -> r.jobName("many").jobQueue("q").jobDefinition("report"))
          .jobId());
    }
    ids.forEach(id -> awaitStatus(id, JobStatus.SUCCEEDED));

    List<String> listed = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListJobsResponse page = batch.listJobs(r -> r.jobQueue("q").jobStatus(JobStatus.SUCCEEDED)
          .maxResults(2).nextToken(next));
      pageSizes.add(page.jobSummaryList().size());
      page.jobSummaryList().forEach(s -> listed.add(s.jobId()));
      token = page.nextToken();
    } while (token != null);

    assertThat(pageSizes).containsExactly(2, 2, 1);
    assertThat(listed).containsExactlyElementsOf(ids);
    assertThat(batch.listJobs(r -> r.jobQueue("q").jobStatus(JobStatus.RUNNING)).jobSummaryList())
        .isEmpty();
    assertThat(batch.describeJobQueues(r -> r.jobQueues("q")).jobQueues().get(0).priority())
        .isEqualTo(10);
    assertThat(batch.describeComputeEnvironments(r -> { }).computeEnvironments())
        .singleElement().satisfies(ce -> assertThat(ce.computeResources().maxvCpus()).isEqualTo(4));
    assertThat(batch.describeJobDefinitions(r -> r.jobDefinitionName("report")).jobDefinitions())
        .singleElement().satisfies(d -> assertThat(d.revision()).isEqualTo(1));
  }

  @Test
  void unknownQueueIsAClientExceptionWithAwsMessage() {
    assertThatThrownBy(() -> batch.submitJob(r -> r.jobName("x").jobQueue("nope")
        .jobDefinition("report")))
        .isInstanceOfSatisfying(ClientException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("JobQueue nope not found.");
        });
  }

  @Test
  void terminateJobFailsAJobWaitingForCapacity() {
    String id = batch.submitJob(r -> r.jobName("huge").jobQueue("q").jobDefinition("report")
        .containerOverrides(o -> o.resourceRequirements(
            ResourceRequirement.builder().type(ResourceType.VCPU).value("64").build()))).jobId();
    awaitStatus(id, JobStatus.RUNNABLE);

    batch.terminateJob(r -> r.jobId(id).reason("too big"));

    JobDetail job = awaitStatus(id, JobStatus.FAILED);
    assertThat(job.statusReason()).isEqualTo("too big");
    assertThat(job.isTerminated()).isTrue();
  }

  @Test
  void stateMachineRunsSubmitJobSyncThroughTheStepFunctionsApi() {
    SfnClient sfn = server.sfnClient();
    String arn = sfn.createStateMachine(r -> r.name("batchy")
        .roleArn("arn:aws:iam::123456789012:role/StateLabTests")
        .definition("""
            {"StartAt": "Run", "States": {"Run": {
              "Type": "Task", "Resource": "arn:aws:states:::batch:submitJob.sync",
              "Parameters": {"JobName": "wf", "JobQueue": "q", "JobDefinition": "report"},
              "End": true}}}""")).stateMachineArn();
    String exec = sfn.startExecution(r -> r.stateMachineArn(arn).input("{}")).executionArn();

    ExecutionStatus status = await(() -> {
      ExecutionStatus s = sfn.describeExecution(r -> r.executionArn(exec)).status();
      return s == ExecutionStatus.RUNNING ? null : s;
    });

    assertThat(status).isEqualTo(ExecutionStatus.SUCCEEDED);
    List<HistoryEventType> types = sfn.getExecutionHistory(r -> r.executionArn(exec)).events()
        .stream().map(HistoryEvent::type).toList();
    assertThat(types).containsSubsequence(HistoryEventType.TASK_SCHEDULED,
        HistoryEventType.TASK_SUBMITTED, HistoryEventType.TASK_SUCCEEDED);
    String output = sfn.describeExecution(r -> r.executionArn(exec)).output();
    assertThat(Json.parse(output).get("Status").asText()).isEqualTo("SUCCEEDED");
  }

  private JobDetail awaitStatus(String id, JobStatus status) {
    return await(() -> {
      JobDetail job = batch.describeJobs(r -> r.jobs(id)).jobs().get(0);
      return job.status() == status ? job : null;
    });
  }

  private static <T> T await(Supplier<T> probe) {
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("Timed out waiting");
  }
}
