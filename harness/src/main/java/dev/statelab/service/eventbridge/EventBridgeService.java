package dev.statelab.service.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.gateway.AwsProtocol;
import dev.statelab.gateway.AwsRequest;
import dev.statelab.gateway.AwsResponse;
import dev.statelab.gateway.AwsService;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.gateway.ServiceSpec;
import java.util.List;

/** The EventBridge API ({@code awsJson1_1}, target prefix {@code AWSEvents}, signing name {@code events}). */
public final class EventBridgeService implements AwsService {

  /** Every operation this service answers. */
  public static final List<String> OPERATIONS = List.of("CreateEventBus", "DescribeEventBus",
      "DeleteEventBus", "ListEventBuses", "PutRule", "DescribeRule", "ListRules", "DeleteRule",
      "EnableRule", "DisableRule", "PutTargets", "RemoveTargets", "ListTargetsByRule", "PutEvents",
      "TestEventPattern", "TagResource", "UntagResource", "ListTagsForResource");

  private static final ServiceSpec SPEC = ServiceSpec.newBuilder(AwsProtocol.AWS_JSON_1_1, "events")
      .targetPrefix("AWSEvents")
      .operations(OPERATIONS)
      .build();

  private final EventBridgeStore store;

  /** A service over {@code store}. */
  public EventBridgeService(EventBridgeStore store) {
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
      case "CreateEventBus" -> store.createEventBus(body);
      case "DescribeEventBus" -> store.describeEventBus(body);
      case "DeleteEventBus" -> store.deleteEventBus(body);
      case "ListEventBuses" -> store.listEventBuses(body);
      case "PutRule" -> store.putRule(body);
      case "DescribeRule" -> store.describeRule(body);
      case "ListRules" -> store.listRules(body);
      case "DeleteRule" -> store.deleteRule(body);
      case "EnableRule" -> store.enableRule(body);
      case "DisableRule" -> store.disableRule(body);
      case "PutTargets" -> store.putTargets(body);
      case "RemoveTargets" -> store.removeTargets(body);
      case "ListTargetsByRule" -> store.listTargetsByRule(body);
      case "PutEvents" -> store.putEvents(body);
      case "TestEventPattern" -> store.testEventPattern(body);
      case "TagResource" -> store.tagResource(body);
      case "UntagResource" -> store.untagResource(body);
      case "ListTagsForResource" -> store.listTagsForResource(body);
      default -> throw new AwsServiceException("UnknownOperationException",
          "Unknown operation " + request.operation());
    };
    return AwsResponse.ok(out);
  }

  @Override
  public String toString() {
    return "EventBridgeService";
  }
}
