/**
 * The DynamoDB and DynamoDB Streams stand-in: tables with keys and secondary indexes, item
 * operations with expressions, capacity accounting, streams with subscriptions, and the Step
 * Functions integrations ({@code dynamodb:*} optimized, {@code aws-sdk:dynamodb:*}).
 */
package dev.statelab.service.dynamodb;
