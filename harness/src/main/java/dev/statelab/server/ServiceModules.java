package dev.statelab.server;

import java.util.List;

/** The stand-in modules a StateLab server runs by default, besides Step Functions itself. */
public final class ServiceModules {

  private ServiceModules() {}

  /** Every stand-in StateLab ships. */
  public static List<ServiceModule> standard() {
    return List.of(new dev.statelab.service.lambda.LambdaModule());
  }
}
