package dev.statelab.chaos;

/** What an injected fault did. */
public enum FaultKind {
  /** The task failed with a chosen error and cause. */
  FAILURE,
  /** The task failed with the integration's throttling error. */
  THROTTLE,
  /** The task failed with the integration's internal service error. */
  SERVICE_ERROR,
  /** The task's answer (or a Batch job attempt) was delayed. */
  LATENCY,
  /** The task ran twice (Express at-least-once delivery). */
  DUPLICATE,
  /** A Batch job attempt failed with a chosen status reason. */
  JOB_FAILURE,
  /** A Batch job attempt lost its host part way through. */
  HOST_LOST
}
