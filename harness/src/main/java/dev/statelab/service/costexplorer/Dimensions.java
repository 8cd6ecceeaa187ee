package dev.statelab.service.costexplorer;

import dev.statelab.cost.UsageRecord;
import java.util.List;
import java.util.Map;

/**
 * The DIMENSION values a usage record has, as Cost Explorer names them: {@code SERVICE} is the
 * billing service name, {@code USAGE_TYPE} the usage type with AWS's region prefix ({@code
 * USE1-StateTransition}), {@code REGION}, {@code LINKED_ACCOUNT}, {@code RECORD_TYPE} ({@code
 * Usage}) and {@code OPERATION} (none here).
 */
final class Dimensions {

  /** Every DIMENSION key Cost Explorer accepts in GroupBy and filters. */
  static final List<String> KEYS = List.of("AZ", "INSTANCE_TYPE", "LEGAL_ENTITY_NAME", "INVOICING_ENTITY",
      "LINKED_ACCOUNT", "OPERATION", "PLATFORM", "PURCHASE_TYPE", "SERVICE", "TENANCY", "RECORD_TYPE",
      "USAGE_TYPE", "REGION", "DATABASE_ENGINE", "INSTANCE_TYPE_FAMILY", "BILLING_ENTITY", "RESERVATION_ID",
      "SAVINGS_PLAN_ARN", "SAVINGS_PLANS_TYPE", "DEPLOYMENT_OPTION", "OPERATING_SYSTEM", "CACHE_ENGINE",
      "USAGE_TYPE_GROUP", "RESOURCE_ID", "PAYMENT_OPTION", "AGREEMENT_END_DATE_TIME_AFTER",
      "AGREEMENT_END_DATE_TIME_BEFORE", "INVOICING_ENTITY", "ANOMALY_TOTAL_IMPACT_ABSOLUTE",
      "ANOMALY_TOTAL_IMPACT_PERCENTAGE");

  /**
   * AWS's usage-type region prefixes. ASSUMPTION: StateLab prefixes every region, us-east-1 too
   * ({@code USE1-}); AWS leaves some older us-east-1 usage types unprefixed.
   */
  private static final Map<String, String> PREFIX = Map.ofEntries(
      Map.entry("us-east-1", "USE1"), Map.entry("us-east-2", "USE2"), Map.entry("us-west-1", "USW1"),
      Map.entry("us-west-2", "USW2"), Map.entry("ca-central-1", "CAN1"), Map.entry("eu-west-1", "EU"),
      Map.entry("eu-west-2", "EUW2"), Map.entry("eu-west-3", "EUW3"), Map.entry("eu-central-1", "EUC1"),
      Map.entry("eu-north-1", "EUN1"), Map.entry("ap-northeast-1", "APN1"), Map.entry("ap-northeast-2", "APN2"),
      Map.entry("ap-southeast-1", "APS1"), Map.entry("ap-southeast-2", "APS2"), Map.entry("ap-south-1", "APS3"),
      Map.entry("sa-east-1", "SAE1"));

  private Dimensions() {}

  /** A record's value of a dimension, or null when it has none. */
  static String value(UsageRecord r, String key, String accountId) {
    return switch (key) {
      case "SERVICE" -> r.service();
      case "USAGE_TYPE" -> usageType(r);
      case "REGION" -> r.region();
      case "LINKED_ACCOUNT" -> accountId;
      case "RECORD_TYPE" -> "Usage";
      default -> null;
    };
  }

  /** The usage type with its region prefix, e.g. {@code USE1-Lambda-GB-Second}. */
  static String usageType(UsageRecord r) {
    String prefix = PREFIX.getOrDefault(r.region(), r.region().toUpperCase(java.util.Locale.ROOT));
    return prefix + "-" + r.usageType();
  }
}
