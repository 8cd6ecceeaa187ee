package dev.statelab.service.costexplorer;

import dev.statelab.cost.PriceCatalogue;
import dev.statelab.cost.StepFunctionsMetering;
import dev.statelab.engine.World;
import dev.statelab.gateway.AwsService;
import dev.statelab.server.ServiceModule;
import java.util.List;

/**
 * The Cost Explorer stand-in as a module: installs Step Functions metering into the world and
 * serves {@link CostExplorerService}, pricing with the world's {@link PriceCatalogue} component
 * (the default catalogue unless one was put into the world first, e.g. {@code
 * world.component(PriceCatalogue.class, () -> PriceCatalogue.load(path))}).
 */
public final class CostExplorerModule implements ServiceModule {

  @Override
  public String name() {
    return "costexplorer";
  }

  @Override
  public List<AwsService> install(World world) {
    StepFunctionsMetering.install(world);
    PriceCatalogue catalogue = world.component(PriceCatalogue.class, PriceCatalogue::defaults);
    return List.of(new CostExplorerService(world, catalogue));
  }
}
