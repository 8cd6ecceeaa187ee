package dev.statelab.service.s3;

import dev.statelab.cost.Services;
import dev.statelab.cost.UsageLedger;
import dev.statelab.engine.World;
import java.util.Map;
import java.util.Set;

/** S3's request metering: PUT, COPY, POST and LIST are Tier 1, GET and HEAD Tier 2, DELETE free. */
final class S3Usage {

  /** The usage type of PUT, COPY, POST and LIST requests. */
  static final String TIER1 = "Requests-Tier1";

  /** The usage type of GET and HEAD requests. */
  static final String TIER2 = "Requests-Tier2";

  private static final Set<String> TIER1_OPERATIONS = Set.of("CreateBucket", "PutObject", "CopyObject",
      "ListObjectsV2", "ListObjects", "ListBuckets", "DeleteObjects");
  private static final Set<String> TIER2_OPERATIONS = Set.of("GetObject", "HeadObject", "HeadBucket",
      "GetBucketLocation");

  private S3Usage() {}

  /** Records one request of an operation against a bucket (none for free operations). */
  static void record(World world, String operation, String bucket) {
    String type = TIER1_OPERATIONS.contains(operation) ? TIER1 : TIER2_OPERATIONS.contains(operation) ? TIER2 : null;
    if (type == null) {
      return;
    }
    UsageLedger.of(world).record(Services.S3, type, 1, "Requests",
        bucket == null ? Map.of("operation", operation) : Map.of("operation", operation, "bucket", bucket));
  }
}
