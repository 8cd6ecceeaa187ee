package dev.statelab.service.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.StateMachine;
import dev.statelab.engine.ClockMode;
import dev.statelab.engine.Execution;
import dev.statelab.engine.ExecutionStatus;
import dev.statelab.engine.World;
import dev.statelab.engine.WorldOptions;
import dev.statelab.history.HistoryEvent;
import dev.statelab.json.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Distributed Map reading items from the S3 stand-in, in-process on a virtual clock. */
class ItemReaderTests {

  private final World world = World.newInstance(WorldOptions.newBuilder().clockMode(ClockMode.VIRTUAL).build());
  private final S3Store store = S3Store.of(world);

  ItemReaderTests() {
    new S3Module().install(world);
    store.createBucket("data");
  }

  @AfterEach
  void close() throws Exception {
    world.close();
  }

  private void put(String key, String text) {
    store.putObject("data", key, text.getBytes(StandardCharsets.UTF_8), "text/plain", Map.of());
  }

  private Execution run(String reader, String input) {
    return run(reader, "", input);
  }

  private Execution run(String reader, String extra, String input) {
    String definition = """
        {"StartAt":"M","States":{"M":{"Type":"Map","End":true,%s
          "ItemReader":%s,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""".formatted(extra, reader);
    return world.run(StateMachine.parse(definition), Json.parse(input));
  }

