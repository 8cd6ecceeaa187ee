package dev.statelab.junit;

import java.util.Optional;

/**
 * Whether a Docker engine is available to Testcontainers, asked once per JVM. Testcontainers is
 * an optional dependency: this class names none of its types, so it loads without it.
 */
final class Docker {

  private static final String FACTORY = "org.testcontainers.DockerClientFactory";
  private static volatile Optional<String> unavailable;

  private Docker() {}

  /** Why a Docker engine cannot be used, or empty when one can. */
  static Optional<String> unavailableReason() {
    Optional<String> known = unavailable;
    if (known == null) {
      synchronized (Docker.class) {
        known = unavailable;
        if (known == null) {
          known = probe();
          unavailable = known;
        }
      }
    }
    return known;
  }

  private static Optional<String> probe() {
    try {
      Class.forName(FACTORY, false, Docker.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.of("Testcontainers (org.testcontainers:testcontainers) is not on the class path");
    }
    try {
      return LocalStackBackend.dockerAvailable()
          ? Optional.empty()
          : Optional.of("Testcontainers' DockerClientFactory found no working Docker environment");
    } catch (RuntimeException | LinkageError e) {
      return Optional.of("Testcontainers could not look for Docker: " + e);
    }
  }
}
