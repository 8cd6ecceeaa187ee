package dev.statelab.junit;

import dev.statelab.gateway.SdkClients;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A LocalStack container (Testcontainers) serving the services its community image has. The only
 * class of this package that names Testcontainers types: it is loaded only after {@link Docker}
 * found Testcontainers on the class path.
 */
final class LocalStackBackend implements AutoCloseable {

  /** The image; {@code -Dstatelab.localstack.image} overrides it. */
  static final String IMAGE = System.getProperty("statelab.localstack.image", "localstack/localstack:4.4");

  /** The services the container runs; the embedded gateway serves the rest. */
  static final List<String> SERVICES = List.of("stepfunctions", "dynamodb", "dynamodbstreams", "events", "s3");

  private final LocalStackContainer container;

  private LocalStackBackend(LocalStackContainer container) {
    this.container = container;
  }

  /** True when Testcontainers finds a working Docker environment. */
  static boolean dockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  /** Starts a container with {@link #SERVICES}. */
  static LocalStackBackend start() {
    LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(IMAGE)
        .asCompatibleSubstituteFor("localstack/localstack"))
        .withServices(SERVICES.toArray(String[]::new));
    container.start();
    return new LocalStackBackend(container);
  }

  /** Clients for the container, with its endpoint, region and keys. */
  SdkClients clients() {
    return SdkClients.forEndpoint(container.getEndpoint())
        .withRegion(container.getRegion())
        .withCredentials(container.getAccessKey(), container.getSecretKey());
  }

  @Override
  public void close() {
    container.stop();
  }
}
