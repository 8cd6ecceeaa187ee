/**
 * The JUnit 5 extension: {@link dev.statelab.junit.StateLabTest} (or a
 * {@link dev.statelab.junit.StateLabExtension} built with {@code newBuilder()} on a static
 * {@code @RegisterExtension} field) gives each test class or method a world served on a loopback
 * port, injects SDK clients, the world, its clock and WireMock by type, loads scenarios with
 * definition substitutions, asserts on executions in AssertJ style
 * ({@link dev.statelab.junit.StateLabAssertions}) and prints the histories of the last executions
 * when a test fails.
 */
package dev.statelab.junit;
