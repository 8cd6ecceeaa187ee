package dev.statelab.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.chaos.ChaosSweep;
import dev.statelab.chaos.Latency;
import dev.statelab.chaos.RetryPolicy;
import dev.statelab.engine.World;
import dev.statelab.json.Json;
import dev.statelab.service.lambda.LambdaModule;
import dev.statelab.service.lambda.LambdaStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A purchase needs a manager's approval: a {@code lambda:invoke.waitForTaskToken} task "emails"
 * the task token, and the approver answers with SendTaskSuccess (approve) or SendTaskFailure
 * ({@code Rejected}). The manager has 3 days ({@code TimeoutSeconds}) and must open the request
 * at least once a day ({@code HeartbeatSeconds}, a SendTaskHeartbeat per visit); when either
 * runs out, Catch escalates to the director, who has 2 more days before the request fails with
 * {@code ApprovalTimedOut}.
 *
 * <p>{@link Inbox#of(World)} holds the emails sent. For chaos runs the inbox answers by itself:
 * the manager approves after a delay drawn from the world's seed; tests turn that off with
 * {@link Inbox#answerByHand()} and answer through the Step Functions API.
 */
public final class HumanApprovalScenario implements Scenario {

  @Override
  public String name() {
    return "human-approval";
  }

  @Override
  public String description() {
    return "Approval by email with a task token, a daily heartbeat, a 3-day timeout and escalation to the director.";
  }

  @Override
  public void setup(World world) {
    new LambdaModule().install(world);
    Inbox inbox = Inbox.of(world);
    LambdaStore.of(world).registerJson("sendApprovalEmail", email -> {
      inbox.deliver(email);
      ObjectNode sent = Json.object();
      sent.put("messageId", "msg-" + inbox.emails().size());
      return sent;
    });
  }

  @Override
  public JsonNode defaultInput() {
    return Json.parse("{\"requestId\": \"PR-1\", \"amount\": 1200}");
  }

  @Override
  public JsonNode input(int index) {
    return Json.parse("{\"requestId\": \"PR-" + (index + 1) + "\", \"amount\": " + (100 + 37 * index) + "}");
  }

  /**
   * Rates 0, 10% and 30% of {@code Lambda.ServiceException} from the email function (with
   * latency); no retries against the definition's 3 x 2 s; 100 requests, answered by the
   * simulated manager within 1 to 8 hours.
   */
  @Override
  public ChaosSweep defaultSweep() {
    return new ChaosSweep(List.of(0.0, 0.1, 0.3),
        List.of(RetryPolicy.none(), RetryPolicy.of(3, 2, 2, false)),
        List.of(1L), 100,
        (faults, rate) -> {
          faults.onFunction("sendApprovalEmail").latency(Latency.uniform(Duration.ofMillis(50), Duration.ofMillis(300)));
          faults.onFunction("sendApprovalEmail").withProbability(rate).serviceError();
        });
  }

  /**
   * The approval emails a world's function sent, oldest first; by default it approves each
   * request 1 to 8 hours (seeded) after it arrived.
   */
  public static final class Inbox {
    private final World world;
    private final List<JsonNode> emails = new ArrayList<>();
    private volatile boolean automatic = true;

    private Inbox(World world) {
      this.world = world;
    }

    /** The world's inbox, created on first use. */
    public static Inbox of(World world) {
      return world.component(Inbox.class, () -> new Inbox(world));
    }

    /** Stops the simulated approver: every email waits for an answer through the API. */
    public Inbox answerByHand() {
      automatic = false;
      return this;
    }

    synchronized void deliver(JsonNode email) {
      emails.add(email.deepCopy());
      if (automatic) {
        String token = email.get("taskToken").asText();
        Duration after = Duration.ofMinutes(60 + (long) (world.random().nextDouble() * 7 * 60));
        world.schedule(after, () -> {
          if (world.isTaskPending(token)) {
            world.sendTaskSuccess(token, Json.parse("{\"approvedBy\": \"" + email.path("to").asText() + "\"}"));
          }
        });
      }
    }

    /** Every email sent, oldest first: {@code to}, {@code requestId}, {@code amount}, {@code taskToken}. */
    public synchronized List<JsonNode> emails() {
      return List.copyOf(emails);
    }

    /** The newest email to {@code recipient}. */
    public synchronized Optional<JsonNode> lastTo(String recipient) {
      for (int i = emails.size() - 1; i >= 0; i--) {
        if (emails.get(i).path("to").asText().equals(recipient)) {
          return Optional.of(emails.get(i));
        }
      }
      return Optional.empty();
    }

    /** The task token in the newest email to {@code recipient}. */
    public String tokenFor(String recipient) {
      return lastTo(recipient).orElseThrow(() -> new IllegalStateException("No email to " + recipient))
          .get("taskToken").asText();
    }
  }
}
