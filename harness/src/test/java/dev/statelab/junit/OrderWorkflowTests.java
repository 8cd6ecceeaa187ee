package dev.statelab.junit;

import static dev.statelab.junit.StateLabAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.statelab.engine.Execution;
import dev.statelab.engine.World;
import dev.statelab.json.Json;
import dev.statelab.service.lambda.LambdaFunctionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The extension as a user meets it: one world per class, a scenario from the class path. */
// usage {
@StateLabTest(seed = 7)
class OrderWorkflowTests {

  static final AtomicInteger BUSY_LEFT = new AtomicInteger();
  static StateMachineUnderTest order;
  static World firstWorld;

  @BeforeAll
  static void deploy(StateLab lab) {
    String charge = lab.function("charge", event -> {
      if (event.path("card").asText().equals("declined")) {
        throw new LambdaFunctionException("Payment.Declined", "card declined");
      }
      if (BUSY_LEFT.getAndDecrement() > 0) {
        throw new LambdaFunctionException("Payment.Busy", "try again");
      }
      return Json.object().set("paid", BooleanNode.TRUE);
    });
    order = lab.deploy(Scenario.fromClasspath("dev/statelab/junit/order.asl.json")
        .substitute("ChargeFunctionArn", charge)
        .substitute("ShippingDelaySeconds", "3600"));
    firstWorld = lab.world();
  }

  @Test
  void paysAfterTwoBusyAnswersWithBackoff(ClockControl clock) {
    BUSY_LEFT.set(2);
    Execution execution = order.start("{\"card\": \"ok\"}");
    clock.runUntilIdle();
    assertThat(execution).succeeded()
        .visitedStates("Charge", "Ship", "Done")
        .hasRetryCount("Charge", 2)
        .hasRetryDelays("Charge", Duration.ofSeconds(2), Duration.ofSeconds(4))
        .ranFor(Duration.ofSeconds(2 + 4 + 3600));
  }

  @Test
  void refundsADeclinedCard() {
    BUSY_LEFT.set(0);
    Execution execution = order.run("{\"card\": \"declined\"}");
    assertThat(execution).succeeded()
        .tookCatch("Charge", "Payment.Declined", "Refund")
        .hasOutputAt("$.refund", "refunded")
        .hasOutputAt("$.error.Error", "Payment.Declined");
  }

  @Test
  void waitsAnHourToShipOnTheVirtualClock(ClockControl clock) {
    BUSY_LEFT.set(0);
    Execution execution = order.start("{\"card\": \"ok\"}");
    clock.runUntilStateEntered(execution, "Ship");
    clock.advance(Duration.ofMinutes(59));
    assertThat(execution).isRunning();
    clock.advance(Duration.ofMinutes(1));
    assertThat(execution).succeeded().hasOutput("{\"paid\": true}");
  }

  @Test
  void executionsAreVisibleThroughTheSdk(SfnClient sfn) {
    BUSY_LEFT.set(0);
    Execution execution = order.run("{\"card\": \"ok\"}");
    assertThat(sfn.describeExecution(b -> b.executionArn(execution.arn())).statusAsString())
        .isEqualTo("SUCCEEDED");
  }
// }

  @Test
  void oneWorldServesTheWholeClass(World world) {
    assertThat(world).isSameAs(firstWorld);
  }

  @Nested
  class Refunds {
    @Test
    void aNestedClassSharesTheOuterClasssWorld(World world) {
      assertThat(world).isSameAs(firstWorld);
      assertThat(order.run("{\"card\": \"declined\"}")).succeeded().visitedStates("Charge", "Refund");
    }
  }
}
