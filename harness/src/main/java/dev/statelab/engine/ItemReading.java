package dev.statelab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.errors.ErrorNames;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.asl.jsonata.JsonataSyntaxException;
import dev.statelab.asl.jsonata.JsonataTemplate;
import dev.statelab.asl.query.Path;
import dev.statelab.asl.template.PayloadTemplate;
import dev.statelab.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * A distributed Map's ItemReader: reads the items from the world's {@link ObjectStorage} (the S3
 * stand-in), as {@code s3:getObject} with a ReaderConfig InputType (JSON, JSONL, CSV, MANIFEST)
 * or {@code s3:listObjectsV2} (one item per object summary). Failures are {@code
 * States.ItemReaderFailed}.
 */
final class ItemReading {

  static final String GET_OBJECT = "arn:aws:states:::s3:getObject";
  static final String LIST_OBJECTS = "arn:aws:states:::s3:listObjectsV2";

  /** The most items a reader may produce (MaxItems' upper bound). */
  static final int MAX_ITEMS = 100_000_000;

  private ItemReading() {}

  /** Reads the items of a Map state whose ItemReader is set. */
  static ArrayNode read(Frame f, JsonNode reader, JsonNode effective, boolean jsonata) {
    String resource = reader.path("Resource").asText("");
    JsonNode config = reader.path("ReaderConfig");
    JsonNode params = arguments(f, reader, effective, jsonata, "ItemReader");
    int maxItems = maxItems(f, config, effective, jsonata);
    ObjectStorage storage = storage(f, ErrorNames.ITEM_READER_FAILED);
    String bucket = params.path("Bucket").asText(null);
    if (bucket == null) {
      throw failed("The field 'Bucket' is required in the ItemReader's " + (jsonata ? "Arguments" : "Parameters")
          + ".");
    }
    ArrayNode items = Json.array();
    try {
      String inputType = config.path("InputType").asText("JSON");
      if (resource.equals(LIST_OBJECTS)) {
        boolean load = "LOAD_AND_FLATTEN".equals(config.path("Transformation").asText("NONE"));
        for (ObjectStorage.Summary s : storage.list(bucket, params.path("Prefix").asText(""))) {
          if (items.size() >= maxItems) {
            break;
          }
          if (load) {
            // Each listed object's own items, read as InputType says, one after another.
            parse(storage, storage.get(bucket, s.key()), inputType, config, items, maxItems);
            continue;
          }
          ObjectNode item = items.addObject();
          item.put("Etag", s.etag());
          item.put("Key", s.key());
          item.put("LastModified", s.lastModified().getEpochSecond());
          item.put("Size", s.size());
          item.put("StorageClass", s.storageClass());
        }
        return items;
      }
      if (!resource.equals(GET_OBJECT)) {
        throw failed("Unsupported ItemReader resource '" + resource + "'; StateLab reads items with " + GET_OBJECT
            + " and " + LIST_OBJECTS + ".");
      }
      String key = params.path("Key").asText(null);
      if (key == null) {
        throw failed("The field 'Key' is required in the ItemReader's " + (jsonata ? "Arguments" : "Parameters")
            + " for " + GET_OBJECT + ".");
      }
      parse(storage, storage.get(bucket, key), inputType, config, items, maxItems);
      return items;
    } catch (ObjectStorage.Failure e) {
      throw new StatesError(ErrorNames.ITEM_READER_FAILED, storageCause(f, e));
    }
  }

  private static void parse(ObjectStorage storage, byte[] data, String inputType, JsonNode config, ArrayNode items,
      int maxItems) {
    switch (inputType) {
      case "JSON" -> json(data, config.path("ItemsPointer").asText(""), items, maxItems);
      case "JSONL" -> jsonLines(text(data), items, maxItems);
      case "CSV" -> csv(text(data), config, items, maxItems);
      case "MANIFEST" -> manifest(storage, data, config, items, maxItems);
      default -> throw failed("Unsupported InputType '" + inputType + "'; StateLab reads JSON, JSONL, CSV and "
          + "MANIFEST.");
    }
  }

  /** The storage, or the named failure when no S3 stand-in is installed. */
  static ObjectStorage storage(Frame f, String error) {
    ObjectStorage storage = f.run.world.component(ObjectStorage.class, () -> null);
    if (storage == null) {
      throw new StatesError(error, "No S3 stand-in is installed in this world: install dev.statelab.service.s3."
          + "S3Module (StateLabServer does) so distributed Map can read and write S3 objects.");
    }
    return storage;
  }

