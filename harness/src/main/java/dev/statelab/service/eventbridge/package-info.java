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
 */
package dev.statelab.service.eventbridge;
