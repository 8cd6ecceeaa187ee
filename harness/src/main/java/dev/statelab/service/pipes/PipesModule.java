package dev.statelab.service.pipes;

import dev.statelab.engine.World;
import dev.statelab.gateway.AwsService;
import dev.statelab.server.ServiceModule;
import java.util.List;

/**
 * The EventBridge Pipes stand-in: the Pipes API on the gateway over the world's {@link
 * PipesStore}. Pipes read DynamoDB streams through the world's {@link
 * dev.statelab.service.dynamodb.StreamSubscriptions} component.
 */
public final class PipesModule implements ServiceModule {

  @Override
  public String name() {
    return "pipes";
  }

  @Override
  public List<AwsService> install(World world) {
    return List.of(new PipesService(PipesStore.of(world)));
  }
}
