package dev.statelab.asl.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.query.QueryScope;

/** STUB until the intrinsic branch lands. */
public interface Intrinsic {
  /** The call as written. */
  String text();

  /** Evaluates the call. */
  JsonNode evaluate(QueryScope scope);
}
