package dev.statelab.service.s3;

import dev.statelab.engine.World;
import dev.statelab.gateway.AwsService;
import dev.statelab.integration.awssdk.AwsSdkBridge;
import dev.statelab.server.ServiceModule;
import java.util.List;

/**
 * The S3 stand-in: the S3 API on the gateway, {@code aws-sdk:s3:*} Task integrations, and the
 * world's object storage for distributed Map ItemReader and ResultWriter.
 */
public final class S3Module implements ServiceModule {

  @Override
  public String name() {
    return "s3";
  }

  @Override
  public List<AwsService> install(World world) {
    S3Store store = S3Store.of(world);
    AwsSdkBridge.register(world, "s3", new S3SdkService(store));
    return List.of(new S3Service(store));
  }
}
