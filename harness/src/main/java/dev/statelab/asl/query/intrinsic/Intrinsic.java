package dev.statelab.asl.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.query.QueryScope;

/**
 * A parsed intrinsic function call ({@code States.Format('{}', $.name)}), ready to be evaluated
 * any number of times.
 *
 * <p>Failures are thrown as {@link dev.statelab.asl.errors.StatesError} values named as AWS names
 * them ({@code States.Runtime}), with the cause AWS writes after its standard prefix: {@code The
 * function '<call as written>' had the following error: <detail>}. The engine adds the {@code An
 * error occurred while executing the state ...} prefix. A variable path naming no visible
 * variable propagates as {@link dev.statelab.asl.query.UndefinedVariableException}, for the engine
 * to report like any other undefined variable.
 */
public interface Intrinsic {

  /** The call as written. */
  String text();

  /**
   * Evaluates the call against a scope.
   *
   * @throws dev.statelab.asl.errors.StatesError when a function rejects its arguments or a path
   *     argument selects nothing
   */
  JsonNode evaluate(QueryScope scope);
}
