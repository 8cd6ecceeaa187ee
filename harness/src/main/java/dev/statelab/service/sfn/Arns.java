package dev.statelab.service.sfn;

import java.util.regex.Pattern;

/**
 * Step Functions ARNs and names: building them for one region and account, taking them apart, and
 * checking names against AWS's rules (asl-semantics.md section 15).
 */
final class Arns {

  /** What a state machine ARN points at. */
  enum Qualifier {
    /** The state machine itself. */
    NONE,
    /** A version ({@code :<number>}). */
    VERSION,
    /** An alias ({@code :<aliasName>}). */
    ALIAS
  }

  /**
   * A parsed state machine ARN.
   *
   * @param unqualified the ARN of the state machine itself
   * @param name the state machine's name
   * @param qualifier what the ARN names
   * @param qualifierValue the version number or alias name, or null
   */
  record MachineArn(String unqualified, String name, Qualifier qualifier, String qualifierValue) {}

  /**
   * A parsed execution ARN.
   *
   * @param express true for an Express execution ({@code :express:})
   * @param machineName the state machine's name
   */
  record ExecutionArn(boolean express, String machineName) {}

  private static final Pattern ALIAS_NAME = Pattern.compile("(?=.*[a-zA-Z_\\-.])[a-zA-Z0-9_\\-.]+");

  private final String prefix;

  Arns(String region, String accountId) {
    this.prefix = "arn:aws:states:" + region + ":" + accountId + ":";
  }

  String stateMachine(String name) {
    return prefix + "stateMachine:" + name;
  }

  String activity(String name) {
    return prefix + "activity:" + name;
  }

  /** True when {@code arn} is an activity ARN of this region and account. */
  boolean isLocalActivity(String arn) {
    return arn.startsWith(prefix + "activity:");
  }

  /**
   * Parses a state machine ARN, plain, version or alias.
   *
   * @throws dev.statelab.gateway.AwsServiceException InvalidArn when it is not one
   */
  MachineArn machine(String arn) {
    String[] parts = arn.split(":", -1);
    if (parts.length < 7 || !parts[0].equals("arn") || !parts[2].equals("states")) {
      throw SfnErrors.invalidArn("Invalid ARN prefix: " + arn);
    }
    if (!parts[5].equals("stateMachine")) {
      throw SfnErrors.invalidArn("Resource type not valid in this context: " + parts[5]);
    }
    if (parts.length > 8 || parts[6].isEmpty()) {
      throw SfnErrors.invalidArn(arn);
    }
    String base = parts.length == 7 ? arn : arn.substring(0, arn.lastIndexOf(':'));
    if (parts.length == 7) {
      return new MachineArn(base, parts[6], Qualifier.NONE, null);
    }
    String q = parts[7];
    if (q.isEmpty()) {
      throw SfnErrors.invalidArn(arn);
    }
    boolean numeric = q.chars().allMatch(Character::isDigit);
    return new MachineArn(base, parts[6], numeric ? Qualifier.VERSION : Qualifier.ALIAS, q);
  }

  /**
   * Parses an execution ARN.
   *
   * @throws dev.statelab.gateway.AwsServiceException InvalidArn when it is not one
   */
  ExecutionArn execution(String arn) {
    String[] parts = arn.split(":", -1);
    if (parts.length < 8 || !parts[0].equals("arn") || !parts[2].equals("states")) {
      throw SfnErrors.invalidArn("Invalid ARN prefix: " + arn);
    }
    if (parts[5].equals("express")) {
      return new ExecutionArn(true, parts[6]);
    }
    if (!parts[5].equals("execution")) {
      throw SfnErrors.invalidArn("Resource type not valid in this context: " + parts[5]);
    }
    return new ExecutionArn(false, parts[6]);
  }

  /**
   * Checks that {@code arn} has the shape of an activity ARN.
   *
   * @throws dev.statelab.gateway.AwsServiceException InvalidArn when it has not
   */
  static void requireActivity(String arn) {
    String[] parts = arn.split(":", -1);
    if (parts.length < 7 || !parts[0].equals("arn") || !parts[2].equals("states")) {
      throw SfnErrors.invalidArn("Invalid ARN prefix: " + arn);
    }
    if (!parts[5].equals("activity")) {
      throw SfnErrors.invalidArn("Resource type not valid in this context: " + parts[5]);
    }
  }

  /** Checks a name with ARN-like rules; the length is checked by the caller. */
  static void requireValidName(String name) {
    if (!isValidName(name)) {
      throw SfnErrors.invalidName(name);
    }
  }

  /** True when a state machine, execution or activity name is allowed. */
  static boolean isValidName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isWhitespace(c) || c <= 0x1F || (c >= 0x7F && c <= 0x9F)
          || c == 0xFFFE || c == 0xFFFF || Character.isSurrogate(c)) {
        return false;
      }
      if ("<>{}[]?*\"#%\\^|~`$&,;:/".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  /** True when an alias name is allowed: letters, digits, {@code _-.}, not all digits. */
  static boolean isValidAliasName(String name) {
    return ALIAS_NAME.matcher(name).matches();
  }
}
