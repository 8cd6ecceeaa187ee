package dev.statelab.service.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.conformance.CaseResult;
import dev.statelab.conformance.ConformanceCase;
import dev.statelab.conformance.ConformanceRunner;
import dev.statelab.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the recorded AWS cases that use only Lambda against the Lambda stand-in, with the
 * described handlers written in Java ({@link RecordedHandlers}).
 *
 * <p>Each case's placeholders are filled generically: {@code <lambda:FILE>} and every
 * {@code RegexTransformer(function[_N]_name, P)} placeholder name the function created from the
 * N-th recorded handler file; the partition, region and account placeholders in the definition
 * and input become the runner's. The recording masks SdkHttpMetadata headers with LocalStack's
 * default Step Functions transformers, which the case files do not list; they are added back when
 * the recorded value shows the mask.
 */
class RecordedLambdaCasesTests {

  private static final Path ROOT =
      Path.of(System.getProperty("statelab.conformance.dir", "../../shared/conformance/localstack-aws-recorded"));
  private static final Pattern FUNCTION_TRANSFORMER =
      Pattern.compile("RegexTransformer\\(function(?:_(\\d+))?_name,\\s*'([^']*)'\\)");
  private static final Map<String, String> SDK_HEADER_MASKS = Map.of(
      "Date", "date",
      "X-Amzn-Trace-Id", "X-Amzn-Trace-Id",
      "x-amzn-RequestId", "x-amzn-RequestId",
      "RequestId", "RequestId");
  private static final String KNOWN_FAILURES = "recorded-lambda-known-failures.tsv";
  private static final List<LambdaStore> STORES = new CopyOnWriteArrayList<>();

  @AfterAll
  static void closeStores() {
    STORES.forEach(LambdaStore::close);
  }

  @Test
  void atLeastNinetyPercentOfTheLambdaCasesMatchAws() throws IOException {
    Path dir = ROOT.resolve("services");
    assumeTrue(Files.isDirectory(dir), "the shared AWS recordings are not at " + dir.toAbsolutePath());
    List<String> failures = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    List<String> fixed = new ArrayList<>();
    Map<String, String> known = knownFailures();
    int total = 0;
    for (Path file : ConformanceCase.list(dir)) {
      JsonNode raw = Json.parse(Files.readString(file));
      if (!isLambdaOnly(raw)) {
        continue;
      }
      total++;
      Prepared prepared = prepare(raw);
      ConformanceRunner runner = new ConformanceRunner(world -> {
        new LambdaModule().install(world);
        LambdaStore store = LambdaStore.of(world);
        STORES.add(store);
        prepared.functions().forEach((name, handler) -> store.register(name, handler, 900, 128));
      });
      CaseResult result = runner.run(ConformanceCase.of(prepared.raw()));
      boolean passed = result.outcomeMatches() && !Boolean.FALSE.equals(result.historyMatches());
      if (!passed) {
        failures.add(result.id() + ": " + result.difference());
      }
      if (!passed && !known.containsKey(result.id())) {
        unexpected.add(result.id() + ": " + result.difference());
      }
      if (passed && known.containsKey(result.id())) {
        fixed.add(result.id());
      }
    }
    int passed = total - failures.size();
    System.out.printf("recorded Lambda cases: %d/%d passed (%.1f%%)%n", passed, total, passed * 100.0 / total);
    failures.forEach(f -> System.out.println("  FAIL " + f));
    assertThat(total).isPositive();
    assertThat(unexpected).as("failures not on the list in %s", KNOWN_FAILURES).isEmpty();
    assertThat(fixed).as("cases now passing: remove them from %s", KNOWN_FAILURES).isEmpty();
    int attributable = total - (int) failures.stream().filter(f -> !knownReasonIsLambda(known, f)).count();
    assertThat(passed * 100.0 / attributable)
        .as("pass rate over cases not blocked by a listed runner or engine issue")
        .isGreaterThanOrEqualTo(90.0);
  }

  /** True when a failure's listed reason is the Lambda stand-in itself (not the runner or engine). */
  private static boolean knownReasonIsLambda(Map<String, String> known, String failure) {
    String id = failure.substring(0, failure.indexOf(": "));
    String reason = known.getOrDefault(id, "lambda:");
    return reason.startsWith("lambda:");
  }

