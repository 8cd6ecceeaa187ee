package dev.statelab.service.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.json.Json;
import dev.statelab.service.sfn.SfnService;
import java.util.ArrayList;
import java.util.List;

/** A virtual-clock world with Step Functions and EventBridge installed, and helpers over it (also used by the Pipes tests). */
public final class EventBridgeTesting {

  /** A Pass machine: its executions' inputs are what the targets sent. */
  public static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

  private EventBridgeTesting() {}

  /** A world with SfnService (for state machine targets) and the EventBridge module. */
  public static World world() {
    World world = World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.VIRTUAL).seed(7).build());
    SfnService.newInstance(world);
    new EventBridgeModule().install(world);
    return world;
  }

  /** Calls a Step Functions action in-process. */
  public static JsonNode sfn(World world, String action, JsonNode params) {
    return world.call(() -> ServiceCalls.call(world, "sfn", action, params, "test")
        .toCompletableFuture().join());
  }

  /** Creates a state machine and returns its ARN. */
  public static String machine(World world, String name, String type) {
    ObjectNode p = Json.object();
    p.put("Name", name);
    p.put("Definition", PASS);
    p.put("RoleArn", "arn:aws:iam::123456789012:role/sfn");
    p.put("Type", type);
    return sfn(world, "createStateMachine", p).get("StateMachineArn").asText();
  }

  /** The inputs of a machine's executions, oldest first. */
  public static List<JsonNode> inputs(World world, String machineArn) {
    ObjectNode p = Json.object();
    p.put("StateMachineArn", machineArn);
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e : sfn(world, "listExecutions", p).get("Executions")) {
      ObjectNode d = Json.object();
      d.put("ExecutionArn", e.get("ExecutionArn").asText());
      out.add(0, Json.parse(sfn(world, "describeExecution", d).get("Input").asText()));
    }
    return out;
  }

  /** A JSON object from alternating keys and values (values are strings or JsonNodes). */
  public static ObjectNode obj(Object... kv) {
    ObjectNode o = Json.object();
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1];
      if (v instanceof JsonNode n) {
        o.set((String) kv[i], n);
      } else if (v instanceof Number n) {
        o.put((String) kv[i], n.longValue());
      } else if (v instanceof Boolean b) {
        o.put((String) kv[i], b);
      } else {
        o.put((String) kv[i], String.valueOf(v));
      }
    }
    return o;
  }

  /** A PutEvents entry on the default bus. */
  public static ObjectNode entry(String detail) {
    return obj("Source", "shop", "DetailType", "Order", "Detail", detail);
  }

  /** A PutEvents request. */
  public static ObjectNode events(JsonNode... entries) {
    ObjectNode o = Json.object();
    var arr = o.putArray("Entries");
    for (JsonNode e : entries) {
      arr.add(e);
    }
    return o;
  }

  /** A PutTargets request with one target. */
  public static ObjectNode target(String rule, ObjectNode target) {
    ObjectNode o = obj("Rule", rule);
    o.putArray("Targets").add(target);
    return o;
  }
}
