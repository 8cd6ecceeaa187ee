package dev.statelab.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** What one mocked invocation of a Task state answers: a result or an error. */
public sealed interface MockResponse {

  /**
   * The task succeeds with {@code value}, used verbatim as the task's result.
   *
   * @param value any JSON value
   */
  record Return(JsonNode value) implements MockResponse {
    /** Checks the value is present. */
    public Return {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * The task fails with {@code error} and {@code cause}.
   *
   * @param error the error name Retry and Catch match
   * @param cause the cause
   */
  record Throw(String error, String cause) implements MockResponse {
    /** Checks both strings are present. */
    public Throw {
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(cause, "cause");
    }
  }
}
