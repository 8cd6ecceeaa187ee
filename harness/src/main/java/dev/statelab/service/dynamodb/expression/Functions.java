package dev.statelab.service.dynamodb.expression;

import java.util.Set;

/** The function names of the expression language; names are case-sensitive, as in AWS. */
final class Functions {

  /** Functions allowed in condition and filter expressions. */
  static final Set<String> CONDITION = Set.of(
      "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size");

  /** Functions allowed on the right of SET. */
  static final Set<String> UPDATE = Set.of("if_not_exists", "list_append");

  private Functions() {}
}
