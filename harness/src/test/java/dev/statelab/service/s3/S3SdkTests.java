package dev.statelab.service.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statelab.cost.Services;
import dev.statelab.cost.UsageLedger;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.gateway.SdkClients;
import dev.statelab.server.StateLabServer;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The AWS SDK v2 {@link S3Client} against a started server, path-style and virtual-hosted. The
 * virtual-hosted client resolves {@code *.s3.localhost} to 127.0.0.1 itself, since glibc here
 * does not resolve localhost subdomains.
 */
class S3SdkTests {

  private static StateLabServer server;
  private static S3Client path;
  private static S3Client virtual;

  @BeforeAll
  static void start() {
    server = StateLabServer.start(World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.REAL).build()),
        GatewayOptions.defaults());
    SdkClients clients = SdkClients.forEndpoint(server.endpoint());
    path = clients.configure(S3Client.builder()).forcePathStyle(true)
        .httpClientBuilder(Apache5HttpClient.builder()).build();
    URI virtualEndpoint = URI.create("http://s3.localhost:" + server.endpoint().getPort());
    virtual = SdkClients.forEndpoint(virtualEndpoint).configure(S3Client.builder())
        .httpClientBuilder(Apache5HttpClient.builder().dnsResolver(new org.apache.hc.client5.http.SystemDefaultDnsResolver() {
          @Override
          public InetAddress[] resolve(String host) throws java.net.UnknownHostException {
            return host.endsWith(".localhost") ? new InetAddress[] {InetAddress.getLoopbackAddress()}
                : super.resolve(host);
          }
        })).build();
  }

  @AfterAll
  static void stop() {
    path.close();
    virtual.close();
    server.close();
  }

  private static String bucket(String name) {
    path.createBucket(b -> b.bucket(name));
    return name;
  }

  @Test
  void createListHeadAndDeleteBuckets() {
    bucket("sdk-buckets");

    assertThat(path.listBuckets().buckets()).anyMatch(b -> b.name().equals("sdk-buckets") && b.creationDate() != null);
    assertThat(path.headBucket(b -> b.bucket("sdk-buckets")).sdkHttpResponse().statusCode()).isEqualTo(200);
    path.deleteBucket(b -> b.bucket("sdk-buckets"));
    assertThatThrownBy(() -> path.headBucket(b -> b.bucket("sdk-buckets"))).isInstanceOf(NoSuchBucketException.class);
  }

  @Test
  void creatingAnOwnedBucketAgainFailsWithBucketAlreadyOwnedByYou() {
    bucket("sdk-twice");

    assertThatThrownBy(() -> path.createBucket(b -> b.bucket("sdk-twice")))
        .isInstanceOf(BucketAlreadyOwnedByYouException.class)
        .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(409));
  }

  @Test
  void deletingABucketWithObjectsFailsWithBucketNotEmpty() {
    bucket("sdk-full");
    path.putObject(p -> p.bucket("sdk-full").key("k"), RequestBody.fromString("x"));

    assertThatThrownBy(() -> path.deleteBucket(b -> b.bucket("sdk-full")))
        .isInstanceOfSatisfying(S3Exception.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
          assertThat(e.statusCode()).isEqualTo(409);
        });
  }

  @Test
  void putObjectAnswersTheQuotedMd5AndGetObjectReturnsBytesTypeAndMetadata() {
    bucket("sdk-objects");
    PutObjectResponse put = path.putObject(p -> p.bucket("sdk-objects").key("dir/hello.txt").contentType("text/plain")
        .metadata(Map.of("owner", "ada")), RequestBody.fromString("hello"));
    ResponseBytes<GetObjectResponse> got = path.getObjectAsBytes(g -> g.bucket("sdk-objects").key("dir/hello.txt"));

    assertThat(put.eTag()).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
    assertThat(got.asUtf8String()).isEqualTo("hello");
    assertThat(got.response().contentType()).isEqualTo("text/plain");
    assertThat(got.response().contentLength()).isEqualTo(5L);
    assertThat(got.response().eTag()).isEqualTo(put.eTag());
    assertThat(got.response().metadata()).containsEntry("owner", "ada");
    assertThat(got.response().lastModified()).isNotNull();
  }

  @Test
  void aKeyWithSpacesAndUnicodeRoundTrips() {
    bucket("sdk-keys");
    String key = "a b/ü+plus?&.txt";
    path.putObject(p -> p.bucket("sdk-keys").key(key), RequestBody.fromString("k"));

    assertThat(path.getObjectAsBytes(g -> g.bucket("sdk-keys").key(key)).asUtf8String()).isEqualTo("k");
    assertThat(path.listObjectsV2(l -> l.bucket("sdk-keys")).contents()).extracting(S3Object::key).containsExactly(key);
  }

  @Test
  void aRangeGetAnswers206WithTheSliceAndContentRange() {
    bucket("sdk-range");
    path.putObject(p -> p.bucket("sdk-range").key("r"), RequestBody.fromString("0123456789"));
    ResponseBytes<GetObjectResponse> part = path.getObjectAsBytes(g -> g.bucket("sdk-range").key("r").range("bytes=2-5"));
    ResponseBytes<GetObjectResponse> suffix = path.getObjectAsBytes(g -> g.bucket("sdk-range").key("r").range("bytes=-3"));

    assertThat(part.asUtf8String()).isEqualTo("2345");
    assertThat(part.response().contentRange()).isEqualTo("bytes 2-5/10");
    assertThat(part.response().sdkHttpResponse().statusCode()).isEqualTo(206);
    assertThat(suffix.asUtf8String()).isEqualTo("789");
  }

  @Test
  void aRangeBeyondTheObjectFailsWithInvalidRange() {
    bucket("sdk-badrange");
    path.putObject(p -> p.bucket("sdk-badrange").key("r"), RequestBody.fromString("abc"));

    assertThatThrownBy(() -> path.getObjectAsBytes(g -> g.bucket("sdk-badrange").key("r").range("bytes=5-9")))
        .isInstanceOfSatisfying(S3Exception.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
          assertThat(e.statusCode()).isEqualTo(416);
        });
  }

  @Test
  void headObjectAnswersLengthTypeAndEtagWithoutABody() {
    bucket("sdk-head");
    path.putObject(p -> p.bucket("sdk-head").key("h").contentType("application/json"), RequestBody.fromString("{}"));
    HeadObjectResponse head = path.headObject(h -> h.bucket("sdk-head").key("h"));

    assertThat(head.contentLength()).isEqualTo(2L);
    assertThat(head.contentType()).isEqualTo("application/json");
    assertThat(head.eTag()).isEqualTo("\"99914b932bd37a50b983c5e7c90ae93b\"");
  }

  @Test
  void headOfAMissingKeyFailsWith404NoSuchKey() {
    bucket("sdk-head404");

    assertThatThrownBy(() -> path.headObject(h -> h.bucket("sdk-head404").key("nope")))
        .isInstanceOfSatisfying(NoSuchKeyException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void getOfAMissingKeyFailsWithNoSuchKeyAndS3sMessage() {
    bucket("sdk-get404");

    assertThatThrownBy(() -> path.getObjectAsBytes(g -> g.bucket("sdk-get404").key("nope")))
        .isInstanceOfSatisfying(NoSuchKeyException.class, e -> {
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified key does not exist.");
          assertThat(e.requestId()).isNotBlank();
        });
  }

  @Test
  void anyOperationOnAMissingBucketFailsWithNoSuchBucket() {
    assertThatThrownBy(() -> path.listObjectsV2(l -> l.bucket("sdk-missing")))
        .isInstanceOfSatisfying(NoSuchBucketException.class, e -> {
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified bucket does not exist");
          assertThat(e.statusCode()).isEqualTo(404);
        });
    assertThatThrownBy(() -> path.putObject(p -> p.bucket("sdk-missing").key("k"), RequestBody.fromString("x")))
        .isInstanceOf(NoSuchBucketException.class);
  }

  @Test
  void listObjectsV2PagesWithContinuationTokensAndMaxKeys() {
    bucket("sdk-pages");
    for (int i = 0; i < 25; i++) {
      String key = "k" + (i < 10 ? "0" : "") + i;
      path.putObject(p -> p.bucket("sdk-pages").key(key), RequestBody.fromString("v"));
    }
    List<String> keys = new ArrayList<>();
    int pages = 0;
    String token = null;
    do {
      String t = token;
      ListObjectsV2Response page = path.listObjectsV2(l -> l.bucket("sdk-pages").maxKeys(10).continuationToken(t));
      page.contents().forEach(o -> keys.add(o.key()));
      assertThat(page.keyCount()).isEqualTo(page.contents().size());
      token = page.nextContinuationToken();
      pages++;
    } while (token != null);

    assertThat(pages).isEqualTo(3);
    assertThat(keys).hasSize(25).isSorted();
    assertThat(path.listObjectsV2Paginator(l -> l.bucket("sdk-pages").maxKeys(7)).contents()).hasSize(25);
  }

  @Test
  void listObjectsV2WithADelimiterRollsKeysUpIntoCommonPrefixes() {
    bucket("sdk-tree");
    for (String key : List.of("a/1", "a/2", "b/1", "top.txt", "a/deep/3")) {
      path.putObject(p -> p.bucket("sdk-tree").key(key), RequestBody.fromString("v"));
    }
    ListObjectsV2Response root = path.listObjectsV2(l -> l.bucket("sdk-tree").delimiter("/"));
    ListObjectsV2Response underA = path.listObjectsV2(l -> l.bucket("sdk-tree").prefix("a/").delimiter("/"));

    assertThat(root.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("a/", "b/");
    assertThat(root.contents()).extracting(S3Object::key).containsExactly("top.txt");
    assertThat(root.keyCount()).isEqualTo(3);
    assertThat(underA.contents()).extracting(S3Object::key).containsExactly("a/1", "a/2");
    assertThat(underA.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("a/deep/");
  }

  @Test
  void commonPrefixesPageWithoutRepeating() {
    bucket("sdk-cp-pages");
    for (String key : List.of("a/1", "a/2", "b/1", "c/1", "c/2", "d")) {
      path.putObject(p -> p.bucket("sdk-cp-pages").key(key), RequestBody.fromString("v"));
    }
    List<String> seen = new ArrayList<>();
    path.listObjectsV2Paginator(l -> l.bucket("sdk-cp-pages").delimiter("/").maxKeys(1)).forEach(page -> {
      page.commonPrefixes().forEach(p -> seen.add(p.prefix()));
      page.contents().forEach(o -> seen.add(o.key()));
    });

    assertThat(seen).containsExactly("a/", "b/", "c/", "d");
  }

  @Test
  void startAfterSkipsKeysUpToIt() {
    bucket("sdk-after");
    for (String key : List.of("a", "b", "c")) {
      path.putObject(p -> p.bucket("sdk-after").key(key), RequestBody.fromString("v"));
    }

    assertThat(path.listObjectsV2(l -> l.bucket("sdk-after").startAfter("a")).contents()).extracting(S3Object::key)
        .containsExactly("b", "c");
  }

  @Test
  void deleteObjectAndDeleteObjectsRemoveKeys() {
    bucket("sdk-delete");
    for (String key : List.of("a", "b", "c")) {
      path.putObject(p -> p.bucket("sdk-delete").key(key), RequestBody.fromString("v"));
    }
    path.deleteObject(d -> d.bucket("sdk-delete").key("a"));
    DeleteObjectsResponse many = path.deleteObjects(d -> d.bucket("sdk-delete").delete(Delete.builder()
        .objects(ObjectIdentifier.builder().key("b").build(), ObjectIdentifier.builder().key("zz").build()).build()));

    assertThat(many.deleted()).extracting(o -> o.key()).containsExactly("b", "zz");
    assertThat(path.listObjectsV2(l -> l.bucket("sdk-delete")).contents()).extracting(S3Object::key).containsExactly("c");
  }

  @Test
  void copyObjectCopiesBytesAndMetadataOrReplacesThem() {
    bucket("sdk-copy");
    path.putObject(p -> p.bucket("sdk-copy").key("src").contentType("text/csv").metadata(Map.of("a", "1")),
        RequestBody.fromString("a,b"));
    CopyObjectResponse copy = path.copyObject(c -> c.sourceBucket("sdk-copy").sourceKey("src")
        .destinationBucket("sdk-copy").destinationKey("dst"));
    path.copyObject(c -> c.sourceBucket("sdk-copy").sourceKey("src").destinationBucket("sdk-copy")
        .destinationKey("dst2").metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("b", "2")));

    assertThat(copy.copyObjectResult().eTag()).isEqualTo(path.headObject(h -> h.bucket("sdk-copy").key("src")).eTag());
    HeadObjectResponse dst = path.headObject(h -> h.bucket("sdk-copy").key("dst"));
    assertThat(dst.contentType()).isEqualTo("text/csv");
    assertThat(dst.metadata()).containsEntry("a", "1");
    assertThat(path.headObject(h -> h.bucket("sdk-copy").key("dst2")).metadata()).containsOnlyKeys("b");
  }

  @Test
  void copyingAMissingSourceFailsWithNoSuchKey() {
    bucket("sdk-copy404");

    assertThatThrownBy(() -> path.copyObject(c -> c.sourceBucket("sdk-copy404").sourceKey("none")
        .destinationBucket("sdk-copy404").destinationKey("dst"))).isInstanceOf(NoSuchKeyException.class);
  }

  @Test
  void aVirtualHostedClientReachesTheSameBucketsAndObjects() {
    bucket("sdk-virtual");
    virtual.putObject(p -> p.bucket("sdk-virtual").key("v/key.txt"), RequestBody.fromString("virtual"));

    assertThat(path.getObjectAsBytes(g -> g.bucket("sdk-virtual").key("v/key.txt")).asUtf8String()).isEqualTo("virtual");
    assertThat(virtual.getObjectAsBytes(g -> g.bucket("sdk-virtual").key("v/key.txt")).asUtf8String())
        .isEqualTo("virtual");
    assertThat(virtual.listObjectsV2(l -> l.bucket("sdk-virtual")).contents()).extracting(S3Object::key)
        .containsExactly("v/key.txt");
    assertThatThrownBy(() -> virtual.getObjectAsBytes(g -> g.bucket("sdk-virtual").key("missing")))
        .isInstanceOf(NoSuchKeyException.class);
  }

  @Test
  void requestsAreMeteredAsTier1AndTier2() {
    bucket("sdk-usage");
    UsageLedger ledger = UsageLedger.of(server.world());
    double tier1 = ledger.total(Services.S3, "Requests-Tier1");
    double tier2 = ledger.total(Services.S3, "Requests-Tier2");
    path.putObject(p -> p.bucket("sdk-usage").key("u"), RequestBody.fromBytes("u".getBytes(StandardCharsets.UTF_8)));
    path.listObjectsV2(l -> l.bucket("sdk-usage"));
    path.getObjectAsBytes(g -> g.bucket("sdk-usage").key("u"));
    path.headObject(h -> h.bucket("sdk-usage").key("u"));

    assertThat(ledger.total(Services.S3, "Requests-Tier1") - tier1).isEqualTo(2.0);
    assertThat(ledger.total(Services.S3, "Requests-Tier2") - tier2).isEqualTo(2.0);
  }
}
