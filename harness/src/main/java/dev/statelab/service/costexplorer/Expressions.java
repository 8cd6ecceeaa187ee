package dev.statelab.service.costexplorer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.cost.UsageRecord;
import dev.statelab.gateway.AwsServiceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Cost Explorer's filter {@code Expression} as a predicate on usage records: exactly one of
 * {@code And}, {@code Or}, {@code Not}, {@code Dimensions}, {@code Tags} or {@code
 * CostCategories} per expression. StateLab's records carry no tags or cost categories, so a
 * {@code Tags}/{@code CostCategories} leaf matches only with {@code MatchOptions: [ABSENT]}.
 */
final class Expressions {

  private static final Set<String> OPERATORS = Set.of("And", "Or", "Not", "Dimensions", "Tags", "CostCategories");
  private static final Set<String> MATCH_OPTIONS = Set.of("EQUALS", "ABSENT", "STARTS_WITH", "ENDS_WITH",
      "CONTAINS", "CASE_SENSITIVE", "CASE_INSENSITIVE", "GREATER_THAN_OR_EQUAL");

  private Expressions() {}

  /** The predicate of an expression; a missing expression matches everything. */
  static Predicate<UsageRecord> compile(JsonNode expression, String accountId) {
    if (expression == null || expression.isNull() || expression.isMissingNode()) {
      return r -> true;
    }
    if (!expression.isObject()) {
      throw invalid("Expression must be an object");
    }
    List<String> present = new ArrayList<>();
    expression.fieldNames().forEachRemaining(f -> {
      if (OPERATORS.contains(f) && !expression.get(f).isNull()) {
        present.add(f);
      }
    });
    if (present.size() != 1) {
      throw invalid("Expression must have exactly one of And, Or, Not, Dimensions, Tags, CostCategories");
    }
    String op = present.get(0);
    JsonNode arg = expression.get(op);
    switch (op) {
      case "And", "Or" -> {
        if (!arg.isArray() || arg.size() < 2) {
          throw invalid(op + " expression must have at least 2 operands");
        }
        List<Predicate<UsageRecord>> parts = new ArrayList<>();
        arg.forEach(e -> parts.add(compile(e, accountId)));
        return op.equals("And") ? r -> parts.stream().allMatch(p -> p.test(r))
            : r -> parts.stream().anyMatch(p -> p.test(r));
      }
      case "Not" -> {
        Predicate<UsageRecord> inner = compile(arg, accountId);
        return inner.negate();
      }
      case "Dimensions" -> {
        String key = arg.path("Key").asText(null);
        if (key == null || !Dimensions.KEYS.contains(key)) {
          throw invalid("Dimension " + key + " is not allowed. Allowed dimension(s): " + String.join(", ",
              Dimensions.KEYS));
        }
        return leaf(arg, r -> Dimensions.value(r, key, accountId));
      }
      default -> {
        if (!arg.hasNonNull("Key") && op.equals("Tags")) {
          throw invalid("Tag key must not be empty");
        }
        return leaf(arg, r -> null);
      }
    }
  }

  private static Predicate<UsageRecord> leaf(JsonNode arg, java.util.function.Function<UsageRecord, String> value) {
    List<String> values = new ArrayList<>();
    arg.path("Values").forEach(v -> values.add(v.asText()));
    Set<String> options = new java.util.HashSet<>();
    arg.path("MatchOptions").forEach(o -> options.add(o.asText()));
    for (String o : options) {
      if (!MATCH_OPTIONS.contains(o)) {
        throw invalid("1 validation error detected: Value '[" + o + "]' at 'filter.dimensions.matchOptions' failed "
            + "to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: "
            + MATCH_OPTIONS.stream().sorted().toList() + "]");
      }
    }
    boolean caseInsensitive = options.contains("CASE_INSENSITIVE");
    if (options.contains("ABSENT")) {
      return r -> value.apply(r) == null;
    }
    if (values.isEmpty()) {
      throw invalid("Values must not be empty");
    }
    String mode = options.contains("STARTS_WITH") ? "STARTS_WITH" : options.contains("ENDS_WITH") ? "ENDS_WITH"
        : options.contains("CONTAINS") ? "CONTAINS" : "EQUALS";
    return r -> {
      String v = value.apply(r);
      if (v == null) {
        return false;
      }
      for (String want : values) {
        String a = caseInsensitive ? v.toLowerCase(Locale.ROOT) : v;
        String b = caseInsensitive ? want.toLowerCase(Locale.ROOT) : want;
        boolean hit = switch (mode) {
          case "STARTS_WITH" -> a.startsWith(b);
          case "ENDS_WITH" -> a.endsWith(b);
          case "CONTAINS" -> a.contains(b);
          default -> a.equals(b);
        };
        if (hit) {
          return true;
        }
      }
      return false;
    };
  }

  /** A ValidationException. */
  static AwsServiceException invalid(String message) {
    return new AwsServiceException("ValidationException", message);
  }
}
