package dev.statelab.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.history.HistoryEvent;
import dev.statelab.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on an {@link Execution}: status, output, error and cause, the states visited,
 * retries and their delays, Catch taken, virtual duration and transitions. A failure message names
 * the execution, its status and the states it entered.
 */
public final class ExecutionAssert extends AbstractAssert<ExecutionAssert, Execution> {

  ExecutionAssert(Execution actual) {
    super(actual, ExecutionAssert.class);
  }

  private String describe() {
    return "execution " + actual.name() + " (" + actual.status()
        + (actual.error() != null ? ", error " + actual.error() : "")
        + (actual.cause() != null ? ", cause " + abbreviate(actual.cause()) : "")
        + "; states entered " + new Histories(actual.history()).entered() + ")";
  }

  private static String abbreviate(String text) {
    return text.length() > 200 ? text.substring(0, 197) + "..." : text;
  }

  private Histories histories() {
    return new Histories(actual.history());
  }

  /** The execution has this status. */
  public ExecutionAssert hasStatus(ExecutionStatus status) {
    isNotNull();
    if (actual.status() != status) {
      failWithMessage("Expected %s to be %s", describe(), status);
    }
    return this;
  }

  /** The execution succeeded. */
  public ExecutionAssert succeeded() {
    return hasStatus(ExecutionStatus.SUCCEEDED);
  }

  /** The execution failed. */
  public ExecutionAssert failed() {
    return hasStatus(ExecutionStatus.FAILED);
  }

  /** The execution timed out. */
  public ExecutionAssert timedOut() {
    return hasStatus(ExecutionStatus.TIMED_OUT);
  }

  /** The execution is still running. */
  public ExecutionAssert isRunning() {
    return hasStatus(ExecutionStatus.RUNNING);
  }

  /** The execution failed with this error. */
  public ExecutionAssert failedWith(String error) {
    return failed().hasError(error);
  }

  /** The execution's error is this one. */
  public ExecutionAssert hasError(String error) {
    isNotNull();
    if (!Objects.equals(actual.error(), error)) {
      failWithMessage("Expected error <%s> but %s", error, describe());
    }
    return this;
  }

  /** The execution's cause is exactly this text. */
  public ExecutionAssert hasCause(String cause) {
    isNotNull();
    if (!Objects.equals(actual.cause(), cause)) {
      failWithMessage("Expected cause <%s> but was <%s> in %s", cause, actual.cause(), describe());
    }
    return this;
  }

  /** The execution's cause contains this text. */
  public ExecutionAssert hasCauseContaining(String text) {
    isNotNull();
    if (actual.cause() == null || !actual.cause().contains(text)) {
      failWithMessage("Expected a cause containing <%s> but was <%s> in %s", text, actual.cause(), describe());
    }
    return this;
  }

  /** The output equals this JSON (as JSON values: key order and spacing do not matter). */
  public ExecutionAssert hasOutput(String json) {
    succeeded();
    JsonNode expected = Json.parse(json);
    if (!sameJson(expected, actual.output())) {
      failWithMessage("Expected output%n  %s%nbut was%n  %s%nin %s", Json.write(expected),
          Json.write(actual.output()), describe());
    }
    return this;
  }

  /** The value at a JSONPath of the output equals {@code expected} (a string, number, boolean, map, list or null). */
  public ExecutionAssert hasOutputAt(String jsonPath, Object expected) {
    succeeded();
    Object found;
    try {
      found = JsonPath.read(Json.write(actual.output()), jsonPath);
    } catch (PathNotFoundException e) {
      failWithMessage("Expected output at %s to be <%s> but the path is missing in%n  %s", jsonPath,
          expected, Json.write(actual.output()));
      return this;
    }
    JsonNode want = Json.MAPPER.valueToTree(expected);
    JsonNode got = Json.MAPPER.valueToTree(found);
    if (!sameJson(want, got)) {
      failWithMessage("Expected output at %s to be <%s> but was <%s> in%n  %s", jsonPath,
          Json.write(want), Json.write(got), Json.write(actual.output()));
    }
    return this;
  }

  /** Leaf comparison for {@link JsonNode#equals(Comparator, JsonNode)}: numbers by value. */
  private static final Comparator<JsonNode> BY_VALUE = (x, y) -> x.isNumber() && y.isNumber()
      ? x.decimalValue().compareTo(y.decimalValue())
      : x.equals(y) ? 0 : 1;

  /** JSON equality with objects unordered (as Jackson compares them) and numbers by value. */
  private static boolean sameJson(JsonNode a, JsonNode b) {
    return a == null || b == null ? a == b : a.equals(BY_VALUE, b);
  }

