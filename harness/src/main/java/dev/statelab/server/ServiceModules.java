package dev.statelab.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The stand-in modules a StateLab server runs by default, besides Step Functions itself: every
 * {@link ServiceModule} listed in {@code META-INF/services/dev.statelab.server.ServiceModule}, so
 * this package needs to know none of them.
 */
public final class ServiceModules {

  private ServiceModules() {}

  /** Every stand-in StateLab ships, in name order. */
  public static List<ServiceModule> standard() {
    List<ServiceModule> modules = new ArrayList<>();
    ServiceLoader.load(ServiceModule.class, ServiceModules.class.getClassLoader()).forEach(modules::add);
    modules.sort(Comparator.comparing(ServiceModule::name));
    return List.copyOf(modules);
  }
}
