package dev.statelab.asl.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.query.Path;
import dev.statelab.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses intrinsic function calls ({@code States.Format('{} items', States.ArrayLength($.items))})
 * once, when a definition is loaded.
 *
 * <p>Arguments are string literals in single quotes, in which {@code '}, {@code {}, {@code }} and
 * {@code \} may be escaped with a backslash (any other escape is an error, as AWS rejects {@code
 * \"}); numbers ({@code 3}, {@code -1.5}, {@code 1e3}); {@code true}, {@code false} and {@code
 * null}; paths ({@code $}, {@code $.a[0]}, {@code $$.Execution.Input}, {@code $var.field}); and
 * nested calls, at most ten levels deep. Unescaped braces are allowed in literals (AWS accepts
 * {@code States.StringToJson('{"a": 1}')}).
 */
public final class IntrinsicParser {

  /** The prefix every intrinsic call starts with. */
  public static final String PREFIX = "States.";

  /** How deep calls may nest, counting the outermost call as 1. */
  public static final int MAX_NESTING = 10;

  private static final Pattern NUMBER =
      Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");
  private static final Pattern FUNCTION_NAME = Pattern.compile("States\\.[A-Za-z0-9]+");
  private static final String ESCAPABLE = "'{}\\";

  private final String text;
  private int position;

  private IntrinsicParser(String text) {
    this.text = text;
  }

  /** True when a {@code .$} value should be treated as an intrinsic call (starts with "States."). */
  public static boolean looksLikeIntrinsic(String text) {
    return text != null && text.startsWith(PREFIX);
  }

  /**
   * Parses a call.
   *
   * @throws IntrinsicSyntaxException on bad syntax, an unknown function, a wrong number of
   *     arguments, an invalid escape or more than {@value #MAX_NESTING} levels of nesting
   */
  public static Intrinsic parse(String text) throws IntrinsicSyntaxException {
    if (text == null) {
      throw new IntrinsicSyntaxException("null", 0, "No intrinsic function call");
    }
    IntrinsicParser parser = new IntrinsicParser(text);
    if (!looksLikeIntrinsic(text)) {
      throw parser.problem("An intrinsic function call must start with '" + PREFIX + "'");
    }
    Argument.Call call = parser.call(1);
    parser.skipWhitespace();
    if (!parser.atEnd()) {
      throw parser.problem("Unexpected text after the call");
    }
    return new ParsedIntrinsic(text, call);
  }

  private Argument.Call call(int depth) throws IntrinsicSyntaxException {
    int start = position;
    if (depth > MAX_NESTING) {
      throw problem("Intrinsic functions may be nested at most " + MAX_NESTING + " levels deep");
    }
    Matcher name = FUNCTION_NAME.matcher(text).region(position, text.length());
    if (!name.lookingAt()) {
      throw problem("Expected a function name such as 'States.Format'");
    }
    String functionName = name.group();
    IntrinsicFunction function =
        IntrinsicFunction.named(functionName)
            .orElseThrow(() -> problem("Unknown intrinsic function '" + functionName + "'"));
    position = name.end();
    expect('(', "Expected '(' after " + functionName);
    List<Argument> arguments = new ArrayList<>();
    skipWhitespace();
    if (peek() == ')') {
      position++;
    } else {
      while (true) {
        skipWhitespace();
        arguments.add(argument(depth));
        skipWhitespace();
        if (peek() == ',') {
          position++;
        } else if (peek() == ')') {
          position++;
          break;
        } else {
          throw problem(atEnd() ? "Missing ')'" : "Expected ',' or ')'");
        }
      }
    }
    if (!function.accepts(arguments.size())) {
      position = start;
      throw problem(
          functionName
              + " takes "
              + function.arityDescription()
              + " but was given "
              + arguments.size());
    }
    return new Argument.Call(function, arguments, text.substring(start, position));
  }

  private Argument argument(int depth) throws IntrinsicSyntaxException {
    if (atEnd()) {
      throw problem("Missing argument");
    }
    char c = peek();
    if (c == '\'') {
      return stringLiteral();
    }
    if (c == '$') {
      return path();
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return number();
    }
    if (text.startsWith(PREFIX, position)) {
      return call(depth + 1);
    }
    for (String keyword : new String[] {"true", "false", "null"}) {
      if (text.startsWith(keyword, position) && endsToken(position + keyword.length())) {
        position += keyword.length();
        return new Argument.ValueLiteral(Json.parse(keyword));
      }
    }
    throw problem(
        c == ',' || c == ')'
            ? "Missing argument"
            : "Expected a string literal, number, boolean, null, path or intrinsic function");
  }

  private Argument stringLiteral() throws IntrinsicSyntaxException {
    int open = position++;
    StringBuilder value = new StringBuilder();
    while (!atEnd()) {
      char c = text.charAt(position);
      if (c == '\'') {
        String raw = text.substring(open + 1, position);
        position++;
        return new Argument.StringLiteral(raw, value.toString());
      }
      if (c == '\\') {
        if (position + 1 >= text.length() || ESCAPABLE.indexOf(text.charAt(position + 1)) < 0) {
          throw problem(
              "Invalid escape in a string literal: only \\' \\{ \\} and \\\\ are allowed");
        }
        value.append(text.charAt(position + 1));
        position += 2;
      } else {
        value.append(c);
        position++;
      }
    }
    position = open;
    throw problem("Unterminated string literal");
  }

  private Argument number() throws IntrinsicSyntaxException {
    Matcher matcher = NUMBER.matcher(text).region(position, text.length());
    if (!matcher.lookingAt() || !endsToken(matcher.end())) {
      throw problem("Invalid number");
    }
    JsonNode value = Json.parse(matcher.group());
    position = matcher.end();
    return new Argument.ValueLiteral(value);
  }

  /** A path runs to the next ',' or ')' outside brackets, parentheses and quotes. */
  private Argument path() throws IntrinsicSyntaxException {
    int start = position;
    int depth = 0;
    char quote = 0;
    while (!atEnd()) {
      char c = text.charAt(position);
      if (quote != 0) {
        if (c == '\\' && position + 1 < text.length()) {
          position++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (depth > 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || c == ')') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        break;
      }
      position++;
    }
    String pathText = text.substring(start, position).strip();
    try {
      return new Argument.PathReference(Path.compile(pathText));
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      position = start;
      throw problem("Invalid path '" + pathText + "'");
    }
  }

  private boolean endsToken(int index) {
    if (index >= text.length()) {
      return true;
    }
    char c = text.charAt(index);
    return c == ',' || c == ')' || Character.isWhitespace(c);
  }

  private void expect(char c, String problem) throws IntrinsicSyntaxException {
    if (peek() != c) {
      throw problem(problem);
    }
    position++;
  }

  private void skipWhitespace() {
    while (!atEnd() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private char peek() {
    return atEnd() ? 0 : text.charAt(position);
  }

  private boolean atEnd() {
    return position >= text.length();
  }

  private IntrinsicSyntaxException problem(String problem) {
    return new IntrinsicSyntaxException(text, position, problem);
  }
}
