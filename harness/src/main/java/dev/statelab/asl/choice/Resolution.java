package dev.statelab.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.asl.query.Path;
import dev.statelab.asl.query.PathNotFoundException;
import dev.statelab.asl.query.QueryScope;
import dev.statelab.asl.query.UndefinedVariableException;

/** Reads the paths of a rule, failing as AWS fails when one selects nothing. */
final class Resolution {

  private Resolution() {}

  /**
   * The value a path selects.
   *
   * @throws StatesError {@code States.Runtime} with AWS's cause when the path selects nothing or
   *     names an undefined variable
   */
  static JsonNode require(Path path, QueryScope scope) {
    try {
      return path.evaluate(scope);
    } catch (PathNotFoundException | UndefinedVariableException e) {
      throw invalidPath(path.text());
    }
  }

  /** True when the path selects something (a null value included). */
  static boolean isPresent(Path path, QueryScope scope) {
    try {
      path.evaluate(scope);
      return true;
    } catch (PathNotFoundException | UndefinedVariableException e) {
      return false;
    }
  }

  /** The error AWS raises when a Choice rule's path selects nothing. */
  static StatesError invalidPath(String pathText) {
    return StatesError.runtime(
        "Invalid path '"
            + pathText
            + "': The choice state's condition path references an invalid value.");
  }
}
