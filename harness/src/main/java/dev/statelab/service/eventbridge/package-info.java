/**
 * The EventBridge stand-in: event buses, rules matched by AWS's event-ruler, targets (Step
 * Functions state machines, Lambda functions, other buses) with input shaping, retries and
 * dead-letter records, schedules on the world clock, and the {@code events:putEvents} Task
 * integrations.
 *
 * <pre>{@code
 * new EventBridgeModule().install(world);
 * EventBridgeStore events = EventBridgeStore.of(world);
 * events.putRule(Json.parse("{\"Name\":\"Big\",\"EventPattern\":\"{\\\"detail\\\":{\\\"amount\\\":[{\\\"numeric\\\":[\\\">\\\",100]}]}}\"}"));
 * }</pre>
 *
 * <p>Behaviours worth knowing:
 *
 * <ul>
 *   <li>Schedules are daemon timers ({@link dev.statelab.engine.World#scheduleDaemon}): they
 *       fire as world time passes but never make it pass, so {@code runUntilIdle()} returns with
 *       scheduled rules armed; {@code advanceBy} fires every firing in its window; a server on
 *       the real clock fires them as time goes by, a driven virtual-clock server only when other
 *       timers move its clock.
 *   <li>A PutEvents entry for a bus that does not exist is accepted (it gets an EventId) and
 *       dropped, as AWS does.
 *   <li>Failed deliveries are retried on the world clock (1 s doubling, at most 5 minutes) within
 *       the target's RetryPolicy; errors saying the target does not exist are not retried. Given
 *       up events are kept as {@link dev.statelab.service.eventbridge.DeadLetter}s with the
 *       message attributes AWS puts on dead-letter messages.
 *   <li>Each published event is billed as {@code Event} usage (64 KB chunks) in the world's
 *       {@link dev.statelab.cost.UsageLedger}.
 * </ul>
 */
package dev.statelab.service.eventbridge;
