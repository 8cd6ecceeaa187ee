package dev.statelab.engine;

import java.time.Instant;
import java.util.List;

/**
 * The object store a distributed Map reads items from (ItemReader) and writes results to
 * (ResultWriter): the S3 stand-in registers itself as this world component.
 *
 * <pre>{@code
 * world.component(ObjectStorage.class, () -> s3Store);
 * }</pre>
 */
public interface ObjectStorage {

  /**
   * An object's bytes.
   *
   * @throws Failure {@code NoSuchBucket} or {@code NoSuchKey}
   */
  byte[] get(String bucket, String key);

  /**
   * Every object under a prefix, in key order.
   *
   * @throws Failure {@code NoSuchBucket}
   */
  List<Summary> list(String bucket, String prefix);

  /**
   * Stores an object, replacing any under that key.
   *
   * @throws Failure {@code NoSuchBucket}
   */
  void put(String bucket, String key, byte[] body, String contentType);

  /** One object as a listing shows it; the ETag is quoted, as S3 sends it. */
  record Summary(String key, String etag, Instant lastModified, long size, String storageClass) {}

  /** A storage error with S3's code, message and HTTP status. */
  final class Failure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;

    /** A failure, e.g. {@code new Failure("NoSuchKey", "The specified key does not exist.", 404)}. */
    public Failure(String code, String message, int status) {
      super(message, null, false, false);
      this.code = code;
      this.status = status;
    }

    /** S3's error code, e.g. {@code NoSuchBucket}. */
    public String code() {
      return code;
    }

    /** The HTTP status S3 answers with. */
    public int status() {
      return status;
    }
  }
}
