package dev.statelab.service.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.engine.ClockMode;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.gateway.GatewayOptions;
import dev.statelab.server.StateLabServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * S3 on the wire with raw HTTP: virtual-hosted addressing by {@code Host} header (localhost
 * subdomains do not resolve here), S3's XML documents and error documents.
 */
class S3WireTests {

  private static final String SIGNED = "Authorization: AWS4-HMAC-SHA256 "
      + "Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00\r\n";

  private static StateLabServer server;

  @BeforeAll
  static void start() {
    server = StateLabServer.start(World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.REAL).build()),
        GatewayOptions.defaults());
    S3Store store = S3Store.of(server.world());
    store.createBucket("wire");
    store.putObject("wire", "dir/a.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain",
        java.util.Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private record Response(int status, String head, String body) {
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  private static Response send(String method, String path, String host, String extraHeaders) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.endpoint().getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + extraHeaders
          + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      String head = text.substring(0, split);
      String body = text.substring(split + 4);
      int status = Integer.parseInt(head.split(" ")[1]);
      return new Response(status, head, body);
    }
  }

  private static String port() {
    return ":" + server.endpoint().getPort();
  }

  @Test
  void aBucketSubdomainOfS3LocalhostAddressesTheBucket() throws IOException {
    Response r = send("GET", "/dir/a.txt", "wire.s3.localhost" + port(), SIGNED);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("hello");
    assertThat(r.header("ETag")).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
    assertThat(r.header("Content-Type")).isEqualTo("text/plain");
  }

  @Test
  void aBucketSubdomainOfLocalhostAddressesTheBucketEvenUnsigned() throws IOException {
    Response r = send("GET", "/?list-type=2&prefix=dir/", "wire.localhost" + port(), "");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("<Name>wire</Name>").contains("<Key>dir/a.txt</Key>").contains("<KeyCount>1</KeyCount>");
  }

  @Test
  void aBucketSubdomainOfAmazonawsComAddressesTheBucket() throws IOException {
    Response r = send("HEAD", "/dir/a.txt", "wire.s3.us-east-1.amazonaws.com", SIGNED);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Length")).isEqualTo("5");
  }

  @Test
  void pathStyleOnTheBareEndpointAddressesTheBucket() throws IOException {
    Response r = send("GET", "/wire/dir/a.txt", "127.0.0.1" + port(), SIGNED);

    assertThat(r.body()).isEqualTo("hello");
  }

  @Test
  void aPresignedUrlReachesS3ThroughItsQueryCredential() throws IOException {
    Response r = send("GET", "/wire/dir/a.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
        + "&X-Amz-Credential=test%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20260101T000000Z"
        + "&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Signature=00", "127.0.0.1" + port(), "");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("hello");
  }

  @Test
  void aMissingKeyAnswersS3sErrorDocument() throws IOException {
    Response r = send("GET", "/nope.txt", "wire.s3.localhost" + port(), SIGNED);

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.header("Content-Type")).isEqualTo("application/xml");
    String requestId = r.header("x-amz-request-id");
    assertThat(requestId).isNotBlank();
    assertThat(r.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"
        + "<Message>The specified key does not exist.</Message><Key>nope.txt</Key><Resource>/wire/nope.txt</Resource>"
        + "<RequestId>" + requestId + "</RequestId><HostId>" + r.header("x-amz-id-2") + "</HostId></Error>");
  }

  @Test
  void aMissingBucketAnswersNoSuchBucketWithTheBucketName() throws IOException {
    Response r = send("GET", "/ghost?list-type=2", "127.0.0.1" + port(), SIGNED);

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body()).contains("<Code>NoSuchBucket</Code>")
        .contains("<Message>The specified bucket does not exist</Message>")
        .contains("<BucketName>ghost</BucketName>").contains("<Resource>/ghost</Resource>");
  }

  @Test
  void anUnsatisfiableRangeAnswers416InvalidRange() throws IOException {
    Response r = send("GET", "/wire/dir/a.txt", "127.0.0.1" + port(), SIGNED + "Range: bytes=10-20\r\n");

    assertThat(r.status()).isEqualTo(416);
    assertThat(r.body()).contains("<Code>InvalidRange</Code>").contains("<RangeRequested>bytes=10-20</RangeRequested>")
        .contains("<ActualObjectSize>5</ActualObjectSize>");
  }

  @Test
  void aBadMaxKeysAnswersInvalidArgument() throws IOException {
    Response r = send("GET", "/wire?list-type=2&max-keys=abc", "127.0.0.1" + port(), SIGNED);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("<Code>InvalidArgument</Code>");
  }

  @Test
  void anUnsupportedSubresourceAnswersNotImplemented() throws IOException {
    Response r = send("GET", "/wire?acl", "127.0.0.1" + port(), SIGNED);

    assertThat(r.status()).isEqualTo(501);
    assertThat(r.body()).contains("<Code>NotImplemented</Code>");
  }

  @Test
  void listBucketsAnswersTheS3Document() throws IOException {
    Response r = send("GET", "/", "s3.localhost" + port(), SIGNED);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListAllMyBucketsResult "
        + "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner>").contains("<Bucket><Name>wire</Name><CreationDate>");
  }

  @Test
  void urlEncodingTypeEncodesKeysInListings() throws IOException {
    S3Store.of(server.world()).putObject("wire", "sp ace/ü", new byte[0], null, java.util.Map.of());
    Response r = send("GET", "/wire?list-type=2&prefix=sp&encoding-type=url", "127.0.0.1" + port(), SIGNED);

    assertThat(r.body()).contains("<Key>sp%20ace/%C3%BC</Key>").contains("<EncodingType>url</EncodingType>");
  }

  @Test
  void awsChunkedUploadsAreStoredWithoutTheirFraming() throws IOException {
    String chunked = "5;chunk-signature=ab\r\nhello\r\n0;chunk-signature=cd\r\n\r\n";
    try (Socket socket = new Socket("127.0.0.1", server.endpoint().getPort())) {
      socket.getOutputStream().write(("PUT /wire/chunked.txt HTTP/1.1\r\nHost: 127.0.0.1" + port() + "\r\n" + SIGNED
          + "x-amz-content-sha256: STREAMING-AWS4-HMAC-SHA256-PAYLOAD\r\nContent-Encoding: aws-chunked\r\n"
          + "x-amz-decoded-content-length: 5\r\nContent-Length: " + chunked.length() + "\r\nConnection: close\r\n\r\n"
          + chunked).getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer.toLowerCase(Locale.ROOT)).startsWith("http/1.1 200");
    }

    assertThat(S3Store.of(server.world()).text("wire", "chunked.txt")).isEqualTo("hello");
  }

  @Test
  void requestsSignedForAnotherServiceNeverReachS3() throws IOException {
    Response r = send("GET", "/wire/dir/a.txt", "127.0.0.1" + port(),
        "Authorization: AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/lambda/aws4_request, Signature=0\r\n");

    assertThat(r.body()).doesNotContain("hello");
    assertThat(r.status()).isGreaterThanOrEqualTo(400);
  }
}
