package dev.statelab.service.eventbridge;

/**
 * A rule's CloudWatch-style counters so far.
 *
 * @param matchedEvents events that matched the rule (schedule firings included)
 * @param invocations delivery attempts to targets, retries included
 * @param failedInvocations deliveries that failed for good (retries exhausted or not retryable)
 * @param retries delivery attempts after the first
 * @param invocationsSentToDlq failed deliveries recorded on a dead-letter queue
 */
public record RuleMetrics(long matchedEvents, long invocations, long failedInvocations, long retries,
    long invocationsSentToDlq) {

  /** No activity. */
  static final RuleMetrics NONE = new RuleMetrics(0, 0, 0, 0, 0);

  RuleMetrics matched() {
    return new RuleMetrics(matchedEvents + 1, invocations, failedInvocations, retries, invocationsSentToDlq);
  }

  RuleMetrics invoked(boolean retry) {
    return new RuleMetrics(matchedEvents, invocations + 1, failedInvocations, retries + (retry ? 1 : 0),
        invocationsSentToDlq);
  }

  RuleMetrics failed(boolean toDlq) {
    return new RuleMetrics(matchedEvents, invocations, failedInvocations + 1, retries,
        invocationsSentToDlq + (toDlq ? 1 : 0));
  }
}
