package dev.statelab.service.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.gateway.AwsProtocol;
import dev.statelab.gateway.AwsRequest;
import dev.statelab.gateway.AwsResponse;
import dev.statelab.gateway.AwsService;
import dev.statelab.gateway.AwsServiceException;
import dev.statelab.gateway.ServiceSpec;
import dev.statelab.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * S3 as the {@code aws-sdk:s3:<action>} Task integration sees it: PascalCase JSON in and out, in
 * AWS SDK output shapes ({@code GetObject}'s {@code Body} as text), over the same store. It is
 * reached in-process through {@link dev.statelab.integration.awssdk.AwsSdkBridge}, never over HTTP.
 */
final class S3SdkService implements AwsService {

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssX")
      .withZone(ZoneOffset.UTC);

  private static final ServiceSpec SPEC = ServiceSpec.newBuilder(AwsProtocol.AWS_JSON_1_0, "s3")
      .targetPrefix("StateLabS3Sdk")
      .operations("GetObject", "PutObject", "HeadObject", "DeleteObject", "CopyObject", "ListObjectsV2",
          "ListBuckets", "CreateBucket", "HeadBucket", "DeleteBucket")
      .build();

  private final S3Store store;

  S3SdkService(S3Store store) {
    this.store = store;
  }

  @Override
  public ServiceSpec spec() {
    return SPEC;
  }

  @Override
  public AwsResponse handle(AwsRequest request) {
    JsonNode p = request.body();
    String bucket = text(p, "Bucket");
    ObjectNode out = Json.object();
    switch (request.operation()) {
      case "GetObject", "HeadObject" -> {
        S3Object o = store.object(required(bucket, "Bucket"), required(text(p, "Key"), "Key"));
        out.put("AcceptRanges", "bytes");
        if (request.operation().equals("GetObject")) {
          out.put("Body", new String(o.data(), StandardCharsets.UTF_8));
        }
        out.put("ContentLength", o.size());
        out.put("ContentType", o.contentType());
        out.put("ETag", o.etag());
        out.put("LastModified", TIMESTAMP.format(o.lastModified()));
        out.set("Metadata", Json.MAPPER.valueToTree(o.metadata()));
      }
      case "PutObject" -> {
        JsonNode body = p.get("Body");
        byte[] data = body == null || body.isNull() ? new byte[0]
            : (body.isTextual() ? body.asText() : Json.write(body)).getBytes(StandardCharsets.UTF_8);
        S3Object o = store.putObject(required(bucket, "Bucket"), required(text(p, "Key"), "Key"), data,
            text(p, "ContentType"), metadata(p.get("Metadata")));
        out.put("ETag", o.etag());
      }
      case "DeleteObject" -> store.deleteObject(required(bucket, "Bucket"), required(text(p, "Key"), "Key"));
      case "CopyObject" -> {
        String source = required(text(p, "CopySource"), "CopySource");
        String path = source.startsWith("/") ? source.substring(1) : source;
        int slash = path.indexOf('/');
        if (slash <= 0) {
          throw S3Exception.invalidArgument("Copy Source must mention the source bucket and key: "
              + "sourcebucket/sourcekey", "x-amz-copy-source", source);
        }
        S3Object from = store.object(path.substring(0, slash), path.substring(slash + 1));
        S3Object copy = store.putObject(required(bucket, "Bucket"), required(text(p, "Key"), "Key"), from.data(),
            from.contentType(), from.metadata());
        ObjectNode result = out.putObject("CopyObjectResult");
        result.put("ETag", copy.etag());
        result.put("LastModified", TIMESTAMP.format(copy.lastModified()));
      }
      case "ListObjectsV2" -> listObjects(p, required(bucket, "Bucket"), out);
      case "ListBuckets" -> {
        ArrayNode buckets = out.putArray("Buckets");
        for (S3Store.Bucket b : store.buckets()) {
          buckets.addObject().put("CreationDate", TIMESTAMP.format(b.creationDate())).put("Name", b.name());
        }
      }
      case "CreateBucket" -> {
        store.createBucket(required(bucket, "Bucket"));
        out.put("Location", "/" + bucket);
      }
      case "HeadBucket" -> store.bucket(required(bucket, "Bucket"));
      case "DeleteBucket" -> store.deleteBucket(required(bucket, "Bucket"));
      default -> throw new AwsServiceException("UnknownOperationException", request.operation());
    }
    S3Usage.record(store.world(), request.operation(), bucket);
    return AwsResponse.ok(out);
  }

  private void listObjects(JsonNode p, String bucket, ObjectNode out) {
    String prefix = text(p, "Prefix");
    String delimiter = text(p, "Delimiter");
    JsonNode max = p.get("MaxKeys");
    int maxKeys = S3Listing.maxKeys(max == null ? null : max.asText());
    String token = text(p, "ContinuationToken");
    S3Listing page = S3Listing.page(store, bucket, prefix, delimiter, maxKeys, token, text(p, "StartAfter"));
    if (!page.commonPrefixes().isEmpty()) {
      ArrayNode prefixes = out.putArray("CommonPrefixes");
      page.commonPrefixes().forEach(cp -> prefixes.addObject().put("Prefix", cp));
    }
    if (!page.contents().isEmpty()) {
      ArrayNode contents = out.putArray("Contents");
      for (S3Object o : page.contents()) {
        contents.addObject().put("ETag", o.etag()).put("Key", o.key())
            .put("LastModified", TIMESTAMP.format(o.lastModified())).put("Size", o.size())
            .put("StorageClass", S3Object.STORAGE_CLASS);
      }
    }
    if (token != null) {
      out.put("ContinuationToken", token);
    }
    if (delimiter != null) {
      out.put("Delimiter", delimiter);
    }
    out.put("IsTruncated", page.truncated());
    out.put("KeyCount", page.keyCount());
    out.put("MaxKeys", maxKeys);
    out.put("Name", bucket);
    if (page.nextToken() != null) {
      out.put("NextContinuationToken", page.nextToken());
    }
    out.put("Prefix", prefix == null ? "" : prefix);
  }

  private static String text(JsonNode p, String field) {
    JsonNode v = p.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String required(String value, String field) {
    if (value == null) {
      throw new AwsServiceException("ValidationException",
          "1 validation error detected: Value null at '" + Character.toLowerCase(field.charAt(0))
              + field.substring(1) + "' failed to satisfy constraint: Member must not be null");
    }
    return value;
  }

  private static Map<String, String> metadata(JsonNode node) {
    Map<String, String> metadata = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.fields().forEachRemaining(e -> metadata.put(e.getKey().toLowerCase(java.util.Locale.ROOT),
          e.getValue().asText()));
    }
    return metadata;
  }
}
