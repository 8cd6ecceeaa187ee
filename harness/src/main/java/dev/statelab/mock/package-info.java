/**
 * Mocked service integrations in the format of AWS Step Functions Local's MockConfigFile, a
 * fluent Java equivalent, and the per-world {@link dev.statelab.mock.Mocking} that answers mocked
 * Task states by invocation index.
 */
package dev.statelab.mock;
