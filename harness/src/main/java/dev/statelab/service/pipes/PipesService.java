package dev.statelab.service.pipes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.gateway.AwsProtocol;
import dev.statelab.gateway.AwsRequest;
import dev.statelab.gateway.AwsResponse;
import dev.statelab.gateway.AwsService;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.gateway.ServiceSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The EventBridge Pipes API ({@code restJson1}, signing name {@code pipes}) over a {@link PipesStore}. */
public final class PipesService implements AwsService {

  private static final String PIPE = "/v1/pipes/{Name}";
  private static final String TAGS = "/tags/{resourceArn}";

  private static final ServiceSpec SPEC = ServiceSpec.newBuilder(AwsProtocol.REST_JSON_1, "pipes")
      .route("POST", PIPE, "CreatePipe")
      .route("GET", PIPE, "DescribePipe")
      .route("PUT", PIPE, "UpdatePipe")
      .route("DELETE", PIPE, "DeletePipe")
      .route("GET", "/v1/pipes", "ListPipes")
      .route("POST", PIPE + "/start", "StartPipe")
      .route("POST", PIPE + "/stop", "StopPipe")
      .route("POST", TAGS, "TagResource")
      .route("DELETE", TAGS, "UntagResource")
      .route("GET", TAGS, "ListTagsForResource")
      .build();

  private final PipesStore store;

  /** A service over {@code store}. */
  public PipesService(PipesStore store) {
    this.store = store;
  }

  @Override
  public ServiceSpec spec() {
    return SPEC;
  }

  @Override
  public AwsResponse handle(AwsRequest request) {
    JsonNode out = switch (request.operation()) {
      case "CreatePipe" -> store.createPipe(request.pathParam("Name"), request.body());
      case "DescribePipe" -> store.describePipe(request.pathParam("Name"));
      case "UpdatePipe" -> store.updatePipe(request.pathParam("Name"), request.body());
      case "DeletePipe" -> store.deletePipe(request.pathParam("Name"));
      case "ListPipes" -> store.listPipes(query(request));
      case "StartPipe" -> store.startPipe(request.pathParam("Name"));
      case "StopPipe" -> store.stopPipe(request.pathParam("Name"));
      case "TagResource" -> store.tagResource(request.pathParam("resourceArn"), request.body());
      case "UntagResource" -> store.untagResource(request.pathParam("resourceArn"),
          request.queryParams().getOrDefault("tagKeys", List.of()));
      case "ListTagsForResource" -> store.listTagsForResource(request.pathParam("resourceArn"));
      default -> throw new AwsServiceException("UnknownOperationException",
          "Unknown operation " + request.operation(), 404);
    };
    return AwsResponse.ok(out);
  }

  private static Map<String, String> query(AwsRequest request) {
    Map<String, String> q = new LinkedHashMap<>();
    request.queryParams().forEach((k, v) -> {
      if (!v.isEmpty()) {
        q.put(k, v.get(0));
      }
    });
    return q;
  }

  @Override
  public String toString() {
    return "PipesService";
  }
}
