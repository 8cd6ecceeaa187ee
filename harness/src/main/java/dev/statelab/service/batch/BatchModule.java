package dev.statelab.service.batch;

import dev.statelab.engine.World;
import dev.statelab.gateway.AwsService;
import dev.statelab.server.ServiceModule;
import java.util.List;

/**
 * The AWS Batch stand-in: the Batch API on the gateway and the {@code batch:submitJob} Task
 * integrations, over the world's {@link BatchStore}.
 */
public final class BatchModule implements ServiceModule {

  @Override
  public String name() {
    return "batch";
  }

  @Override
  public List<AwsService> install(World world) {
    BatchStore store = BatchStore.of(world);
    world.integrations().resolver(new BatchIntegration(store));
    return List.of(new BatchService(store));
  }
}
