package dev.statelab.service.sfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.json.Json;
import dev.statelab.server.StateLabServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;
import software.amazon.awssdk.services.sfn.model.ValidationException;

/** TestState's mock rules: Map and Parallel need one; the mock's context reaches the state. */
class TestStateMockRulesApiTests {

  private static final String ROLE = "arn:aws:iam::123456789012:role/r";

  @Test
  void aMapOrParallelStateWithoutAMockIsRefused() {
    try (StateLabServer server = StateLabServer.start(WorldOptions.defaults(), GatewayOptions.defaults())) {
      SfnClient sfn = server.sfnClient();
      String map = """
          {"Type": "Map", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}""";

      assertThatThrownBy(() -> sfn.testState(b -> b.definition(map).roleArn(ROLE).input("[1]")))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("needs a mock to test a Map state");
    }
  }

  @Test
  void theContextGivenWithAMockIsWhatTheStateSeesAsItsContextObject() {
    try (StateLabServer server = StateLabServer.start(WorldOptions.defaults(), GatewayOptions.defaults())) {
      SfnClient sfn = server.sfnClient();
      String task = """
          {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
           "Parameters": {"FunctionName": "f"},
           "ResultSelector": {"payload.$": "$.Payload", "execution.$": "$$.Execution.Name", "retry.$": "$$.State.RetryCount"},
           "End": true}""";

      TestStateResponse r = sfn.testState(b -> b.definition(task).roleArn(ROLE).input("{}")
          .mock(m -> m.result("{\"Payload\": 7}"))
          .context("{\"Execution\": {\"Name\": \"from-the-test\"}, \"State\": {\"RetryCount\": 2}}"));

      assertThat(r.statusAsString()).isEqualTo("SUCCEEDED");
      assertThat(Json.parse(r.output())).isEqualTo(Json.parse("{\"payload\": 7, \"execution\": \"from-the-test\", \"retry\": 2}"));
    }
  }
}
