package dev.statelab.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.gateway.FakeServices.FakeLambda;
import dev.statelab.gateway.FakeServices.FakeStepFunctions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** Building specs, options and gateways: what is accepted and what is refused up front. */
class GatewayConfigurationTests {

  @Test
  void gatewayBindsLoopbackOnAnEphemeralPortByDefault() {
    try (Gateway gateway = Gateway.start(GatewayOptions.defaults(), new FakeStepFunctions())) {
      assertThat(gateway.endpoint().getScheme()).isEqualTo("http");
      assertThat(gateway.endpoint().getHost()).isEqualTo("127.0.0.1");
      assertThat(gateway.port()).isPositive();
      assertThat(gateway.region()).isEqualTo("us-east-1");
      assertThat(gateway.accountId()).isEqualTo("123456789012");
      assertThat(gateway.accessKey()).isEqualTo("test");
      assertThat(gateway.clients().endpoint()).isEqualTo(gateway.endpoint());
    }
  }

  @Test
  void closeReleasesThePortAndIsIdempotent() throws IOException {
    Gateway gateway = Gateway.start(GatewayOptions.defaults(), new FakeStepFunctions());
    int port = gateway.port();

    gateway.close();
    gateway.close();

    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
    assertThat(gateway.toString()).contains("closed");
  }

  @Test
  void busyPortFailsWithTheAddressInTheMessage() {
    try (Gateway first = Gateway.start(GatewayOptions.defaults(), new FakeStepFunctions())) {
      assertThatThrownBy(() -> Gateway.start(
          GatewayOptions.newBuilder().port(first.port()).build(), new FakeStepFunctions()))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("127.0.0.1:" + first.port());
    }
  }

  @Test
  void twoServicesWithOneTargetPrefixAreRefused() {
    assertThatThrownBy(() -> Gateway.start(GatewayOptions.defaults(), new FakeStepFunctions(),
        new FakeStepFunctions()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AWSStepFunctions");
  }

  @Test
  void twoServicesWithOneSigningNameAndRouteAreRefused() {
    assertThatThrownBy(() -> Gateway.start(GatewayOptions.defaults(), new FakeLambda(),
        new FakeLambda()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("POST /2015-03-31/functions/{FunctionName}/invocations");
  }

  @Test
  void jsonSpecNeedsTargetPrefixAndOperations() {
    assertThatThrownBy(() -> ServiceSpec.newBuilder(AwsProtocol.AWS_JSON_1_1, "events")
        .operations("PutEvents").build())
        .hasMessageContaining("needs a targetPrefix");
    assertThatThrownBy(() -> ServiceSpec.newBuilder(AwsProtocol.AWS_JSON_1_1, "events")
        .targetPrefix("AWSEvents").build())
        .hasMessageContaining("at least one operation");
    assertThatThrownBy(() -> ServiceSpec.newBuilder(AwsProtocol.AWS_JSON_1_1, "events")
        .targetPrefix("AWSEvents").operations("PutEvents").route("POST", "/", "X").build())
        .hasMessageContaining("remove its routes");
  }

  @Test
  void restSpecNeedsRoutesAndTakesOperationsFromThem() {
    assertThatThrownBy(() -> ServiceSpec.newBuilder(AwsProtocol.REST_JSON_1, "batch").build())
        .hasMessageContaining("at least one route");
    assertThatThrownBy(() -> ServiceSpec.newBuilder(AwsProtocol.REST_JSON_1, "batch")
        .route("POST", "/v1/submitjob", "SubmitJob")
        .route("POST", "/v1/submitjob", "SubmitJob2"))
        .hasMessageContaining("Duplicate route");

    ServiceSpec spec = ServiceSpec.newBuilder(AwsProtocol.REST_JSON_1, "batch")
        .route("POST", "/v1/submitjob", "SubmitJob")
        .route("POST", "/v1/describejobs", "DescribeJobs")
        .build();

    assertThat(spec.operations()).containsExactlyInAnyOrder("SubmitJob", "DescribeJobs");
    assertThat(spec.targetPrefix()).isEmpty();
  }

  @Test
  void specNamesAreChecked() {
    assertThatThrownBy(() -> ServiceSpec.newBuilder(AwsProtocol.AWS_JSON_1_0, "States"))
        .hasMessageContaining("signing name");
    assertThatThrownBy(() -> ServiceSpec.newBuilder(AwsProtocol.AWS_JSON_1_0, "states")
        .operations("Start.Execution"))
        .hasMessageContaining("operation name");
  }

  @Test
  void optionsAreChecked() {
    assertThatThrownBy(() -> GatewayOptions.newBuilder().port(70000))
        .hasMessageContaining("Port");
    assertThatThrownBy(() -> GatewayOptions.newBuilder().threads(0))
        .hasMessageContaining("threads");
    assertThatThrownBy(() -> GatewayOptions.newBuilder().accountId("1234"))
        .hasMessageContaining("12 digits");
    assertThatThrownBy(() -> GatewayOptions.newBuilder().defaultRegion("US East"))
        .hasMessageContaining("region");
    assertThatThrownBy(() -> GatewayOptions.newBuilder().maxRequestBytes(0))
        .hasMessageContaining("maxRequestBytes must be in 1..");
  }

  @Test
  void awsServiceExceptionDefaultsTo400AndStripsTheNamespaceForTheHeader() {
    AwsServiceException error = new AwsServiceException(
        "com.amazonaws.swf.service.v2.model#InvalidArn", "Invalid Arn: 'x'");

    assertThat(error.status()).isEqualTo(400);
    assertThat(error.shortCode()).isEqualTo("InvalidArn");
    assertThat(error.getStackTrace()).isEmpty();
    assertThatThrownBy(() -> new AwsServiceException("X", "m", 200))
        .hasMessageContaining("4xx or 5xx");
  }

  @Test
  void handlersCanBeUnitTestedWithABuiltRequest() {
    AwsRequest request = AwsRequest.newBuilder()
        .operation("DescribeStateMachine")
        .body("{\"stateMachineArn\":\"arn:aws:states:us-east-1:123456789012:stateMachine:"
            + "missing\"}")
        .build();

    assertThatThrownBy(() -> new FakeStepFunctions().handle(request))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.code()).isEqualTo("StateMachineDoesNotExist"));
    assertThatThrownBy(() -> AwsRequest.newBuilder().body("{oops").build().body())
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.shortCode()).isEqualTo("SerializationException"));
  }

