package dev.statelab.service.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.gateway.AwsProtocol;
import dev.statelab.gateway.AwsRequest;
import dev.statelab.gateway.AwsResponse;
import dev.statelab.gateway.AwsService;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.gateway.ServiceSpec;

/** The Batch API over HTTP ({@code restJson1}, {@code POST /v1/<operation>}) on a {@link BatchStore}. */
public final class BatchService implements AwsService {

  private static final ServiceSpec SPEC = ServiceSpec.newBuilder(AwsProtocol.REST_JSON_1, "batch")
      .route("POST", "/v1/createcomputeenvironment", "CreateComputeEnvironment")
      .route("POST", "/v1/describecomputeenvironments", "DescribeComputeEnvironments")
      .route("POST", "/v1/createjobqueue", "CreateJobQueue")
      .route("POST", "/v1/describejobqueues", "DescribeJobQueues")
      .route("POST", "/v1/registerjobdefinition", "RegisterJobDefinition")
      .route("POST", "/v1/describejobdefinitions", "DescribeJobDefinitions")
      .route("POST", "/v1/submitjob", "SubmitJob")
      .route("POST", "/v1/describejobs", "DescribeJobs")
      .route("POST", "/v1/listjobs", "ListJobs")
      .route("POST", "/v1/terminatejob", "TerminateJob")
      .route("POST", "/v1/canceljob", "CancelJob")
      .build();

  private final BatchStore store;

  /** A service answering from {@code store}. */
  public BatchService(BatchStore store) {
    this.store = store;
  }

  @Override
  public ServiceSpec spec() {
    return SPEC;
  }

  @Override
  public AwsResponse handle(AwsRequest request) {
    JsonNode body = request.body();
    JsonNode out = switch (request.operation()) {
      case "CreateComputeEnvironment" -> store.createComputeEnvironment(body);
      case "DescribeComputeEnvironments" -> store.describeComputeEnvironments(body);
      case "CreateJobQueue" -> store.createJobQueue(body);
      case "DescribeJobQueues" -> store.describeJobQueues(body);
      case "RegisterJobDefinition" -> store.registerJobDefinition(body);
      case "DescribeJobDefinitions" -> store.describeJobDefinitions(body);
      case "SubmitJob" -> store.submitJob(body);
      case "DescribeJobs" -> store.describeJobs(body);
      case "ListJobs" -> store.listJobs(body);
      case "TerminateJob" -> store.terminateJob(body);
      case "CancelJob" -> store.cancelJob(body);
      default -> throw new AwsServiceException("ClientException",
          "Unsupported operation " + request.operation());
    };
    return AwsResponse.ok(out);
  }
}
