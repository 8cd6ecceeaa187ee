package dev.statelab.asl.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.query.Randomness;

/** STUB until the jsonata branch lands. */
public interface JsonataBindings {
  /** The $states object. */
  JsonNode states();

  /** A variable or null. */
  JsonNode variable(String name);

  /** Random source. */
  Randomness random();
}