  @Test
  void csvWithAFirstRowHeaderGivesOneItemOfStringsPerRow() {
    put("in.csv", "id,name,qty\n1,apple,3\n2,\"pear, green\",5\n");
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},
         "Parameters":{"Bucket.$":"$.bucket","Key":"in.csv"}}""", "{\"bucket\":\"data\"}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(Json.parse("""
        [{"id":"1","name":"apple","qty":"3"},{"id":"2","name":"pear, green","qty":"5"}]"""));
  }

  @Test
  void csvWithGivenHeadersAndAPipeDelimiterReadsEveryRow() {
    put("in.psv", "1|a\n2|b\n");
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"GIVEN",
          "CSVHeaders":["n","letter"],"CSVDelimiter":"PIPE"},"Parameters":{"Bucket":"data","Key":"in.psv"}}""", "{}");

    assertThat(e.output()).isEqualTo(Json.parse("[{\"n\":\"1\",\"letter\":\"a\"},{\"n\":\"2\",\"letter\":\"b\"}]"));
  }

  @Test
  void csvWithTabAndSemicolonDelimitersSplitsOnThem() {
    put("in.tsv", "a\tb\n1\t2\n");
    put("in.ssv", "a;b\n1;2\n");
    String reader = """
        {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVDelimiter":"%s"},
         "Parameters":{"Bucket":"data","Key":"%s"}}""";

    assertThat(run(reader.formatted("TAB", "in.tsv"), "{}").output()).isEqualTo(Json.parse("[{\"a\":\"1\",\"b\":\"2\"}]"));
    assertThat(run(reader.formatted("SEMICOLON", "in.ssv"), "{}").output())
        .isEqualTo(Json.parse("[{\"a\":\"1\",\"b\":\"2\"}]"));
  }

  @Test
  void duplicateCsvHeadersFailWithItemReaderFailed() {
    put("dup.csv", "a,a\n1,2\n");
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},
         "Parameters":{"Bucket":"data","Key":"dup.csv"}}""", "{}");

    assertThat(e.error()).isEqualTo("States.ItemReaderFailed");
    assertThat(e.cause()).isEqualTo("CSV headers cannot contain duplicates.");
  }

  @Test
  void aJsonArrayObjectGivesItsElementsUpToMaxItems() {
    put("in.json", "[{\"a\":1},{\"a\":2},{\"a\":3}]");
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON","MaxItems":2},
         "Parameters":{"Bucket":"data","Key":"in.json"}}""", "{}");

    assertThat(e.output()).isEqualTo(Json.parse("[{\"a\":1},{\"a\":2}]"));
  }

  @Test
  void maxItemsPathReadsTheLimitFromTheInput() {
    put("in.json", "[1,2,3,4]");
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON","MaxItemsPath":"$.limit"},
         "Parameters":{"Bucket":"data","Key":"in.json"}}""", "{\"limit\":3}");

    assertThat(e.output()).isEqualTo(Json.parse("[1,2,3]"));
  }

  @Test
  void maxItemsZeroFailsAsNotPositive() {
    put("in.json", "[1]");
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON","MaxItemsPath":"$.limit"},
         "Parameters":{"Bucket":"data","Key":"in.json"}}""", "{\"limit\":0}");

    assertThat(e.error()).isEqualTo("States.ItemReaderFailed");
    assertThat(e.cause()).isEqualTo("field MaxItems must be positive");
  }

  @Test
  void aJsonObjectThatIsNotAnArrayFailsAsNonIterable() {
    put("obj.json", "{\"a\":1}");
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},
         "Parameters":{"Bucket":"data","Key":"obj.json"}}""", "{}");

    assertThat(e.error()).isEqualTo("States.ItemReaderFailed");
    assertThat(e.cause()).isEqualTo("Attempting to map over non-iterable node.");
  }

  @Test
  void jsonLinesGiveOneItemPerLine() {
    put("in.jsonl", "{\"n\":1}\n{\"n\":2}\n\n");
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL"},
         "Parameters":{"Bucket":"data","Key":"in.jsonl"}}""", "{}");

    assertThat(e.output()).isEqualTo(Json.parse("[{\"n\":1},{\"n\":2}]"));
  }

  @Test
  void listObjectsV2GivesAnObjectSummaryPerKeyUnderThePrefix() {
    put("img/a.jpg", "aaa");
    put("img/b.jpg", "bb");
    put("other.txt", "x");
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:listObjectsV2","Parameters":{"Bucket":"data","Prefix":"img/"}}""", "{}");

    assertThat(e.output()).hasSize(2);
    JsonNode first = e.output().get(0);
    assertThat(first.fieldNames()).toIterable().containsExactly("Etag", "Key", "LastModified", "Size", "StorageClass");
    assertThat(first.get("Key").asText()).isEqualTo("img/a.jpg");
    assertThat(first.get("Etag").asText()).isEqualTo("\"47bce5c74f589f4867dbd57e9ca9f808\"");
    assertThat(first.get("Size").asLong()).isEqualTo(3);
    assertThat(first.get("LastModified").isIntegralNumber()).isTrue();
    assertThat(first.get("StorageClass").asText()).isEqualTo("STANDARD");
  }

  @Test
  void listObjectsV2WithLoadAndFlattenReadsTheItemsOfEveryListedObject() {
    put("parts/1.jsonl", "{\"n\":1}\n{\"n\":2}\n");
    put("parts/2.jsonl", "{\"n\":3}\n");
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:listObjectsV2","ReaderConfig":{"InputType":"JSONL",
          "Transformation":"LOAD_AND_FLATTEN"},"Parameters":{"Bucket":"data","Prefix":"parts/"}}""", "{}");

    assertThat(e.output()).isEqualTo(Json.parse("[{\"n\":1},{\"n\":2},{\"n\":3}]"));
  }

  @Test
  void itemsPointerPicksTheArrayInsideAJsonObject() {
    put("wrapped.json", "{\"data\":{\"rows\":[1,2]}}");
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON","ItemsPointer":"/data/rows"},
         "Parameters":{"Bucket":"data","Key":"wrapped.json"}}""", "{}");

    assertThat(e.output()).isEqualTo(Json.parse("[1,2]"));
  }

  @Test
  void aManifestReadsTheInventoryCsvFilesItNames() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write("\"data\",\"k1\",\"10\"\n\"data\",\"k2\",\"20\"\n".getBytes(StandardCharsets.UTF_8));
    }
    store.putObject("data", "inv/data/1.csv.gz", gz.toByteArray(), "application/gzip", Map.of());
    put("inv/manifest.json", """
        {"sourceBucket":"data","destinationBucket":"arn:aws:s3:::data","version":"2016-11-30",
         "fileFormat":"CSV","fileSchema":"Bucket, Key, Size",
         "files":[{"key":"inv/data/1.csv.gz","size":1,"MD5checksum":"x"}]}""");
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"MANIFEST"},
         "Parameters":{"Bucket":"data","Key":"inv/manifest.json"}}""", "{}");

    assertThat(e.output()).isEqualTo(Json.parse("""
        [{"Bucket":"data","Key":"k1","Size":"10"},{"Bucket":"data","Key":"k2","Size":"20"}]"""));
  }

  @Test
  void aMissingKeyFailsWithItemReaderFailedAndS3sMessage() {
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},
         "Parameters":{"Bucket":"data","Key":"nope.json"}}""", "{}");

    assertThat(e.error()).isEqualTo("States.ItemReaderFailed");
    assertThat(e.cause()).startsWith("The specified key does not exist. (Service: S3, Status Code: 404, Request ID: ");
  }

  @Test
  void aMissingBucketFailsWithItemReaderFailed() {
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:listObjectsV2","Parameters":{"Bucket":"nobucket"}}""", "{}");

    assertThat(e.error()).isEqualTo("States.ItemReaderFailed");
    assertThat(e.cause()).startsWith("The specified bucket does not exist (Service: S3, Status Code: 404");
  }

  @Test
  void itemSelectorAndItemBatcherApplyToReaderItems() {
    put("in.csv", "n\n1\n2\n3\n");
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV"},
         "Parameters":{"Bucket":"data","Key":"in.csv"}}""",
        "\"ItemBatcher\":{\"MaxItemsPerBatch\":2,\"BatchInput\":{\"run\":\"r1\"}},", "{}");

    assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(e.output()).isEqualTo(Json.parse("""
        [{"BatchInput":{"run":"r1"},"Items":[{"n":"1"},{"n":"2"}]},{"BatchInput":{"run":"r1"},"Items":[{"n":"3"}]}]"""));
  }

  @Test
  void anItemSelectorSeesEachReaderItemAsMapItemValue() {
    put("in.csv", "n\n1\n2\n");
    Execution e = run("""
        {"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV"},
         "Parameters":{"Bucket":"data","Key":"in.csv"}}""",
        "\"ItemSelector\":{\"value.$\":\"$$.Map.Item.Value.n\",\"index.$\":\"$$.Map.Item.Index\"},", "{}");

    assertThat(e.output()).isEqualTo(Json.parse("[{\"value\":\"1\",\"index\":0},{\"value\":\"2\",\"index\":1}]"));
  }

  @Test
  void jsonataArgumentsNameTheBucketAndKey() {
    put("in.json", "[7,8]");
    String definition = """
        {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","End":true,
          "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},
            "Arguments":{"Bucket":"{% $states.input.b %}","Key":"in.json"}},
          "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
            "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}""";
    Execution e = world.run(StateMachine.parse(definition), Json.parse("{\"b\":\"data\"}"));

    assertThat(e.output()).isEqualTo(Json.parse("[7,8]"));
  }

  @Test
  void readingRecordsTier2UsageForTheGet() {
    put("in.json", "[1]");
    run("""
        {"Resource":"arn:aws:states:::s3:getObject","Parameters":{"Bucket":"data","Key":"in.json"}}""", "{}");

    assertThat(dev.statelab.cost.UsageLedger.of(world).total(dev.statelab.cost.Services.S3, "Requests-Tier2"))
        .isEqualTo(1.0);
  }

  static long count(Execution e, String type) {
    return e.history().stream().map(HistoryEvent::type).filter(type::equals).count();
  }
}
