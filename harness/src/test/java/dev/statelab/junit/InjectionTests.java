package dev.statelab.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.statelab.engine.World;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.batch.BatchAsyncClient;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerAsyncClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** Every injectable type, through a builder-made extension with one world per test method. */
class InjectionTests {

  @RegisterExtension
  static StateLabExtension ext = StateLabExtension.newBuilder()
      .lifecycle(WorldLifecycle.PER_METHOD)
      .seed(3)
      .region("eu-west-1")
      .account("111122223333")
      .build();

  static final Set<World> WORLDS = ConcurrentHashMap.newKeySet();

  /** Runs an SDK call; it either answers or fails with an AWS-shaped error from the gateway. */
  static void reachesTheGateway(Supplier<?> call) {
    Throwable thrown = catchThrowable(call::get);
    if (thrown instanceof CompletionException) {
      thrown = thrown.getCause();
    }
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(SdkServiceException.class);
      assertThat(((SdkServiceException) thrown).statusCode()).isBetween(400, 599);
    }
  }

  @Test
  void stepFunctionsClientsUseTheWorldsRegionAndAccount(SfnClient sfn, SfnAsyncClient async) {
    String arn = sfn.createStateMachine(b -> b.name("hello").roleArn(StateLab.ROLE_ARN)
        .definition("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}"))
        .stateMachineArn();
    assertThat(arn).isEqualTo("arn:aws:states:eu-west-1:111122223333:stateMachine:hello");
    assertThat(async.listStateMachines(b -> { }).join().stateMachines()).hasSize(1);
  }

  @Test
  void lambdaClientsInvokeAFunctionRegisteredInTheWorld(StateLab lab, LambdaClient lambda, LambdaAsyncClient async) {
    lab.function("echo", event -> event);
    String sync = lambda.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String("{\"a\":1}")))
        .payload().asUtf8String();
    String viaAsync = async.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String("[2]")))
        .join().payload().asUtf8String();
    assertThat(sync).isEqualTo("{\"a\":1}");
    assertThat(viaAsync).isEqualTo("[2]");
  }

  @Test
  void batchClientsReachTheBatchStandIn(BatchClient batch, BatchAsyncClient async) {
    assertThat(batch.describeJobQueues(b -> { }).jobQueues()).isEmpty();
    assertThat(async.describeComputeEnvironments(b -> { }).join().computeEnvironments()).isEmpty();
  }

  @Test
  void dynamoDbClientsReachTheGateway(DynamoDbClient ddb, DynamoDbAsyncClient async,
      DynamoDbStreamsClient streams, DynamoDbStreamsAsyncClient asyncStreams) {
    reachesTheGateway(ddb::listTables);
    reachesTheGateway(() -> async.listTables().join());
    reachesTheGateway(streams::listStreams);
    reachesTheGateway(() -> asyncStreams.listStreams().join());
  }

  @Test
  void eventBridgeS3AndCostExplorerClientsReachTheGateway(EventBridgeClient events,
      EventBridgeAsyncClient asyncEvents, S3Client s3, S3AsyncClient asyncS3,
      CostExplorerClient ce, CostExplorerAsyncClient asyncCe) {
    reachesTheGateway(() -> events.listEventBuses(b -> { }));
    reachesTheGateway(() -> asyncEvents.listEventBuses(b -> { }).join());
    reachesTheGateway(s3::listBuckets);
    reachesTheGateway(() -> asyncS3.listBuckets().join());
    reachesTheGateway(() -> ce.getCostAndUsage(b -> b.granularity("DAILY").metrics("UnblendedCost")
        .timePeriod(t -> t.start("2026-01-01").end("2026-01-02"))));
    reachesTheGateway(() -> asyncCe.getCostAndUsage(b -> b.granularity("DAILY").metrics("UnblendedCost")
        .timePeriod(t -> t.start("2026-01-01").end("2026-01-02"))).join());
  }

  @Test
  void theEndpointIsAnEphemeralLoopbackPort(URI endpoint, StateLab lab) {
    assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
    assertThat(endpoint.getPort()).isPositive().isNotEqualTo(4566);
    assertThat(lab.endpoint()).isEqualTo(endpoint);
  }

  @Test
  void injectedClientsAreTheLabsSharedClients(SfnClient sfn, StateLab lab) {
    assertThat(lab.client(SfnClient.class)).isSameAs(sfn);
  }

  @Test
  void wireMockStartsOnALoopbackPortWhenAskedFor(WireMockServer wireMock) throws Exception {
    wireMock.stubFor(WireMock.get("/ping").willReturn(WireMock.ok("pong")));
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + wireMock.port() + "/ping")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(wireMock.getOptions().bindAddress()).isEqualTo("127.0.0.1");
    assertThat(response.body()).isEqualTo("pong");
  }

  @Test
  void eachMethodGetsItsOwnWorld(World world) {
    assertThat(WORLDS.add(world)).isTrue();
  }

  @Test
  void anotherMethodGetsAnotherWorld(World world) {
    assertThat(WORLDS.add(world)).isTrue();
  }
}
