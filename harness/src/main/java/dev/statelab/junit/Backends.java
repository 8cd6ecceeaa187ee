package dev.statelab.junit;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Turns a requested {@link Backend} into the one to use, and says when it cannot be had. */
final class Backends {

  /**
   * A backend decision.
   *
   * @param backend EMBEDDED or LOCALSTACK
   * @param fromProperty true when the {@code statelab.backend} property asked for it
   */
  record Choice(Backend backend, boolean fromProperty) {}

  private Backends() {}

  /** The backend to use for {@code requested}. */
  static Choice choose(Backend requested) {
    Backend asked = requested;
    boolean fromProperty = false;
    if (requested == Backend.DEFAULT) {
      String property = System.getProperty(Backend.PROPERTY);
      if (property == null || property.isBlank()) {
        return new Choice(Backend.EMBEDDED, false);
      }
      asked = parse(property);
      fromProperty = true;
    }
    if (asked == Backend.AUTO) {
      asked = Docker.unavailableReason().isPresent() ? Backend.EMBEDDED : Backend.LOCALSTACK;
    }
    if (asked == Backend.DEFAULT) {
      asked = Backend.EMBEDDED;
    }
    return new Choice(asked, fromProperty);
  }

  /** The reason to skip a test asking for LocalStack through an annotation, if Docker is missing. */
  static Optional<String> skipReason() {
    return Docker.unavailableReason()
        .map(why -> "LocalStack backend needs a Docker engine; none found (" + why + ")");
  }

  /** Fails when {@code -Dstatelab.backend=localstack} was asked for and Docker is missing. */
  static void requireDockerForProperty() {
    Docker.unavailableReason().ifPresent(why -> {
      throw new ExtensionConfigurationException("-D" + Backend.PROPERTY + "="
          + System.getProperty(Backend.PROPERTY) + " asks for the LocalStack backend, which needs a"
          + " Docker engine; none found (" + why + "). Start Docker or drop the property to run"
          + " on the embedded backend.");
    });
  }

  private static Backend parse(String property) {
    try {
      return Backend.valueOf(property.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("-D" + Backend.PROPERTY + " must be embedded,"
          + " localstack or auto; got '" + property + "'");
    }
  }
}
