/**
 * The EventBridge Pipes stand-in: pipes from a DynamoDB stream (through {@link
 * dev.statelab.service.dynamodb.StreamSubscriptions}) with event-pattern filters, batching, an
 * optional Lambda enrichment and an InputTemplate, to a Step Functions state machine
 * (FIRE_AND_FORGET → StartExecution, REQUEST_RESPONSE → StartSyncExecution) or an event bus.
 */
package dev.statelab.service.pipes;
