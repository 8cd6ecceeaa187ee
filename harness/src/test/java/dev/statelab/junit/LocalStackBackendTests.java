package dev.statelab.junit;

/**
 * {@link EitherBackendTests} pinned to LocalStack: where no Docker engine is found the class is
 * skipped with the reason ("LocalStack backend needs a Docker engine; none found (...)").
 */
@StateLabTest(backend = Backend.LOCALSTACK)
class LocalStackBackendTests extends EitherBackendTests {}
