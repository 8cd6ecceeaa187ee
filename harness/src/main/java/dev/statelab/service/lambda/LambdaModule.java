package dev.statelab.service.lambda;

import dev.statelab.engine.World;
import dev.statelab.gateway.AwsService;
import dev.statelab.server.ServiceModule;
import java.util.List;

/**
 * The Lambda stand-in as a {@link ServiceModule}: a per-world {@link LambdaStore}, the Task
 * integrations for {@code lambda:invoke} and function ARNs, and the Lambda API on the gateway.
 *
 * <pre>{@code
 * new LambdaModule().install(world);
 * LambdaStore.of(world).register("Echo", LambdaHandler.json(in -> in));
 * }</pre>
 */
public final class LambdaModule implements ServiceModule {

  @Override
  public String name() {
    return "lambda";
  }

  /** Installs the store's Task integrations (once per world) and returns the Lambda API. */
  @Override
  public List<AwsService> install(World world) {
    LambdaStore store = LambdaStore.of(world);
    world.component(Installed.class, () -> {
      world.integrations().resolver(new LambdaIntegrations(store));
      return new Installed();
    });
    return List.of(new LambdaService(store));
  }

  /** Marks a world whose integrations already include Lambda's resolver. */
  private static final class Installed {}
}
