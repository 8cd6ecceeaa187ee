package dev.statelab.service.pipes;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A batch a pipe could not deliver (enrichment or target failed).
 *
 * @param pipeName the pipe
 * @param stage {@code ENRICHMENT} or {@code TARGET}
 * @param error the error name, e.g. {@code Sfn.StateMachineTypeNotSupportedException}
 * @param cause the error's cause text
 * @param batch the records of the batch
 * @param at when it failed (world clock)
 */
public record PipeFailure(String pipeName, String stage, String error, String cause, JsonNode batch, Instant at) {}
