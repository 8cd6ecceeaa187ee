package dev.statelab.chaos;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.requestMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import dev.statelab.server.StateLabServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Socket faults and delays at the HTTP edge: a WireMock server on 127.0.0.1 that proxies every
 * request to a StateLab gateway, except the calls chosen by a rule, which get a WireMock
 * {@link Fault} (the SDK sees a {@code SdkClientException}) or a delay.
 *
 * <pre>{@code
 * try (EdgeFaults edge = EdgeFaults.start(server)) {
 *   edge.onTarget("AWSStepFunctions.StartExecution").onCalls(1).fault(Fault.CONNECTION_RESET_BY_PEER);
 *   edge.onPath("/2015-03-31/functions/").delay(Duration.ofMillis(1500));
 *   SfnClient sfn = SdkClients.forEndpoint(edge.endpoint()).client(SfnClient.builder());
 * }
 * }</pre>
 *
 * <p>Turn the SDK's own retries off ({@code AwsRetryStrategy.doNotRetry()}) to see each fault:
 * by default the SDK retries a reset connection up to 3 times.
 */
public final class EdgeFaults implements AutoCloseable {

  private final WireMockServer wireMock;
  private final String target;
  private final List<EdgeInjection> injected = new CopyOnWriteArrayList<>();

  private EdgeFaults(URI gateway) {
    this.target = gateway.toString().replaceAll("/+$", "");
    this.wireMock = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()
        .disableRequestJournal().containerThreads(16));
    wireMock.start();
    wireMock.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().proxiedFrom(target)));
  }

  /** Starts a fault proxy in front of a running StateLab server. */
  public static EdgeFaults start(StateLabServer server) {
    return start(server.endpoint());
  }

  /** Starts a fault proxy in front of any HTTP endpoint. */
  public static EdgeFaults start(URI gateway) {
    return new EdgeFaults(Objects.requireNonNull(gateway, "gateway"));
  }

  /** The proxy's endpoint, for {@code endpointOverride}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + wireMock.port());
  }

  /** Rules for awsJson requests with this {@code X-Amz-Target}, e.g. {@code AWSStepFunctions.StartExecution}. */
  public EdgeRule onTarget(String xAmzTarget) {
    Objects.requireNonNull(xAmzTarget, "xAmzTarget");
    return new EdgeRule("target:" + xAmzTarget, r -> xAmzTarget.equals(r.getHeader("X-Amz-Target")));
  }

  /** Rules for requests whose path starts with {@code prefix}, e.g. {@code /2015-03-31/functions/}. */
  public EdgeRule onPath(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    return new EdgeRule("path:" + prefix, r -> r.getUrl().startsWith(prefix));
  }

  /** Rules for every request. */
  public EdgeRule onAnyRequest() {
    return new EdgeRule("any", r -> true);
  }

  /** Every fault or delay injected so far, in order. */
  public List<EdgeInjection> injected() {
    return List.copyOf(injected);
  }

  /** Removes every rule; requests are proxied untouched again. */
  public void reset() {
    wireMock.resetMappings();
    wireMock.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().proxiedFrom(target)));
  }

  /** Stops the proxy. */
  @Override
  public void close() {
    wireMock.stop();
  }

  /**
   * One injected edge fault.
   *
   * @param rule the rule's selector, e.g. {@code target:AWSStepFunctions.StartExecution}
   * @param call the rule's call number (1 for the first matching request)
   * @param fault the socket fault, or null for a delay
   * @param delayMillis the delay (0 for a fault)
   */
  public record EdgeInjection(String rule, int call, Fault fault, long delayMillis) {}

  /** An edge rule being written: which calls, then a fault or a delay. */
  public final class EdgeRule {
    private final String selector;
    private final Predicate<Request> matches;
    private final List<Integer> calls = new ArrayList<>();
    private int seen;

    private EdgeRule(String selector, Predicate<Request> matches) {
      this.selector = selector;
      this.matches = matches;
    }

    /** Hits only these matching requests (1 is the first). */
    public EdgeRule onCalls(int... numbers) {
      calls.addAll(FaultSpec.callNumbers(numbers));
      return this;
    }

    /** Answers the chosen requests with a WireMock socket fault. */
    public void fault(Fault fault) {
      Objects.requireNonNull(fault, "fault");
      install(aResponse().withFault(fault), fault, 0);
    }

    /** Delays the chosen requests' proxied answers by {@code delay} (wall time). */
    public void delay(Duration delay) {
      install(aResponse().proxiedFrom(target).withFixedDelay((int) delay.toMillis()), null, delay.toMillis());
    }

    private void install(ResponseDefinitionBuilder response, Fault fault, long delayMillis) {
      wireMock.stubFor(requestMatching(request -> MatchResult.of(hit(request, fault, delayMillis)))
          .atPriority(1).willReturn(response));
    }

    private synchronized boolean hit(Request request, Fault fault, long delayMillis) {
      if (!matches.test(request)) {
        return false;
      }
      int call = ++seen;
      if (!calls.isEmpty() && !calls.contains(call)) {
        return false;
      }
      injected.add(new EdgeInjection(selector, call, fault, delayMillis));
      return true;
    }
  }
}
