package dev.statelab.service.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * An event EventBridge gave up delivering and sent to a target's dead-letter queue (recorded in
 * the store, since StateLab has no SQS), with the message attributes AWS adds.
 *
 * @param queueArn the DeadLetterConfig Arn
 * @param body the event as the queue message body
 * @param attributes RULE_ARN, TARGET_ARN, ERROR_CODE, ERROR_MESSAGE, EXHAUSTED_RETRY_CONDITION
 *     and RETRY_ATTEMPTS
 * @param at when it was sent (world clock)
 */
public record DeadLetter(String queueArn, JsonNode body, Map<String, String> attributes, Instant at) {}
