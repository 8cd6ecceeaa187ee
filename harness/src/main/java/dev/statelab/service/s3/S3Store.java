package dev.statelab.service.s3;

import dev.statelab.engine.ObjectStorage;
import dev.statelab.engine.World;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A world's buckets and objects, in memory; thread-safe (one lock). Also the world's {@link
 * ObjectStorage}, so distributed Map reads items from and writes results to these buckets.
 */
public final class S3Store implements ObjectStorage {

  private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  /** One bucket: its creation time, region and objects by key. */
  public record Bucket(String name, Instant creationDate, String region) {}

  private final World world;
  private final Map<String, Bucket> buckets = new TreeMap<>();
  private final Map<String, TreeMap<String, S3Object>> objects = new TreeMap<>();

  private S3Store(World world) {
    this.world = world;
  }

  /** The world's store, created on first use and registered as the world's {@link ObjectStorage}. */
  public static S3Store of(World world) {
    Objects.requireNonNull(world, "world");
    S3Store store = world.component(S3Store.class, () -> new S3Store(world));
    world.component(ObjectStorage.class, () -> store);
    return store;
  }

  /** The world the store belongs to. */
  World world() {
    return world;
  }

  /**
   * Creates a bucket in the world's region.
   *
   * @throws S3Exception {@code InvalidBucketName}, {@code BucketAlreadyOwnedByYou}
   */
  public synchronized Bucket createBucket(String name) {
    if (!BUCKET_NAME.matcher(name).matches() || name.contains("..")) {
      throw S3Exception.invalidBucketName(name);
    }
    if (buckets.containsKey(name)) {
      throw S3Exception.bucketAlreadyOwnedByYou(name);
    }
    Bucket bucket = new Bucket(name, world.now(), world.options().region());
    buckets.put(name, bucket);
    objects.put(name, new TreeMap<>());
    return bucket;
  }

  /** Every bucket, by name. */
  public synchronized List<Bucket> buckets() {
    return List.copyOf(buckets.values());
  }

  /**
   * One bucket.
   *
   * @throws S3Exception {@code NoSuchBucket}
   */
  public synchronized Bucket bucket(String name) {
    Bucket bucket = buckets.get(name);
    if (bucket == null) {
      throw S3Exception.noSuchBucket(name);
    }
    return bucket;
  }

  /**
   * Deletes an empty bucket.
   *
   * @throws S3Exception {@code NoSuchBucket}, {@code BucketNotEmpty}
   */
  public synchronized void deleteBucket(String name) {
    if (!objectsOf(name).isEmpty()) {
      throw S3Exception.bucketNotEmpty(name);
    }
    buckets.remove(name);
    objects.remove(name);
  }

  /**
   * Stores an object; the ETag is the quoted MD5 of the bytes.
   *
   * @throws S3Exception {@code NoSuchBucket}
   */
  public synchronized S3Object putObject(String bucket, String key, byte[] data, String contentType,
      Map<String, String> metadata) {
    TreeMap<String, S3Object> in = objectsOf(bucket);
    S3Object object = new S3Object(key, data.clone(), etagOf(data),
        contentType == null || contentType.isEmpty() ? "binary/octet-stream" : contentType,
        Map.copyOf(new LinkedHashMap<>(metadata)), world.now());
    in.put(key, object);
    return object;
  }

  /**
   * One object.
   *
   * @throws S3Exception {@code NoSuchBucket}, {@code NoSuchKey}
   */
  public synchronized S3Object object(String bucket, String key) {
    S3Object object = objectsOf(bucket).get(key);
    if (object == null) {
      throw S3Exception.noSuchKey(key);
    }
    return object;
  }

  /**
   * Deletes an object; deleting a missing key succeeds, as in S3.
   *
   * @throws S3Exception {@code NoSuchBucket}
   */
  public synchronized void deleteObject(String bucket, String key) {
    objectsOf(bucket).remove(key);
  }

  /**
   * The objects with keys after {@code after} (exclusive; null for the first) that start with the
   * prefix, in key order.
   *
   * @throws S3Exception {@code NoSuchBucket}
   */
  public synchronized List<S3Object> objects(String bucket, String prefix, String after) {
    NavigableMap<String, S3Object> in = objectsOf(bucket);
    String p = prefix == null ? "" : prefix;
    NavigableMap<String, S3Object> view = after == null ? in.tailMap(p, true) : in.tailMap(after, false);
    List<S3Object> found = new ArrayList<>();
    for (S3Object object : view.values()) {
      if (!object.key().startsWith(p)) {
        if (object.key().compareTo(p) > 0) {
          break;
        }
        continue;
      }
      found.add(object);
    }
    return found;
  }

  private TreeMap<String, S3Object> objectsOf(String bucket) {
    TreeMap<String, S3Object> in = objects.get(bucket);
    if (in == null) {
      throw S3Exception.noSuchBucket(bucket);
    }
    return in;
  }

  /** The quoted hex MD5 of the bytes, S3's ETag of a single-part upload. */
  static String etagOf(byte[] data) {
    try {
      return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data)) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    }
  }

  @Override
  public byte[] get(String bucket, String key) {
    try {
      byte[] data = object(bucket, key).data();
      S3Usage.record(world, "GetObject", bucket);
      return data;
    } catch (S3Exception e) {
      throw failure(e);
    }
  }

  @Override
  public List<Summary> list(String bucket, String prefix) {
    try {
      List<S3Object> found = objects(bucket, prefix, null);
      for (int i = 0; i <= found.size() / 1000; i++) {
        S3Usage.record(world, "ListObjectsV2", bucket);
      }
      return found.stream()
          .map(o -> new Summary(o.key(), o.etag(), o.lastModified(), o.size(), S3Object.STORAGE_CLASS))
          .toList();
    } catch (S3Exception e) {
      throw failure(e);
    }
  }

  @Override
  public void put(String bucket, String key, byte[] body, String contentType) {
    try {
      putObject(bucket, key, body, contentType, Map.of());
      S3Usage.record(world, "PutObject", bucket);
    } catch (S3Exception e) {
      throw failure(e);
    }
  }

  private static Failure failure(S3Exception e) {
    return new Failure(e.code(), e.getMessage(), e.status());
  }

  /** The text of an object as UTF-8, for tests. */
  public String text(String bucket, String key) {
    return new String(object(bucket, key).data(), StandardCharsets.UTF_8);
  }
}