  /** The states entered are exactly these, in this order (nested states included). */
  public ExecutionAssert visitedStates(String... states) {
    isNotNull();
    List<String> entered = histories().entered();
    if (!entered.equals(Arrays.asList(states))) {
      failWithMessage("Expected states entered %s but were %s in %s", Arrays.asList(states), entered, describe());
    }
    return this;
  }

  /** These states were entered in this order, possibly with others in between. */
  public ExecutionAssert visitedStatesInOrder(String... states) {
    isNotNull();
    List<String> entered = histories().entered();
    int i = 0;
    for (String s : entered) {
      if (i < states.length && states[i].equals(s)) {
        i++;
      }
    }
    if (i < states.length) {
      failWithMessage("Expected states %s to be entered in this order, but <%s> was not entered after %s;"
          + " states entered %s", Arrays.asList(states), states[i], Arrays.asList(states).subList(0, i), entered);
    }
    return this;
  }

  /** The Task state retried this many times (attempts minus one). */
  public ExecutionAssert hasRetryCount(String state, int retries) {
    isNotNull();
    int attempts = attempts(state).size();
    if (attempts - 1 != retries) {
      failWithMessage("Expected state <%s> to retry %d time(s) but it made %d attempt(s) in %s", state,
          retries, attempts, describe());
    }
    return this;
  }

  private List<Histories.Attempt> attempts(String state) {
    List<Histories.Attempt> attempts = histories().attempts(state);
    if (attempts.isEmpty()) {
      failWithMessage("Expected state <%s> to have made attempts but it scheduled no task in %s", state, describe());
    }
    return attempts;
  }

  /** The world time between each failed attempt of the Task state and the next attempt. */
  public ExecutionAssert hasRetryDelays(String state, Duration... delays) {
    isNotNull();
    List<Histories.Attempt> attempts = attempts(state);
    List<Duration> actualDelays = new ArrayList<>();
    for (int i = 1; i < attempts.size(); i++) {
      HistoryEvent failure = attempts.get(i - 1).failure();
      long from = failure != null ? failure.timestampMillis() : attempts.get(i - 1).scheduled().timestampMillis();
      actualDelays.add(Duration.ofMillis(attempts.get(i).scheduled().timestampMillis() - from));
    }
    if (!actualDelays.equals(Arrays.asList(delays))) {
      failWithMessage("Expected the retries of <%s> to wait %s but they waited %s", state,
          Arrays.asList(delays), actualDelays);
    }
    return this;
  }

  /** The state's last attempt failed with {@code error}, a Catch caught it and the execution went on to {@code next}. */
  public ExecutionAssert tookCatch(String state, String error, String next) {
    isNotNull();
    Histories h = histories();
    List<Histories.Attempt> attempts = attempts(state);
    HistoryEvent failure = attempts.get(attempts.size() - 1).failure();
    String failedWith = failure == null || failure.details() == null || !failure.details().has("error")
        ? null : failure.details().get("error").asText();
    if (failure == null || !error.equals(failedWith)) {
      failWithMessage("Expected state <%s> to fail with <%s> and be caught, but its last attempt %s in %s",
          state, error, failure == null ? "did not fail" : "failed with <" + failedWith + ">", describe());
    }
    HistoryEvent exited = h.lastExit(state).filter(e -> e.id() > failure.id()).orElse(null);
    String went = exited == null ? null : h.enteredAfter(exited).map(HistoryEvent::stateName).orElse(null);
    if (!next.equals(went)) {
      failWithMessage("Expected a Catch of <%s> on <%s> to go to <%s> but %s in %s", error, state, next,
          exited == null ? "the state never exited (not caught)" : "the next state entered was <" + went + ">",
          describe());
    }
    return this;
  }

  /** The execution ended exactly this much world time after it started. */
  public ExecutionAssert ranFor(Duration duration) {
    isNotNull();
    if (actual.stopDate() == null) {
      failWithMessage("Expected %s to have ended after %s but it is still running", describe(), duration);
    }
    Duration took = Duration.between(actual.startDate(), actual.stopDate());
    if (!took.equals(duration)) {
      failWithMessage("Expected %s to run for %s of world time but it ran for %s", describe(), duration, took);
    }
    return this;
  }

  /** The execution made this many state transitions (as Standard workflows are billed). */
  public ExecutionAssert hasTransitions(long transitions) {
    isNotNull();
    if (actual.transitions() != transitions) {
      failWithMessage("Expected %d state transitions but %s made %d", transitions, describe(), actual.transitions());
    }
    return this;
  }
}