  @Test
  void responseHeadersAreChecked() {
    assertThatThrownBy(() -> AwsResponse.ok().withHeader("Content-Type", "text/plain"))
        .hasMessageContaining("AwsResponse.raw");
    assertThatThrownBy(() -> AwsResponse.ok().withHeader("X-A", "a\r\nb"))
        .hasMessageContaining("line break");
    assertThat(AwsResponse.ok().withHeader("X-A", "1").headers()).containsEntry("X-A", "1");
    assertThat(AwsResponse.empty(204).bodyBytes()).isEmpty();
  }

  @Test
  void credentialScopeIsReadFromSigV4AndSigV4a() {
    CredentialScope v4 = CredentialScope.parse("AWS4-HMAC-SHA256 Credential=AKID/20260101/"
        + "eu-west-1/dynamodb/aws4_request, SignedHeaders=host, Signature=abc", null, null);
    CredentialScope v4a = CredentialScope.parse("AWS4-ECDSA-P256-SHA256 Credential=AKID/20260101/"
        + "events/aws4_request, SignedHeaders=host, Signature=abc", null, "us-west-2,us-east-1");
    CredentialScope star = CredentialScope.parse("AWS4-ECDSA-P256-SHA256 Credential=AKID/"
        + "20260101/events/aws4_request, Signature=abc", null, "*");

    assertThat(v4).isEqualTo(new CredentialScope("AKID", "eu-west-1", "dynamodb"));
    assertThat(v4a).isEqualTo(new CredentialScope("AKID", "us-west-2", "events"));
    assertThat(star.region()).isNull();
    assertThat(CredentialScope.parse(null, null, null)).isNull();
    assertThat(CredentialScope.parse("Bearer x", null, null)).isNull();
  }
}
