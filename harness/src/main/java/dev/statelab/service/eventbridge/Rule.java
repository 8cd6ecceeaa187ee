package dev.statelab.service.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;

/**
 * A rule on a bus: an event pattern, a schedule, or both.
 *
 * @param name the rule name
 * @param arn {@code arn:aws:events:<r>:<a>:rule/<name>} on the default bus, {@code
 *     rule/<bus>/<name>} on others
 * @param busName the bus the rule belongs to
 * @param pattern the compiled EventPattern, or null for a schedule-only rule
 * @param schedule the ScheduleExpression, or null
 * @param state ENABLED, DISABLED or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS
 * @param description the Description, or null
 * @param roleArn the RoleArn, or null
 */
public record Rule(String name, String arn, String busName, EventPattern pattern, Schedule schedule,
    String state, String description, String roleArn) {

  /** True unless DISABLED. */
  public boolean enabled() {
    return !"DISABLED".equals(state);
  }

  /** This rule in another state. */
  Rule withState(String newState) {
    return new Rule(name, arn, busName, pattern, schedule, newState, description, roleArn);
  }

  /** DescribeRule / ListRules entry. */
  JsonNode toJson(String account) {
    ObjectNode out = Json.object();
    out.put("Name", name);
    out.put("Arn", arn);
    if (pattern != null) {
      out.put("EventPattern", pattern.text());
    }
    if (schedule != null) {
      out.put("ScheduleExpression", schedule.expression());
    }
    out.put("State", state);
    if (description != null) {
      out.put("Description", description);
    }
    if (roleArn != null) {
      out.put("RoleArn", roleArn);
    }
    out.put("EventBusName", busName);
    out.put("CreatedBy", account);
    return out;
  }
}
