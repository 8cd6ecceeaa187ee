package dev.statelab.cost;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One metered quantity of one service, as a bill line counts it: what was used, how much, when.
 *
 * <p>Services name themselves as Cost Explorer's SERVICE dimension does ({@code AWS Step
 * Functions}, {@code AWS Lambda}, {@code Amazon DynamoDB}, ...; see {@link Services}) and their
 * usage types as AWS's bills do, without the region prefix ({@code StateTransition}, {@code
 * Request}, {@code Lambda-GB-Second}, {@code WriteRequestUnits}, ...).
 *
 * @param service the billing service name
 * @param usageType the usage type, without region prefix
 * @param quantity how much, in {@code unit}
 * @param unit the unit ({@code Transitions}, {@code Requests}, {@code GB-Seconds}, ...)
 * @param at when the usage happened, on the world clock
 * @param region the region it happened in
 * @param attributes extra dimensions (state machine ARN, function name, table, ...), may be empty
 */
public record UsageRecord(
    String service,
    String usageType,
    double quantity,
    String unit,
    Instant at,
    String region,
    Map<String, String> attributes) {

  /** Validates and copies. */
  public UsageRecord {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(usageType, "usageType");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(region, "region");
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
