package dev.statelab.asl.query;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a path, template or expression can see while a state runs: the document being
 * processed, the context object, the workflow variables and the world's random source.
 */
public interface QueryScope {

  /** The document that {@code $} refers to (the state input, or the result for ResultSelector). */
  JsonNode input();

  /** The context object that {@code $$} refers to. */
  JsonNode context();

  /**
   * The value of a workflow variable.
   *
   * @return the value, or null when no variable of that name is visible
   */
  JsonNode variable(String name);

  /** The random source for intrinsic functions that draw random values. */
  Randomness random();

  /** A scope that sees the same context, variables and randomness, with another document as {@code $}. */
  default QueryScope withInput(JsonNode newInput) {
    QueryScope outer = this;
    return new QueryScope() {
      @Override
      public JsonNode input() {
        return newInput;
      }

      @Override
      public JsonNode context() {
        return outer.context();
      }

      @Override
      public JsonNode variable(String name) {
        return outer.variable(name);
      }

      @Override
      public Randomness random() {
        return outer.random();
      }
    };
  }
}
