package dev.statelab.service.sfn;

import dev.statelab.server.StateLabServer;

import dev.statelab.engine.ClockMode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import java.time.Duration;

/** Servers and definitions shared by the Step Functions API tests. */
final class SfnServers {

  static final String ROLE = "arn:aws:iam::123456789012:role/StateLabTests";
  static final String PREFIX = "arn:aws:states:us-east-1:123456789012:";

  static final String PASS = """
      {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": {"ok": true}, "End": true}}}""";

  static final String FAIL = """
      {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Boom", "Cause": "it broke"}}}""";

  static final String WAIT_LONG = """
      {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 3600, "End": true}}}""";

  private SfnServers() {}

  /** A server on the real clock (callbacks and polls wait for real), seed 7. */
  static StateLabServer real() {
    return StateLabServer.start(World.newInstance(WorldOptions.newBuilder()
        .clockMode(ClockMode.REAL).seed(7).build()), GatewayOptions.defaults(),
        Duration.ofMillis(500));
  }

  /** A Pass chain of {@code n} states ending in the input. */
  static String passChain(int n) {
    StringBuilder b = new StringBuilder("{\"StartAt\": \"S1\", \"States\": {");
    for (int i = 1; i <= n; i++) {
      b.append("\"S").append(i).append("\": {\"Type\": \"Pass\", ");
      b.append(i == n ? "\"End\": true}" : "\"Next\": \"S" + (i + 1) + "\"},");
    }
    return b.append("}}").toString();
  }
}
