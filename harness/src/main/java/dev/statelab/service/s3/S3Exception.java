package dev.statelab.service.s3;

import dev.statelab.gateway.AwsServiceException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An S3 error: code, message, status and the extra elements S3 puts in its error document
 * ({@code BucketName}, {@code Key}, {@code RangeRequested}, ...).
 */
public final class S3Exception extends AwsServiceException {

  private static final long serialVersionUID = 1L;

  private final Map<String, String> details;

  private S3Exception(String code, String message, int status, Map<String, String> details) {
    super(code, message, status);
    this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /** The extra error elements, in document order. */
  public Map<String, String> details() {
    return details;
  }

  static S3Exception noSuchBucket(String bucket) {
    return new S3Exception("NoSuchBucket", "The specified bucket does not exist", 404, Map.of("BucketName", bucket));
  }

  static S3Exception noSuchKey(String key) {
    return new S3Exception("NoSuchKey", "The specified key does not exist.", 404, Map.of("Key", key));
  }

  static S3Exception bucketAlreadyOwnedByYou(String bucket) {
    return new S3Exception("BucketAlreadyOwnedByYou",
        "Your previous request to create the named bucket succeeded and you already own it.", 409,
        Map.of("BucketName", bucket));
  }

  static S3Exception bucketNotEmpty(String bucket) {
    return new S3Exception("BucketNotEmpty", "The bucket you tried to delete is not empty", 409,
        Map.of("BucketName", bucket));
  }

  static S3Exception invalidBucketName(String bucket) {
    return new S3Exception("InvalidBucketName", "The specified bucket is not valid.", 400,
        Map.of("BucketName", bucket));
  }

  static S3Exception invalidRange(String range, long size) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("RangeRequested", range);
    details.put("ActualObjectSize", Long.toString(size));
    return new S3Exception("InvalidRange", "The requested range is not satisfiable", 416, details);
  }

  static S3Exception invalidArgument(String message, String name, String value) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("ArgumentName", name);
    details.put("ArgumentValue", value);
    return new S3Exception("InvalidArgument", message, 400, details);
  }

  static S3Exception malformedXml() {
    return new S3Exception("MalformedXML",
        "The XML you provided was not well-formed or did not validate against our published schema", 400, Map.of());
  }

  static S3Exception notImplemented(String what) {
    return new S3Exception("NotImplemented", "A header you provided implies functionality that is not implemented",
        501, Map.of("Header", what));
  }

  static S3Exception invalidRequest(String message) {
    return new S3Exception("InvalidRequest", message, 400, Map.of());
  }
}
