package dev.statelab.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.gateway.SdkClients;
import dev.statelab.server.StateLabServer;
import dev.statelab.service.lambda.LambdaStore;
import java.net.SocketException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** WireMock socket faults in front of the gateway, as AWS SDK v2 clients (retries off) see them. */
class EdgeFaultsTests {

  private StateLabServer server;
  private EdgeFaults edge;
  private SdkClients clients;

  @BeforeEach
  void setUp() {
    server = StateLabServer.start(World.newInstance(WorldOptions.newBuilder().build()), GatewayOptions.defaults());
    edge = EdgeFaults.start(server);
    clients = SdkClients.forEndpoint(edge.endpoint());
  }

  @AfterEach
  void tearDown() {
    edge.close();
    server.close();
  }

  @Test
  void aConnectionResetOnTheChosenCallIsAnSdkClientExceptionCausedBySocketException() {
    edge.onTarget("AWSStepFunctions.ListStateMachines").onCalls(1).fault(Fault.CONNECTION_RESET_BY_PEER);
    try (SfnClient sfn = clients.client(SfnClient.builder())) {
      assertThatThrownBy(sfn::listStateMachines).isInstanceOf(SdkClientException.class)
          .hasRootCauseInstanceOf(SocketException.class);
      assertThat(sfn.listStateMachines().stateMachines()).isEmpty();
    }
    assertThat(edge.injected()).containsExactly(
        new EdgeFaults.EdgeInjection("target:AWSStepFunctions.ListStateMachines", 1, Fault.CONNECTION_RESET_BY_PEER, 0));
  }

  @Test
  void otherOperationsPassThroughUntouched() {
    edge.onTarget("AWSStepFunctions.ListActivities").fault(Fault.CONNECTION_RESET_BY_PEER);
    try (SfnClient sfn = clients.client(SfnClient.builder())) {
      assertThat(sfn.listStateMachines().stateMachines()).isEmpty();
    }
    assertThat(edge.injected()).isEmpty();
  }

  @Test
  void anEmptyResponseIsAnSdkClientExceptionCausedByNoHttpResponse() {
    edge.onAnyRequest().fault(Fault.EMPTY_RESPONSE);
    try (SfnClient sfn = clients.client(SfnClient.builder())) {
      assertThatThrownBy(sfn::listStateMachines).isInstanceOf(SdkClientException.class)
          .hasRootCauseInstanceOf(org.apache.hc.core5.http.NoHttpResponseException.class);
    }
  }

  @Test
  void aMalformedResponseChunkIsAnSdkClientException() {
    edge.onAnyRequest().fault(Fault.MALFORMED_RESPONSE_CHUNK);
    try (SfnClient sfn = clients.client(SfnClient.builder())) {
      assertThatThrownBy(sfn::listStateMachines).isInstanceOf(SdkClientException.class)
          .hasMessageContaining("Unable to unmarshall response");
    }
  }

  @Test
  void randomDataThenCloseIsAnSdkClientException() {
    edge.onAnyRequest().fault(Fault.RANDOM_DATA_THEN_CLOSE);
    try (SfnClient sfn = clients.client(SfnClient.builder())) {
      assertThatThrownBy(sfn::listStateMachines).isInstanceOf(SdkClientException.class);
    }
  }

  @Test
  void aDelayLongerThanTheAttemptTimeoutIsAnApiCallAttemptTimeout() {
    try (SfnClient warm = clients.client(SfnClient.builder())) {
      warm.listStateMachines(); // a cold proxy and gateway: the attempt timeout must measure only the delay
    }
    try (SfnClient sfn = clients.client(SfnClient.builder(), o -> o.apiCallAttemptTimeout(Duration.ofMillis(500)))) {
      edge.onTarget("AWSStepFunctions.ListStateMachines").delay(Duration.ofMillis(1500));
      assertThatThrownBy(sfn::listStateMachines).isInstanceOf(ApiCallAttemptTimeoutException.class);
    }
    assertThat(edge.injected()).singleElement().extracting(EdgeFaults.EdgeInjection::delayMillis).isEqualTo(1500L);
  }

  @Test
  void aResetOnALambdaInvokePathFailsOnlyTheChosenCall() {
    LambdaStore.of(server.world()).registerJson("echo", in -> in);
    edge.onPath("/2015-03-31/functions/echo/invocations").onCalls(2).fault(Fault.CONNECTION_RESET_BY_PEER);
    try (LambdaClient lambda = clients.client(LambdaClient.builder())) {
      SdkBytes payload = SdkBytes.fromUtf8String("{\"a\":1}");
      assertThat(lambda.invoke(b -> b.functionName("echo").payload(payload)).payload().asUtf8String()).isEqualTo("{\"a\":1}");
      assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("echo").payload(payload)))
          .isInstanceOf(SdkClientException.class).hasRootCauseInstanceOf(SocketException.class);
      assertThat(lambda.invoke(b -> b.functionName("echo").payload(payload)).statusCode()).isEqualTo(200);
    }
    assertThat(edge.injected()).extracting(EdgeFaults.EdgeInjection::call).containsExactly(2);
  }
}
