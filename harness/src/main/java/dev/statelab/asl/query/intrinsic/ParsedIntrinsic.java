package dev.statelab.asl.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.errors.ErrorNames;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.asl.query.QueryScope;

/**
 * A whole intrinsic expression: the outermost call and the text it was parsed from.
 *
 * @param text the expression as written
 * @param call the outermost call
 */
record ParsedIntrinsic(String text, Argument.Call call) implements Intrinsic {

  /** The words AWS puts between the expression and the detail of a failure. */
  static final String FAILURE_INFIX = "' had the following error: ";

  @Override
  public JsonNode evaluate(QueryScope scope) {
    try {
      return call.evaluate(scope);
    } catch (ArgumentFailure failure) {
      // AWS names the whole expression, even when a nested call failed.
      throw new StatesError(
          ErrorNames.RUNTIME, "The function '" + text + FAILURE_INFIX + failure.getMessage());
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
