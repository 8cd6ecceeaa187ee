package dev.statelab.service.s3;

import dev.statelab.gateway.AwsProtocol;
import dev.statelab.gateway.AwsRequest;
import dev.statelab.gateway.AwsResponse;
import dev.statelab.gateway.AwsService;
import dev.statelab.gateway.ServiceSpec;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * The S3 API (REST-XML) over the world's {@link S3Store}: buckets, objects, listings, ranges,
 * copies and batch deletes, with S3's XML documents, headers and error documents.
 *
 * <p>Paths are path-style ({@code /bucket/key}); the gateway turns virtual-hosted requests
 * ({@code Host: bucket.s3.localhost}) into the same paths. The route names the operation by
 * method and path; query subresources ({@code ?list-type=2}, {@code ?delete}, {@code
 * ?location}) and the {@code x-amz-copy-source} header refine it here.
 */
public final class S3Service implements AwsService {

  /** The largest object body accepted in one PUT. */
  static final long MAX_OBJECT_BYTES = 512L * 1024 * 1024;

  static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);
  static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
      Locale.US).withZone(ZoneOffset.UTC);

  private static final String META = "x-amz-meta-";
  private static final Set<String> UNSUPPORTED = Set.of("acl", "tagging", "uploads", "uploadId", "versioning",
      "policy", "cors", "lifecycle", "website", "encryption", "notification", "replication", "versions",
      "object-lock", "retention", "legal-hold", "attributes", "restore", "select", "torrent", "logging");
  private static final String OWNER_ID = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a";

  private static final ServiceSpec SPEC = ServiceSpec.newBuilder(AwsProtocol.REST_XML, "s3")
      .route("GET", "/", "ListBuckets")
      .route("PUT", "/{Bucket}", "CreateBucket")
      .route("HEAD", "/{Bucket}", "HeadBucket")
      .route("DELETE", "/{Bucket}", "DeleteBucket")
      .route("GET", "/{Bucket}", "ListObjectsV2")
      .route("POST", "/{Bucket}", "DeleteObjects")
      .route("PUT", "/{Bucket}/{Key+}", "PutObject")
      .route("GET", "/{Bucket}/{Key+}", "GetObject")
      .route("HEAD", "/{Bucket}/{Key+}", "HeadObject")
      .route("DELETE", "/{Bucket}/{Key+}", "DeleteObject")
      .maxRequestBytes(MAX_OBJECT_BYTES)
      .build();

  private final S3Store store;

  /** A service over a store. */
  public S3Service(S3Store store) {
    this.store = store;
  }

  @Override
  public ServiceSpec spec() {
    return SPEC;
  }

  @Override
  public AwsResponse handle(AwsRequest request) {
    try {
      return dispatch(request);
    } catch (S3Exception e) {
      return error(request, e);
    }
  }

  private AwsResponse dispatch(AwsRequest r) {
    for (String name : r.queryParams().keySet()) {
      if (UNSUPPORTED.contains(name)) {
        throw S3Exception.notImplemented("?" + name);
      }
    }
    String bucket = r.pathParams().get("Bucket");
    String key = r.pathParams().get("Key");
    String operation = r.operation();
    AwsResponse response = switch (operation) {
      case "ListBuckets" -> listBuckets();
      case "CreateBucket" -> createBucket(bucket);
      case "HeadBucket" -> headBucket(bucket);
      case "DeleteBucket" -> {
        store.deleteBucket(bucket);
        yield AwsResponse.empty(204);
      }
      case "ListObjectsV2" -> {
        if (r.queryParams().containsKey("location")) {
          operation = "GetBucketLocation";
          yield location(bucket);
        }
        if (!r.queryParam("list-type").map("2"::equals).orElse(false)) {
          operation = "ListObjects";
        }
        yield list(r, bucket, operation.equals("ListObjectsV2"));
      }
      case "DeleteObjects" -> {
        if (!r.queryParams().containsKey("delete")) {
          throw S3Exception.notImplemented("POST " + r.path());
        }
        yield deleteObjects(r, bucket);
      }
      case "PutObject" -> {
        if (r.header("x-amz-copy-source").isPresent()) {
          operation = "CopyObject";
          yield copyObject(r, bucket, key);
        }
        yield putObject(r, bucket, key);
      }
      case "GetObject" -> getObject(r, bucket, key, false);
      case "HeadObject" -> getObject(r, bucket, key, true);
      case "DeleteObject" -> {
        store.deleteObject(bucket, key);
        yield AwsResponse.empty(204);
      }
      default -> throw S3Exception.notImplemented(operation);
    };
    S3Usage.record(store.world(), operation, bucket);
    return response.withHeader("x-amz-request-id", r.requestId()).withHeader("x-amz-id-2", hostId(r));
  }

  private AwsResponse listBuckets() {
    S3Xml xml = S3Xml.document("ListAllMyBucketsResult")
        .open("Owner").element("ID", OWNER_ID).element("DisplayName", "statelab").close("Owner")
        .open("Buckets");
    for (S3Store.Bucket b : store.buckets()) {
      xml.open("Bucket").element("Name", b.name()).element("CreationDate", ISO.format(b.creationDate()))
          .close("Bucket");
    }
    xml.close("Buckets");
    return xml(200, xml.bytes("ListAllMyBucketsResult"));
  }

  private AwsResponse createBucket(String bucket) {
    store.createBucket(bucket);
    return AwsResponse.empty(200).withHeader("Location", "/" + bucket);
  }

  private AwsResponse headBucket(String bucket) {
    S3Store.Bucket b = store.bucket(bucket);
    return AwsResponse.empty(200).withHeader("x-amz-bucket-region", b.region());
  }

  private AwsResponse location(String bucket) {
    S3Store.Bucket b = store.bucket(bucket);
    // us-east-1 answers an empty LocationConstraint, as S3 does.
    String region = "us-east-1".equals(b.region()) ? "" : S3Xml.escape(b.region());
    return xml(200, ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LocationConstraint xmlns=\"" + S3Xml.NAMESPACE
        + "\">" + region + "</LocationConstraint>").getBytes(StandardCharsets.UTF_8));
  }

  private AwsResponse list(AwsRequest r, String bucket, boolean v2) {
    String prefix = r.queryParam("prefix").orElse("");
    String delimiter = r.queryParam("delimiter").filter(d -> !d.isEmpty()).orElse(null);
    int maxKeys = S3Listing.maxKeys(r.queryParam("max-keys").orElse(null));
    boolean urlEncoded = r.queryParam("encoding-type").map("url"::equals).orElse(false);
    String token = v2 ? r.queryParam("continuation-token").orElse(null) : null;
    String startAfter = v2 ? r.queryParam("start-after").orElse(null) : r.queryParam("marker").orElse(null);
    S3Listing page = S3Listing.page(store, bucket, prefix, delimiter, maxKeys, token, startAfter);
    S3Xml xml = S3Xml.document("ListBucketResult")
        .element("Name", bucket)
        .element("Prefix", encode(prefix, urlEncoded));
    if (v2) {
      xml.element("KeyCount", page.keyCount())
          .element("MaxKeys", maxKeys)
          .element("Delimiter", encode(delimiter, urlEncoded))
          .element("IsTruncated", page.truncated())
          .element("ContinuationToken", token)
          .element("NextContinuationToken", page.nextToken())
          .element("StartAfter", encode(startAfter, urlEncoded));
    } else {
      xml.element("Marker", encode(startAfter == null ? "" : startAfter, urlEncoded))
          .element("NextMarker", delimiter != null ? encode(page.nextMarker(), urlEncoded) : null)
          .element("MaxKeys", maxKeys)
          .element("Delimiter", encode(delimiter, urlEncoded))
          .element("IsTruncated", page.truncated());
    }
    if (urlEncoded) {
      xml.element("EncodingType", "url");
    }
    boolean owner = !v2 || r.queryParam("fetch-owner").map("true"::equals).orElse(false);
    for (S3Object o : page.contents()) {
      xml.open("Contents").element("Key", encode(o.key(), urlEncoded))
          .element("LastModified", ISO.format(o.lastModified()))
          .element("ETag", o.etag())
          .element("Size", o.size())
          .element("StorageClass", S3Object.STORAGE_CLASS);
      if (owner) {
        xml.open("Owner").element("ID", OWNER_ID).element("DisplayName", "statelab").close("Owner");
      }
      xml.close("Contents");
    }
    for (String p : page.commonPrefixes()) {
      xml.open("CommonPrefixes").element("Prefix", encode(p, urlEncoded)).close("CommonPrefixes");
    }
    return xml(200, xml.bytes("ListBucketResult"));
  }

  private static String encode(String value, boolean url) {
    if (value == null || !url) {
      return value;
    }
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
  }

  private AwsResponse deleteObjects(AwsRequest r, String bucket) {
    store.bucket(bucket);
    Element root = S3Xml.parse(body(r));
    if (!"Delete".equals(root.getLocalName())) {
      throw S3Exception.malformedXml();
    }
    boolean quiet = "true".equalsIgnoreCase(String.valueOf(S3Xml.childText(root, "Quiet")).trim());
    List<Element> objects = S3Xml.children(root, "Object");
    if (objects.isEmpty() || objects.size() > 1000) {
      throw S3Exception.malformedXml();
    }
    S3Xml xml = S3Xml.document("DeleteResult");
    for (Element object : objects) {
      String key = S3Xml.childText(object, "Key");
      if (key == null) {
        throw S3Exception.malformedXml();
      }
      store.deleteObject(bucket, key);
      if (!quiet) {
        xml.open("Deleted").element("Key", key).close("Deleted");
      }
    }
    return xml(200, xml.bytes("DeleteResult"));
  }

  private AwsResponse putObject(AwsRequest r, String bucket, String key) {
    byte[] data = body(r);
    S3Object object = store.putObject(bucket, key, data, r.header("content-type").orElse(null), metadata(r));
    AwsResponse response = AwsResponse.empty(200).withHeader("ETag", object.etag());
    for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
      if (h.getKey().startsWith("x-amz-checksum-") && !h.getKey().equals("x-amz-checksum-algorithm")) {
        response = response.withHeader(h.getKey(), h.getValue().get(0));
      }
    }
    return response;
  }

  private AwsResponse copyObject(AwsRequest r, String bucket, String key) {
    String source = URLDecoder.decode(r.header("x-amz-copy-source").orElseThrow().replace("+", "%2B"),
        StandardCharsets.UTF_8);
    int query = source.indexOf('?');
    if (query >= 0) {
      source = source.substring(0, query);
    }
    if (source.startsWith("/")) {
      source = source.substring(1);
    }
    int slash = source.indexOf('/');
    if (slash <= 0 || slash == source.length() - 1) {
      throw S3Exception.invalidArgument("Copy Source must mention the source bucket and key: sourcebucket/sourcekey",
          "x-amz-copy-source", source);
    }
    String sourceBucket = source.substring(0, slash);
    String sourceKey = source.substring(slash + 1);
    boolean replace = r.header("x-amz-metadata-directive").map("REPLACE"::equalsIgnoreCase).orElse(false);
    store.bucket(bucket);
    S3Object from = store.object(sourceBucket, sourceKey);
    if (sourceBucket.equals(bucket) && sourceKey.equals(key) && !replace) {
      throw S3Exception.invalidRequest("This copy request is illegal because it is trying to copy an object to "
          + "itself without changing the object's metadata, storage class, website redirect location or "
          + "encryption attributes.");
    }
    S3Object copy = replace
        ? store.putObject(bucket, key, from.data(), r.header("content-type").orElse(null), metadata(r))
        : store.putObject(bucket, key, from.data(), from.contentType(), from.metadata());
    S3Xml xml = S3Xml.document("CopyObjectResult")
        .element("ETag", copy.etag())
        .element("LastModified", ISO.format(copy.lastModified()));
    return xml(200, xml.bytes("CopyObjectResult"));
  }

  private AwsResponse getObject(AwsRequest r, String bucket, String key, boolean head) {
    S3Object object = store.object(bucket, key);
    byte[] data = object.data();
    int status = 200;
    String contentRange = null;
    Optional<String> range = r.header("range");
    if (range.isPresent() && !head) {
      long[] span = range(range.get(), data.length);
      if (span != null) {
        int from = (int) span[0];
        int to = (int) span[1];
        byte[] part = new byte[to - from + 1];
        System.arraycopy(data, from, part, 0, part.length);
        contentRange = "bytes " + from + "-" + to + "/" + data.length;
        data = part;
        status = 206;
      }
    }
    AwsResponse response = AwsResponse.raw(status, head ? new byte[0] : data, object.contentType())
        .withHeader("ETag", object.etag())
        .withHeader("Last-Modified", HTTP_DATE.format(object.lastModified()))
        .withHeader("Accept-Ranges", "bytes");
    if (head) {
      response = response.withHeader("Content-Length", Long.toString(object.size()));
    }
    if (contentRange != null) {
      response = response.withHeader("Content-Range", contentRange);
    }
    for (Map.Entry<String, String> m : object.metadata().entrySet()) {
      response = response.withHeader(META + m.getKey(), m.getValue());
    }
    return response;
  }

  /**
   * The inclusive byte span of a {@code bytes=a-b}, {@code bytes=a-} or {@code bytes=-n} range,
   * or null when the header is not a single byte range (S3 then answers the whole object).
   */
  static long[] range(String header, long size) {
    String spec = header.trim();
    if (!spec.startsWith("bytes=") || spec.indexOf(',') >= 0) {
      return null;
    }
    String value = spec.substring(6).trim();
    int dash = value.indexOf('-');
    if (dash < 0) {
      return null;
    }
    try {
      String a = value.substring(0, dash).trim();
      String b = value.substring(dash + 1).trim();
      long from;
      long to;
      if (a.isEmpty()) {
        long suffix = Long.parseLong(b);
        if (suffix <= 0 || size == 0) {
          throw S3Exception.invalidRange(header, size);
        }
        from = Math.max(0, size - suffix);
        to = size - 1;
      } else {
        from = Long.parseLong(a);
        to = b.isEmpty() ? size - 1 : Math.min(Long.parseLong(b), size - 1);
        if (!b.isEmpty() && Long.parseLong(b) < from) {
          return null;
        }
        if (from >= size) {
          throw S3Exception.invalidRange(header, size);
        }
      }
      return new long[] {from, to};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Map<String, String> metadata(AwsRequest r) {
    Map<String, String> metadata = new LinkedHashMap<>();
    r.headers().forEach((name, values) -> {
      if (name.startsWith(META) && !values.isEmpty()) {
        metadata.put(name.substring(META.length()), values.get(0));
      }
    });
    return metadata;
  }

  /** The request body, with {@code aws-chunked} framing (streaming SigV4 uploads) removed. */
  static byte[] body(AwsRequest r) {
    byte[] raw = r.rawBody();
    boolean chunked = r.header("x-amz-content-sha256").map(v -> v.startsWith("STREAMING-")).orElse(false)
        || r.header("content-encoding").map(v -> v.contains("aws-chunked")).orElse(false);
    return chunked ? unchunk(raw) : raw;
  }

  static byte[] unchunk(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
    int i = 0;
    while (i < raw.length) {
      int lineEnd = indexOfCrlf(raw, i);
      if (lineEnd < 0) {
        throw S3Exception.invalidRequest("Malformed aws-chunked body");
      }
      String header = new String(raw, i, lineEnd - i, StandardCharsets.US_ASCII);
      int semicolon = header.indexOf(';');
      int size;
      try {
        size = Integer.parseInt((semicolon < 0 ? header : header.substring(0, semicolon)).trim(), 16);
      } catch (NumberFormatException e) {
        throw S3Exception.invalidRequest("Malformed aws-chunked body");
      }
      i = lineEnd + 2;
      if (size == 0) {
        break; // trailers (checksums) follow; they are not kept
      }
      if (i + size > raw.length) {
        throw S3Exception.invalidRequest("Malformed aws-chunked body");
      }
      out.write(raw, i, size);
      i += size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOfCrlf(byte[] raw, int from) {
    for (int i = from; i + 1 < raw.length; i++) {
      if (raw[i] == '\r' && raw[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static AwsResponse xml(int status, byte[] body) {
    return AwsResponse.raw(status, body, "application/xml");
  }

  private static String hostId(AwsRequest r) {
    return Base64.getEncoder().encodeToString(r.requestId().getBytes(StandardCharsets.UTF_8));
  }

  /** S3's error document, with the error's extra elements, Resource and RequestId. */
  static AwsResponse error(AwsRequest r, S3Exception e) {
    S3Xml xml = S3Xml.bare("Error")
        .element("Code", e.code())
        .element("Message", e.getMessage())
        .elements(e.details())
        .element("Resource", r.path())
        .element("RequestId", r.requestId())
        .element("HostId", hostId(r));
    return xml(e.status(), xml.bytes("Error"))
        .withHeader("x-amz-request-id", r.requestId())
        .withHeader("x-amz-id-2", hostId(r));
  }
}
