package dev.statelab.asl.choice;

import dev.statelab.asl.query.Path;

/**
 * Checks the paths a Choice rule may use ({@code Variable} and {@code ...Path} operands): reference
 * paths, which name one node by field names and array indexes, rooted at the input ({@code $}), the
 * context object ({@code $$}) or a variable ({@code $name}).
 */
final class ReferencePaths {

  private ReferencePaths() {}

  /** Why the text is not a usable reference path, or null when it is one. */
  static String problem(String text) {
    if (text == null || !text.startsWith("$")) {
      return "Reference path didn't start with '$'";
    }
    try {
      Path.compile(text);
    } catch (IllegalArgumentException e) {
      return String.valueOf(e.getMessage());
    }
    String inputRooted = text.startsWith("$$") ? text.substring(1) : text;
    if (!Path.isReferencePath(inputRooted)) {
      return "A reference path may only contain field names and array indexes: " + text;
    }
    return null;
  }
}
