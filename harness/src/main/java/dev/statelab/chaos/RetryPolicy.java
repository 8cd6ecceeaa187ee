package dev.statelab.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.json.Json;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A retry policy that replaces the numbers of every {@code Retry} block of a definition (each
 * retrier keeps its {@code ErrorEquals}), or removes the blocks ({@link #none()}).
 *
 * @param name the policy's name in results, e.g. {@code 3x2s-b2-full}
 * @param maxAttempts MaxAttempts (0 for {@link #none()})
 * @param intervalSeconds IntervalSeconds
 * @param backoffRate BackoffRate
 * @param fullJitter true for {@code JitterStrategy: FULL}
 * @param maxDelaySeconds MaxDelaySeconds, or null for none
 */
public record RetryPolicy(String name, int maxAttempts, int intervalSeconds, double backoffRate, boolean fullJitter,
    Integer maxDelaySeconds) {

  /** Validates the policy. */
  public RetryPolicy {
    Objects.requireNonNull(name, "name");
    if (maxAttempts < 0 || intervalSeconds < 1 || backoffRate < 1) {
      throw new IllegalArgumentException("Not a retry policy: MaxAttempts " + maxAttempts + ", IntervalSeconds "
          + intervalSeconds + ", BackoffRate " + backoffRate);
    }
  }

  /** No retries: every Retry block is removed. */
  public static RetryPolicy none() {
    return new RetryPolicy("none", 0, 1, 1.0, false, null);
  }

  /** {@code maxAttempts} retries from {@code intervalSeconds}, multiplied by {@code backoffRate}, named e.g. {@code 3x2s-b2}. */
  public static RetryPolicy of(int maxAttempts, int intervalSeconds, double backoffRate, boolean fullJitter) {
    String name = maxAttempts + "x" + intervalSeconds + "s-b"
        + BigDecimal.valueOf(backoffRate).stripTrailingZeros().toPlainString() + (fullJitter ? "-full" : "");
    return new RetryPolicy(name, maxAttempts, intervalSeconds, backoffRate, fullJitter, null);
  }

  /** This policy with a MaxDelaySeconds cap. */
  public RetryPolicy withMaxDelaySeconds(int seconds) {
    return new RetryPolicy(name + "-max" + seconds, maxAttempts, intervalSeconds, backoffRate, fullJitter, seconds);
  }

  /** True for {@link #none()}. */
  public boolean isNone() {
    return maxAttempts == 0;
  }

  /** A copy of the definition with every Retry block (in branches and item processors too) rewritten. */
  public JsonNode applyTo(JsonNode definition) {
    JsonNode copy = definition.deepCopy();
    rewrite(copy);
    return copy;
  }

  private void rewrite(JsonNode machine) {
    JsonNode states = machine.get("States");
    if (states == null || !states.isObject()) {
      return;
    }
    states.fields().forEachRemaining(entry -> {
      if (!(entry.getValue() instanceof ObjectNode state)) {
        return;
      }
      if (state.get("Retry") instanceof ArrayNode retriers) {
        if (isNone()) {
          state.remove("Retry");
        } else {
          retriers.forEach(r -> apply((ObjectNode) r));
        }
      }
      JsonNode branches = state.get("Branches");
      if (branches != null && branches.isArray()) {
        branches.forEach(this::rewrite);
      }
      for (String field : new String[] {"Iterator", "ItemProcessor"}) {
        JsonNode inner = state.get(field);
        if (inner != null && inner.isObject()) {
          rewrite(inner);
        }
      }
    });
  }

  private void apply(ObjectNode retrier) {
    retrier.put("IntervalSeconds", intervalSeconds);
    retrier.put("MaxAttempts", maxAttempts);
    retrier.put("BackoffRate", backoffRate);
    retrier.remove("MaxDelaySeconds");
    retrier.remove("JitterStrategy");
    if (maxDelaySeconds != null) {
      retrier.put("MaxDelaySeconds", maxDelaySeconds);
    }
    if (fullJitter) {
      retrier.put("JitterStrategy", "FULL");
    }
  }

  /** The policy as JSON, for results. */
  public ObjectNode toJson() {
    ObjectNode out = Json.object();
    out.put("name", name);
    if (!isNone()) {
      out.put("maxAttempts", maxAttempts);
      out.put("intervalSeconds", intervalSeconds);
      out.put("backoffRate", backoffRate);
      out.put("jitterStrategy", fullJitter ? "FULL" : "NONE");
      if (maxDelaySeconds != null) {
        out.put("maxDelaySeconds", maxDelaySeconds);
      }
    }
    return out;
  }
}
