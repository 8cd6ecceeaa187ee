package dev.statelab.chaos;

import java.time.Instant;

/**
 * One fault a {@link Faults} plan injected, for tests to assert on.
 *
 * @param at the world time it was injected
 * @param kind what it did
 * @param target the rule's target, e.g. {@code function:charge} or {@code jobDefinition:render}
 * @param call the rule's call number that fired (1 for the first matching call)
 * @param stateName the Task state's name, or null for a Batch job attempt
 * @param executionArn the execution's ARN, or the Batch job id for a job attempt
 * @param error the error name, or null
 * @param cause the cause or status reason, or null
 * @param delayMillis the injected delay (0 when none)
 */
public record InjectedFault(
    Instant at,
    FaultKind kind,
    String target,
    int call,
    String stateName,
    String executionArn,
    String error,
    String cause,
    long delayMillis) {}
