package dev.statelab.integration;

import com.fasterxml.jackson.databind.JsonNode;

/** Finds the integration for a resource that no exact binding answers (a stand-in's API family). */
@FunctionalInterface
public interface IntegrationResolver {

  /** The integration for the resource, or null when this resolver does not handle it. */
  Integration resolve(ResourceArn arn, JsonNode parameters);
}
