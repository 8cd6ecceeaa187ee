package dev.statelab.service.dynamodb;

import dev.statelab.engine.World;
import dev.statelab.gateway.AwsService;
import dev.statelab.integration.awssdk.AwsSdkBridge;
import dev.statelab.server.ServiceModule;
import java.util.List;

/**
 * The DynamoDB stand-in as a {@link ServiceModule}: the world's {@link DynamoDbStore}, the
 * optimized {@code arn:aws:states:::dynamodb:*} Task integrations, the {@code aws-sdk:dynamodb:*}
 * and {@code aws-sdk:dynamodbstreams:*} bindings, and both APIs on the gateway.
 *
 * <pre>{@code
 * new DynamoDbModule().install(world);
 * DynamoDbStore.of(world).createTable(...);
 * }</pre>
 */
public final class DynamoDbModule implements ServiceModule {

  @Override
  public String name() {
    return "dynamodb";
  }

  /** Installs the integrations (once per world) and returns the DynamoDB and Streams APIs. */
  @Override
  public List<AwsService> install(World world) {
    DynamoDbStore store = DynamoDbStore.of(world);
    Installed installed = world.component(Installed.class, () -> {
      world.integrations().resolver(new DynamoDbIntegrations(store));
      return new Installed(new DynamoDbService(store), new DynamoDbStreamsService(store));
    });
    AwsSdkBridge.registerBySpec(world, installed.api());
    AwsSdkBridge.registerBySpec(world, installed.streams());
    return List.of(installed.api(), installed.streams());
  }

  /** The services of a world whose integrations already include DynamoDB's resolver. */
  private record Installed(DynamoDbService api, DynamoDbStreamsService streams) {}
}
