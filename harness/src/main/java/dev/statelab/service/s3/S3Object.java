package dev.statelab.service.s3;

import java.time.Instant;
import java.util.Map;

/**
 * One stored object: bytes, quoted MD5 ETag, content type and user metadata.
 *
 * @param key the object key
 * @param data the bytes (never modified after storing)
 * @param etag the quoted hex MD5, e.g. {@code "9e107d9d372bb6826bd81d3542a419d6"}
 * @param contentType the Content-Type given at upload, or {@code binary/octet-stream}
 * @param metadata the user metadata ({@code x-amz-meta-*} without the prefix, lower-case names)
 * @param lastModified when it was stored, on the world clock
 */
public record S3Object(String key, byte[] data, String etag, String contentType, Map<String, String> metadata,
    Instant lastModified) {

  /** The storage class every object has here. */
  public static final String STORAGE_CLASS = "STANDARD";

  /** The object's size in bytes. */
  public long size() {
    return data.length;
  }
}
