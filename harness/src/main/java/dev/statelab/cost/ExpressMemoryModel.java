package dev.statelab.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.engine.Execution;
import dev.statelab.history.HistoryEvent;
import dev.statelab.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Estimates the memory an Express execution is billed for. AWS does not report it outside
 * StartSyncExecution's {@code billingDetails} and CloudWatch's {@code ExpressExecutionBilledMemory};
 * its pricing page says memory "is based on the size of a workflow definition, the use of map or
 * parallel states, and the execution (payload) data size", billed in 64 MB chunks.
 *
 * <p>The default, {@link #awsFormula()}, is AWS's own estimate from its pricing example
 * (https://aws.amazon.com/step-functions/pricing/, as mirrored at
 * https://mdsite.deno.dev/https://aws.amazon.com/step-functions/pricing, read 2026-11-25):
 *
 * <pre>
 *   used MB   = 50 MB + definition size + largest payload × max(1, Map or Parallel steps)
 *   billed MB = max(64, ceil(used MB / 64) × 64)
 * </pre>
 *
 * <p>ASSUMPTIONS (AWS's example leaves them open): sizes are UTF-8 bytes, 1 MB = 1,000,000 bytes
 * and 1 KB = 1,000 bytes (the example adds 50 MB + 50 KB + 12,800 KB = 62.85 MB); the payload is
 * the largest input, output or parameters in the history (the execution's input and output
 * included); "Map or Parallel steps" are the Map iterations started plus the Parallel branches
 * started (a branch start is a {@code *StateEntered} event following a {@code
 * ParallelStateStarted}). Replace the model with {@link #fixed(long)} or your own to calibrate
 * it against real {@code billingDetails}.
 */
@FunctionalInterface
public interface ExpressMemoryModel {

  /** The memory AWS's formula starts from, MB. */
  double BASE_MB = 50;

  /** The billing chunk, MB. */
  long CHUNK_MB = 64;

  /** The memory {@code execution} uses, in MB (before chunking). */
  double usedMb(Execution execution);

  /** The billed memory: {@link #usedMb} rounded up to 64 MB chunks, at least 64 MB. */
  default long billedMb(Execution execution) {
    return chunk(usedMb(execution));
  }

  /** MB rounded up to whole 64 MB chunks, at least one chunk. */
  static long chunk(double usedMb) {
    long chunks = (long) Math.ceil(usedMb / CHUNK_MB - 1e-9);
    return Math.max(1, chunks) * CHUNK_MB;
  }

  /** AWS's pricing-page estimate (see the type's Javadoc). */
  static ExpressMemoryModel awsFormula() {
    return execution -> {
      List<HistoryEvent> history = execution.history();
      double definitionBytes = execution.stateMachine().definitionText() == null ? 0
          : execution.stateMachine().definitionText().getBytes(StandardCharsets.UTF_8).length;
      return BASE_MB + (definitionBytes + largestPayloadBytes(execution, history)
          * Math.max(1, mapOrParallelSteps(history))) / 1_000_000.0;
    };
  }

  /** A fixed used memory, e.g. a figure read from a real execution's {@code billingDetails}. */
  static ExpressMemoryModel fixed(double usedMb) {
    return execution -> usedMb;
  }

  /** The largest input, output or parameters payload in a history (and the execution's input and output), bytes. */
  static long largestPayloadBytes(Execution execution, List<HistoryEvent> history) {
    long max = Math.max(size(execution.input()), size(execution.output()));
    for (HistoryEvent e : history) {
      for (String field : HistoryEvent.PAYLOAD_FIELDS) {
        max = Math.max(max, size(e.detail(field)));
      }
    }
    return max;
  }

  /** Map iterations started plus Parallel branches started in a history. */
  static long mapOrParallelSteps(List<HistoryEvent> history) {
    Set<Long> parallelStarts = new HashSet<>();
    long steps = 0;
    for (HistoryEvent e : history) {
      if (e.type().equals("ParallelStateStarted")) {
        parallelStarts.add(e.id());
      } else if (e.type().equals("MapIterationStarted")) {
        steps++;
      } else if (e.type().endsWith("StateEntered") && parallelStarts.contains(e.previousEventId())) {
        steps++;
      }
    }
    return steps;
  }

  private static long size(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return 0;
    }
    return Json.byteSize(node);
  }
}
