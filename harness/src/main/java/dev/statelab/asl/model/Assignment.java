package dev.statelab.asl.model;

import dev.statelab.asl.jsonata.JsonataTemplate;
import dev.statelab.asl.template.PayloadTemplate;

/**
 * A state's (or Choice rule's, or catcher's) {@code Assign} block.
 *
 * @param jsonPath the JSONPath-mode template ({@code "name.$": "$.path"}), or null
 * @param jsonata the JSONata-mode template, or null
 */
public record Assignment(PayloadTemplate jsonPath, JsonataTemplate jsonata) {}
