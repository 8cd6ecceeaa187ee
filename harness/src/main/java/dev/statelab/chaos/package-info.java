/**
 * Fault injection and chaos experiments.
 *
 * <h2>Fault plans</h2>
 *
 * <p>{@link dev.statelab.chaos.Faults#of(dev.statelab.engine.World)} is a world's plan. A rule
 * names a target ({@code onFunction}, {@code onService}, {@code onState}, {@code onAnyTask},
 * {@code onJobDefinition}), optional conditions ({@code onCalls}/{@code onNthCall}: 1-based call
 * numbers counted per rule; {@code between}: a window of world time; {@code aboveRate}: calls
 * beyond N per second of world time; {@code withProbability}: drawn from the world's seeded
 * random source) and an effect:
 *
 * <ul>
 *   <li>{@code fail(error, cause)}, {@code throttle()} and {@code serviceError()} fail the Task
 *       without calling its integration, with the integration's AWS names
 *       ({@code Lambda.TooManyRequestsException}, {@code Lambda.ServiceException},
 *       {@code DynamoDB.ProvisionedThroughputExceededException}, aws-sdk
 *       {@code <Prefix>.<Code>Exception} ...);
 *   <li>{@code latency(Latency)} delays the Task's answer (or lengthens a Batch attempt) on the
 *       world clock: fixed, uniform or log-normal;
 *   <li>{@code duplicate()} calls the Task's integration twice (Express at-least-once delivery);
 *   <li>{@code failJob(statusReason)} and {@code loseHost()} end a Batch job attempt without an
 *       exit code, so the job fails (or is retried by its retryStrategy) and a {@code .sync}
 *       Task fails with {@code States.TaskFailed}.
 * </ul>
 *
 * <p>Every fault is recorded in {@link dev.statelab.chaos.Faults#injected()}.
 * {@link dev.statelab.chaos.EdgeFaults} does the same at the HTTP edge with WireMock: socket
 * faults and delays between an SDK client and the gateway.
 *
 * <h2>Experiments</h2>
 *
 * <p>{@link dev.statelab.chaos.ChaosExperiment} runs a {@link dev.statelab.chaos.Workload} over a
 * {@link dev.statelab.chaos.ChaosSweep} (fault rates x {@link dev.statelab.chaos.RetryPolicy}s x
 * seeds), one virtual-clock world per cell, and reports per cell the success rate, task attempts,
 * injected faults by kind, latency percentiles in world time, state transitions and errors
 * ({@link dev.statelab.chaos.ChaosReport}); the same sweep gives byte-identical JSON.
 */
package dev.statelab.chaos;