  /** An S3 failure as AWS reports it in a cause: the message, then the service, status and request id. */
  static String storageCause(Frame f, ObjectStorage.Failure e) {
    return e.getMessage() + " (Service: S3, Status Code: " + e.status() + ", Request ID: "
        + f.run.world.random().uuid().replace("-", "").substring(0, 16).toUpperCase(java.util.Locale.ROOT) + ")";
  }

  /** The evaluated Parameters (JSONPath) or Arguments (JSONata) of an ItemReader or ResultWriter. */
  static JsonNode arguments(Frame f, JsonNode block, JsonNode effective, boolean jsonata, String where) {
    JsonNode template = block.get(jsonata ? "Arguments" : "Parameters");
    if (template == null) {
      template = block.get(jsonata ? "Parameters" : "Arguments");
    }
    if (template == null || template.isNull()) {
      return Json.object();
    }
    if (jsonata) {
      try {
        return JsonataTemplate.compile(template, "Arguments").evaluate(f.bindings(null, null));
      } catch (JsonataSyntaxException e) {
        throw new StatesError(ErrorNames.QUERY_EVALUATION_ERROR, e.getMessage());
      }
    }
    return PayloadTemplate.compile(template, "/" + where + "/Parameters", d -> { }).evaluate(f.scope(effective));
  }

  private static int maxItems(Frame f, JsonNode config, JsonNode effective, boolean jsonata) {
    JsonNode value = config.get("MaxItems");
    if (value == null && config.has("MaxItemsPath")) {
      value = Path.compile(config.get("MaxItemsPath").asText()).evaluate(f.scope(effective));
    } else if (value != null && jsonata && value.isTextual() && JsonataTemplate.isExpression(value.asText())) {
      try {
        value = JsonataTemplate.compile(value, "ReaderConfig/MaxItems").evaluate(f.bindings(null, null));
      } catch (JsonataSyntaxException e) {
        throw new StatesError(ErrorNames.QUERY_EVALUATION_ERROR, e.getMessage());
      }
    }
    if (value == null) {
      return MAX_ITEMS;
    }
    Integer n = States.integerValue(value);
    if (n == null || n <= 0) {
      throw failed("field MaxItems must be positive");
    }
    return Math.min(n, MAX_ITEMS);
  }

  private static void json(byte[] data, String pointer, ArrayNode items, int maxItems) {
    JsonNode document;
    try {
      document = Json.MAPPER.readTree(data);
    } catch (IOException e) {
      throw failed("The ItemReader could not parse the object as JSON: " + message(e));
    }
    JsonNode list = pointer.isEmpty() ? document : document == null ? null : document.at(pointer);
    if (list == null || !list.isArray()) {
      throw failed("Attempting to map over non-iterable node.");
    }
    for (JsonNode item : list) {
      if (items.size() >= maxItems) {
        return;
      }
      items.add(item);
    }
  }

