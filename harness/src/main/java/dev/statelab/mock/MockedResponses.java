package dev.statelab.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.World;
import dev.statelab.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Mocked responses written in Java instead of a MockConfigFile.
 *
 * <pre>{@code
 * MockConfig config = MockedResponses.forStateMachine("Order")
 *     .testCase("RetryThenPay")
 *     .state("Charge").throwing("Payment.Declined", "busy").times(2).thenReturns("{\"paid\":true}")
 *     .state("Notify").returns("{}")
 *     .build();
 * Mocking.of(world).add(config);
 * }</pre>
 *
 * <p>Each call of {@code returns}/{@code throwing}/{@code then...} adds the answer for the next
 * invocation index; {@link StateMocks#times} repeats the last answer.
 */
public final class MockedResponses {

  private MockedResponses() {}

  /** Starts a configuration with a state machine (by name). */
  public static Builder forStateMachine(String stateMachineName) {
    return new Builder().forStateMachine(stateMachineName);
  }

  /** Collects state machines, test cases and per-state answers. */
  public static final class Builder {

    private final Map<String, Map<String, Map<String, String>>> machines = new LinkedHashMap<>();
    private final Map<String, List<MockResponse>> answers = new LinkedHashMap<>();
    private String machine;
    private String testCase;

    private Builder() {}

    /** Continues with another state machine. */
    public Builder forStateMachine(String stateMachineName) {
      this.machine = Objects.requireNonNull(stateMachineName, "stateMachineName");
      this.testCase = null;
      machines.computeIfAbsent(machine, k -> new LinkedHashMap<>());
      return this;
    }

    /** Continues with a test case of the current state machine. */
    public Builder testCase(String testCaseName) {
      Objects.requireNonNull(testCaseName, "testCaseName");
      this.testCase = testCaseName;
      machines.get(machine).computeIfAbsent(testCase, k -> new LinkedHashMap<>());
      return this;
    }

    /** Mocks a Task state of the current test case. */
    public StateMocks state(String stateName) {
      if (testCase == null) {
        throw new IllegalStateException("Call testCase(name) before state(name)");
      }
      String responseName = machine + "/" + testCase + "/" + stateName;
      machines.get(machine).get(testCase).put(stateName, responseName);
      answers.put(responseName, new ArrayList<>());
      return new StateMocks(this, answers.get(responseName), stateName);
    }

    /** The configuration. */
    public MockConfig build() {
      Map<String, MockedResponse> responses = new LinkedHashMap<>();
      answers.forEach((name, list) -> {
        if (list.isEmpty()) {
          throw new IllegalStateException("The mocked state '" + name + "' has no answers");
        }
        responses.put(name, new MockedResponse(name, list));
      });
      return new MockConfig(machines, responses);
    }

    /** Builds the configuration and adds it to the world's {@link Mocking}. */
    public Mocking installInto(World world) {
      return Mocking.of(world).add(build());
    }
  }

  /** The answers of one mocked state, in invocation order. */
  public static final class StateMocks {

    private final Builder builder;
    private final List<MockResponse> answers;
    private final String stateName;

    private StateMocks(Builder builder, List<MockResponse> answers, String stateName) {
      this.builder = builder;
      this.answers = answers;
      this.stateName = stateName;
    }

    /** The next invocation returns {@code value}. */
    public StateMocks returns(JsonNode value) {
      answers.add(new MockResponse.Return(value.deepCopy()));
      return this;
    }

    /** The next invocation returns the JSON text {@code json}. */
    public StateMocks returns(String json) {
      return returns(Json.parse(json));
    }

    /** The next invocation fails with {@code error} and {@code cause}. */
    public StateMocks throwing(String error, String cause) {
      answers.add(new MockResponse.Throw(error, cause));
      return this;
    }

    /** Same as {@link #returns(JsonNode)}, reads better after a first answer. */
    public StateMocks thenReturns(JsonNode value) {
      return returns(value);
    }

    /** Same as {@link #returns(String)}. */
    public StateMocks thenReturns(String json) {
      return returns(json);
    }

    /** Same as {@link #throwing}. */
    public StateMocks thenThrows(String error, String cause) {
      return throwing(error, cause);
    }

    /** Repeats the last answer so that it answers {@code count} invocations in all. */
    public StateMocks times(int count) {
      if (answers.isEmpty() || count < 1) {
        throw new IllegalStateException("times(" + count + ") needs a previous answer for state '"
            + stateName + "' and a count of at least 1");
      }
      MockResponse last = answers.get(answers.size() - 1);
      for (int i = 1; i < count; i++) {
        answers.add(last);
      }
      return this;
    }

    /** Mocks another state of the same test case. */
    public StateMocks state(String otherState) {
      return builder.state(otherState);
    }

    /** Continues with another test case of the same state machine. */
    public Builder testCase(String testCaseName) {
      return builder.testCase(testCaseName);
    }

    /** Continues with another state machine. */
    public Builder forStateMachine(String stateMachineName) {
      return builder.forStateMachine(stateMachineName);
    }

    /** The configuration. */
    public MockConfig build() {
      return builder.build();
    }

    /** Builds the configuration and adds it to the world's {@link Mocking}. */
    public Mocking installInto(World world) {
      return builder.installInto(world);
    }
  }
}
