package dev.statelab.asl.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.statelab.asl.query.Path;
import dev.statelab.asl.query.QueryScope;
import dev.statelab.json.Json;

/** How intrinsic path arguments that select nothing are detected and reported. */
final class PathArguments {

  /** Jayway over plain maps and lists, where an index past the end selects nothing. */
  private static final Configuration PLAIN =
      Configuration.builder()
          .jsonProvider(new JacksonJsonProvider(Json.MAPPER))
          .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
          .build();

  /** The one JSONPath library message AWS passes through instead of its own sentence. */
  private static final String ARRAY_FILTER_PREFIX = "Filter: ";

  private PathArguments() {}

  /**
   * The failure for a path argument that selects nothing. AWS writes {@code The JsonPath argument
   * for the field '<path>' could not be found in the input '<state input>'}, except when the path
   * indexes a non-array, where it passes the JSONPath library's message through.
   */
  static ArgumentFailure notFound(Path path, QueryScope scope, String libraryMessage) {
    if (libraryMessage != null && libraryMessage.startsWith(ARRAY_FILTER_PREFIX)) {
      return new ArgumentFailure(libraryMessage);
    }
    return new ArgumentFailure(
        "The JsonPath argument for the field '"
            + reportedPath(path)
            + "' could not be found in the input '"
            + Json.write(scope.input())
            + "'");
  }

  /**
   * Whether a path that evaluated to null really selects a node. An index past the end of an array
   * reads as null in a plain reference but is a miss as an intrinsic argument.
   */
  static boolean exists(Path path, QueryScope scope) {
    if (path.isIdentity() || !path.isDefinite()) {
      return true;
    }
    JsonNode document =
        switch (path.root()) {
          case CONTEXT -> scope.context();
          case VARIABLE -> scope.variable(path.variableName());
          default -> scope.input();
        };
    if (document == null) {
      return false;
    }
    try {
      Object plain = Json.MAPPER.convertValue(document, Object.class);
      JsonPath.compile(rootRelative(path)).read(plain, PLAIN);
      return true;
    } catch (com.jayway.jsonpath.PathNotFoundException e) {
      return false;
    } catch (JsonPathException | IllegalArgumentException e) {
      return true;
    }
  }

  /** The path as AWS names it in the cause: a context path is named relative to {@code $}. */
  static String reportedPath(Path path) {
    return path.root() == Path.Root.CONTEXT ? rootRelative(path) : path.text();
  }

  private static String rootRelative(Path path) {
    String text = path.text();
    return switch (path.root()) {
      case CONTEXT -> "$" + text.substring(2);
      case VARIABLE -> "$" + text.substring(1 + path.variableName().length());
      default -> text;
    };
  }
}
