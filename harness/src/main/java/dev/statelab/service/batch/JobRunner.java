package dev.statelab.service.batch;

/**
 * Runs one attempt of a Batch job in-process: gets the job's command, parameters and environment
 * and answers an exit code and how long (world time) the attempt took. Register one per job
 * definition name with {@link BatchStore#registerRunner}. Runs on the world's thread.
 */
@FunctionalInterface
public interface JobRunner {

  /**
   * Runs the attempt.
   *
   * @throws Exception to fail the attempt with exit code 1 and the exception message as reason
   */
  JobOutcome run(JobContext job) throws Exception;
}
