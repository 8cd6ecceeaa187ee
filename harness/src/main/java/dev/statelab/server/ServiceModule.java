package dev.statelab.server;

import dev.statelab.engine.World;
import dev.statelab.gateway.AwsService;
import java.util.List;

/**
 * A stand-in service as a plug-in: it installs its Task integrations into a world and returns the
 * HTTP services the gateway should serve for it. Stand-ins (Lambda, Batch, DynamoDB, ...) each
 * provide one; a world used in-process needs only {@link #install}.
 */
public interface ServiceModule {

  /** The module's name, e.g. {@code lambda}. */
  String name();

  /**
   * Installs the module into a world: registers the integrations Task states reach it by, and
   * returns the services to put on the gateway (empty for integration-only modules).
   */
  List<AwsService> install(World world);
}
