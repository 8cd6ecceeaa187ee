package dev.statelab.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A named sequence of mocked answers: invocation {@code 0} is a state's first call in an
 * execution, {@code 1} its second (the first retry, or the next visit), and so on.
 *
 * @param name the name under {@code MockedResponses}
 * @param steps the answers by invocation index, contiguous from 0
 */
public record MockedResponse(String name, List<MockResponse> steps) {

  /** Copies the steps. */
  public MockedResponse {
    steps = List.copyOf(steps);
  }

  /** The answer for an invocation index, or empty when the sequence has none. */
  public Optional<MockResponse> at(int invocation) {
    return invocation >= 0 && invocation < steps.size()
        ? Optional.of(steps.get(invocation)) : Optional.empty();
  }

  /** This sequence with one more answer. */
  MockedResponse then(MockResponse step) {
    List<MockResponse> copy = new ArrayList<>(steps);
    copy.add(step);
    return new MockedResponse(name, copy);
  }
}