  /** The ratchet: id -> reason ({@code runner:}, {@code engine:} or {@code lambda:} prefix). */
  private static Map<String, String> knownFailures() throws IOException {
    Map<String, String> known = new LinkedHashMap<>();
    try (var in = RecordedLambdaCasesTests.class.getResourceAsStream(KNOWN_FAILURES)) {
      if (in == null) {
        return known;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int tab = line.indexOf('\t');
        if (!line.isBlank() && !line.startsWith("#") && tab > 0) {
          known.put(line.substring(0, tab), line.substring(tab + 1));
        }
      }
    }
    return known;
  }

  private static boolean isLambdaOnly(JsonNode raw) {
    JsonNode services = raw.path("services");
    if (!services.isArray() || services.isEmpty()) {
      return false;
    }
    for (JsonNode s : services) {
      if (!s.asText().equals("lambda")) {
        return false;
      }
    }
    return true;
  }

  /** A case with its placeholders filled, and the functions to register. */
  private record Prepared(JsonNode raw, Map<String, LambdaHandler> functions) {}

  private static Prepared prepare(JsonNode raw) {
    List<String> created = new ArrayList<>();
    for (JsonNode r : raw.path("source").path("resources_created_by_test")) {
      String handlerFile = r.path("args").path("handler_file").asText("");
      if (!handlerFile.isEmpty()) {
        created.add(handlerFile.startsWith("__UNRESOLVED__") ? "unknown" : Path.of(handlerFile).getFileName().toString());
      }
    }
    Map<String, String> placeholders = new LinkedHashMap<>();
    Matcher lambdaFile = Pattern.compile("<lambda:([^>]+)>").matcher(Json.write(raw));
    while (lambdaFile.find()) {
      placeholders.put(lambdaFile.group(0), functionName(lambdaFile.group(1)));
    }
    for (JsonNode t : raw.path("source").path("snapshot_transformers")) {
      Matcher m = FUNCTION_TRANSFORMER.matcher(t.asText());
      if (m.find() && !created.isEmpty()) {
        int index = m.group(1) == null ? 0 : Integer.parseInt(m.group(1)) - 1;
        placeholders.put(m.group(2), functionName(created.get(Math.min(index, created.size() - 1))));
      }
    }
    Map<String, LambdaHandler> functions = new LinkedHashMap<>();
    for (String file : created) {
      LambdaHandler handler = RecordedHandlers.BY_FILE.get(file);
      if (handler != null) {
        functions.put(functionName(file), handler);
      }
    }
    ObjectNode out = raw.deepCopy();
    out.set("definition", fill(raw.get("definition"), placeholders, true));
    if (raw.has("input")) {
      out.set("input", fill(raw.get("input"), placeholders, true));
    }
    JsonNode expected = fill(raw.get("expected"), placeholders, false);
    if (expected.path("cause").isObject()) {
      // The corpus parsed '{' strings; the runner compares a FAILED cause as the recorded string.
      ((ObjectNode) expected).put("cause", Json.write(expected.get("cause")));
    }
    out.set("expected", expected);
    ArrayNode transformers = ((ObjectNode) out.get("source")).withArray("snapshot_transformers");
    SDK_HEADER_MASKS.forEach((key, mask) -> {
      if (hasMaskedValue(raw.get("expected"), key, mask)) {
        transformers.add("JsonpathTransformer('$.." + key + "', '" + mask + "')");
      }
    });
    return new Prepared(out, functions);
  }

  private static boolean hasMaskedValue(JsonNode node, String key, String mask) {
    if (node == null) {
      return false;
    }
    if (node.isObject()) {
      JsonNode v = node.get(key);
      if (v != null && v.isTextual() && v.asText().equals(mask)) {
        return true;
      }
    }
    for (JsonNode child : node) {
      if (hasMaskedValue(child, key, mask)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode fill(JsonNode node, Map<String, String> placeholders, boolean realArns) {
    if (node == null) {
      return null;
    }
    String text = Json.write(node);
    for (Map.Entry<String, String> e : placeholders.entrySet()) {
      text = text.replace(e.getKey(), e.getValue());
    }
    if (realArns) {
      text = text.replace("arn:<partition>:", "arn:aws:").replace("<region>", "us-east-1")
          .replace("111111111111", "123456789012");
    }
    return Json.parse(text);
  }

  private static String functionName(String file) {
    return file.replaceFirst("\\.py$", "").replaceAll("[^A-Za-z0-9_-]", "_");
  }
}
