package dev.statelab.scenarios;

import dev.statelab.junit.Backend;
import dev.statelab.junit.StateLabTest;

/**
 * {@link SagaAcrossWorkflowsTests}, unchanged, on the LocalStack backend (Step Functions in a
 * LocalStack container). Where no Docker engine is found the class is skipped with the reason:
 * "LocalStack backend needs a Docker engine; none found (...)".
 */
@StateLabTest(backend = Backend.LOCALSTACK)
class SagaAcrossWorkflowsOnLocalStackTests extends SagaAcrossWorkflowsTests {}
