package dev.statelab.service.eventbridge;

import dev.statelab.engine.World;
import dev.statelab.gateway.AwsService;
import dev.statelab.integration.awssdk.AwsSdkBridge;
import dev.statelab.server.ServiceModule;
import java.util.List;

/**
 * The EventBridge stand-in: the API on the gateway, the {@code events:putEvents} Task
 * integrations and {@code aws-sdk:eventbridge:*}, over the world's {@link EventBridgeStore}.
 *
 * <pre>{@code
 * new EventBridgeModule().install(world);
 * EventBridgeStore.of(world).putEvents(entries);
 * }</pre>
 */
public final class EventBridgeModule implements ServiceModule {

  @Override
  public String name() {
    return "eventbridge";
  }

  /** Installs the integrations (once per world) and returns the EventBridge API. */
  @Override
  public List<AwsService> install(World world) {
    EventBridgeStore store = EventBridgeStore.of(world);
    EventBridgeService service = new EventBridgeService(store);
    world.component(Installed.class, () -> {
      world.integrations().resolver(new EventBridgeIntegration(store));
      return new Installed();
    });
    // outside the component supplier: registering creates the bridge component if need be
    AwsSdkBridge.register(world, "eventbridge", service);
    return List.of(service);
  }

  /** Marks a world whose integrations already include EventBridge's. */
  private static final class Installed {}
}