  private static void jsonLines(String text, ArrayNode items, int maxItems) {
    int lineNumber = 0;
    for (String line : text.split("\r?\n", -1)) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      if (items.size() >= maxItems) {
        return;
      }
      try {
        items.add(Json.MAPPER.readTree(line));
      } catch (IOException e) {
        throw failed("The ItemReader could not parse line " + lineNumber + " as JSON: " + message(e));
      }
    }
  }

  private static void csv(String text, JsonNode config, ArrayNode items, int maxItems) {
    char delimiter = delimiter(config.path("CSVDelimiter").asText("COMMA"));
    List<List<String>> rows = Csv.parse(text, delimiter);
    List<String> headers;
    int first;
    if ("GIVEN".equals(config.path("CSVHeaderLocation").asText("FIRST_ROW"))) {
      headers = new ArrayList<>();
      config.path("CSVHeaders").forEach(h -> headers.add(h.asText()));
      if (headers.isEmpty()) {
        throw failed("CSVHeaders must be given when CSVHeaderLocation is GIVEN.");
      }
      first = 0;
    } else {
      if (rows.isEmpty()) {
        return;
      }
      headers = rows.get(0);
      first = 1;
    }
    Set<String> seen = new HashSet<>();
    for (String header : headers) {
      if (!seen.add(header)) {
        throw failed("CSV headers cannot contain duplicates.");
      }
    }
    for (int r = first; r < rows.size() && items.size() < maxItems; r++) {
      List<String> row = rows.get(r);
      ObjectNode item = items.addObject();
      for (int c = 0; c < headers.size(); c++) {
        item.put(headers.get(c), c < row.size() ? row.get(c) : "");
      }
    }
  }

  private static char delimiter(String name) {
    return switch (name) {
      case "COMMA" -> ',';
      case "PIPE" -> '|';
      case "SEMICOLON" -> ';';
      case "SPACE" -> ' ';
      case "TAB" -> '\t';
      default -> throw failed("Unsupported CSVDelimiter '" + name + "'; use COMMA, PIPE, SEMICOLON, SPACE or TAB.");
    };
  }

  /** An S3 Inventory manifest: its CSV data files (gzip or plain), one item per row, named by fileSchema. */
  private static void manifest(ObjectStorage storage, byte[] data, JsonNode config, ArrayNode items, int maxItems) {
    JsonNode manifest;
    try {
      manifest = Json.MAPPER.readTree(data);
    } catch (IOException e) {
      throw failed("The ItemReader could not parse the manifest as JSON: " + message(e));
    }
    String format = manifest.path("fileFormat").asText("CSV");
    if (!"CSV".equalsIgnoreCase(format)) {
      throw failed("Unsupported S3 Inventory fileFormat '" + format + "'; StateLab reads CSV inventories.");
    }
    String destination = manifest.path("destinationBucket").asText("");
    String bucket = destination.startsWith("arn:aws:s3:::") ? destination.substring("arn:aws:s3:::".length())
        : destination;
    List<String> schema = new ArrayList<>();
    for (String name : manifest.path("fileSchema").asText("").split(",")) {
      if (!name.isBlank()) {
        schema.add(name.trim());
      }
    }
    if (schema.isEmpty() || !manifest.path("files").isArray()) {
      throw failed("The S3 Inventory manifest needs 'fileSchema' and 'files'.");
    }
    for (JsonNode file : manifest.get("files")) {
      List<List<String>> rows = Csv.parse(text(gunzip(storage.get(bucket, file.path("key").asText()))), ',');
      for (List<String> row : rows) {
        if (items.size() >= maxItems) {
          return;
        }
        ObjectNode item = items.addObject();
        for (int c = 0; c < schema.size(); c++) {
          item.put(schema.get(c), c < row.size() ? row.get(c) : "");
        }
      }
    }
  }

  private static byte[] gunzip(byte[] data) {
    if (data.length < 2 || (data[0] & 0xff) != 0x1f || (data[1] & 0xff) != 0x8b) {
      return data;
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw failed("The ItemReader could not decompress an inventory file: " + e.getMessage());
    }
  }

  private static String text(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String message(IOException e) {
    return e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
  }

  private static StatesError failed(String cause) {
    return new StatesError(ErrorNames.ITEM_READER_FAILED, cause);
  }

  /** RFC 4180 CSV: quoted fields may hold delimiters, doubled quotes and line breaks. */
  static final class Csv {

    private Csv() {}

    /** The rows of a CSV text; blank lines are skipped. */
    static List<List<String>> parse(String text, char delimiter) {
      List<List<String>> rows = new ArrayList<>();
      List<String> row = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean fieldStarted = false;
      int n = text.length();
      for (int i = 0; i < n; i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              field.append('"');
              i++;
            } else {
              quoted = false;
            }
          } else {
            field.append(c);
          }
        } else if (c == '"' && field.length() == 0) {
          quoted = true;
          fieldStarted = true;
        } else if (c == delimiter) {
          row.add(field.toString());
          field.setLength(0);
          fieldStarted = true;
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
            i++;
          }
          endRow(rows, row, field, fieldStarted);
          row = new ArrayList<>();
          fieldStarted = false;
        } else {
          field.append(c);
          fieldStarted = true;
        }
      }
      endRow(rows, row, field, fieldStarted);
      return rows;
    }

    private static void endRow(List<List<String>> rows, List<String> row, StringBuilder field, boolean started) {
      if (started || !row.isEmpty()) {
        row.add(field.toString());
        rows.add(row);
      }
      field.setLength(0);
    }
  }
}
