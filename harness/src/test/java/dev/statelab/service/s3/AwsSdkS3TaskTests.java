package dev.statelab.service.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statelab.asl.StateMachine;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.Execution;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code aws-sdk:s3:*} Task states against the S3 stand-in, in AWS SDK output shapes. */
class AwsSdkS3TaskTests {

  private final World world = World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.VIRTUAL).build());

  AwsSdkS3TaskTests() {
    new S3Module().install(world);
    S3Store.of(world).createBucket("bkt");
  }

  @AfterEach
  void close() throws Exception {
    world.close();
  }

  private Execution task(String action, String parameters) {
    return world.run(StateMachine.parse("""
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:%s",
          "Parameters":%s,"End":true}}}""".formatted(action, parameters)), Json.object());
  }

  @Test
  void putObjectThenGetObjectReturnsTheBodyAsText() {
    Execution put = task("putObject", "{\"Bucket\":\"bkt\",\"Key\":\"k.txt\",\"Body\":\"hello\",\"ContentType\":\"text/plain\"}");
    Execution get = task("getObject", "{\"Bucket\":\"bkt\",\"Key\":\"k.txt\"}");

    assertThat(put.output().get("ETag").asText()).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
    assertThat(get.output().get("Body").asText()).isEqualTo("hello");
    assertThat(get.output().get("ContentLength").asLong()).isEqualTo(5);
    assertThat(get.output().get("ContentType").asText()).isEqualTo("text/plain");
    assertThat(get.output().get("ETag").asText()).isEqualTo("\"5d41402abc4b2a76b9719d911017c592\"");
  }

  @Test
  void putObjectWithAJsonBodyStoresItsText() {
    task("putObject", "{\"Bucket\":\"bkt\",\"Key\":\"j.json\",\"Body\":{\"a\":1}}");

    assertThat(S3Store.of(world).text("bkt", "j.json")).isEqualTo("{\"a\":1}");
  }

  @Test
  void listObjectsV2ReturnsContentsAndKeyCount() {
    task("putObject", "{\"Bucket\":\"bkt\",\"Key\":\"p/1\",\"Body\":\"x\"}");
    task("putObject", "{\"Bucket\":\"bkt\",\"Key\":\"p/2\",\"Body\":\"y\"}");
    Execution list = task("listObjectsV2", "{\"Bucket\":\"bkt\",\"Prefix\":\"p/\",\"MaxKeys\":1}");

    assertThat(list.output().get("KeyCount").asInt()).isEqualTo(1);
    assertThat(list.output().get("IsTruncated").asBoolean()).isTrue();
    assertThat(list.output().at("/Contents/0/Key").asText()).isEqualTo("p/1");
    assertThat(list.output().has("NextContinuationToken")).isTrue();
  }

  @Test
  void getObjectOfAMissingKeyFailsWithS3NoSuchKeyException() {
    Execution get = task("getObject", "{\"Bucket\":\"bkt\",\"Key\":\"missing\"}");

    assertThat(get.error()).isEqualTo("S3.NoSuchKeyException");
    assertThat(get.cause()).startsWith("The specified key does not exist. (Service: S3, Status Code: 404");
  }

  @Test
  void copyObjectCopiesTheBytes() {
    task("putObject", "{\"Bucket\":\"bkt\",\"Key\":\"src\",\"Body\":\"data\"}");
    Execution copy = task("copyObject", "{\"Bucket\":\"bkt\",\"Key\":\"dst\",\"CopySource\":\"bkt/src\"}");

    assertThat(copy.output().at("/CopyObjectResult/ETag").asText()).isEqualTo(S3Store.of(world).object("bkt", "src").etag());
    assertThat(S3Store.of(world).text("bkt", "dst")).isEqualTo("data");
  }
}
