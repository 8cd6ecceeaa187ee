package dev.statelab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.errors.ErrorNames;
import dev.statelab.asl.errors.StatesError;
import dev.statelab.asl.model.Io;
import dev.statelab.asl.model.State;
import dev.statelab.asl.model.ValueSource;
import dev.statelab.asl.query.PathNotFoundException;
import dev.statelab.asl.query.UndefinedVariableException;
import dev.statelab.json.Json;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Evaluates one state in a frame: the per-type semantics of ASL. */
final class States {

  /** The longest Wait Step Functions accepts: the delay must fit a 32-bit count of seconds. */
  static final long MAX_WAIT_SECONDS = Integer.MAX_VALUE;

  private States() {}

  /** Runs a state that the frame has just entered. */
  static void evaluate(Frame f, State s) {
    if (s instanceof State.Pass p) {
      pass(f, p);
    } else if (s instanceof State.Task t) {
      TaskStep.begin(f, t);
    } else if (s instanceof State.Choice c) {
      choice(f, c);
    } else if (s instanceof State.Wait w) {
      waitState(f, w);
    } else if (s instanceof State.Succeed) {
      succeed(f);
    } else if (s instanceof State.Fail fail) {
      fail(f, fail);
    } else if (s instanceof State.Parallel p) {
      ParallelStep.begin(f, p);
    } else if (s instanceof State.Map m) {
      MapStep.begin(f, m);
    }
  }

  /** Runs a state's work again after a retry delay. */
  static void retry(Frame f, State s) {
    if (s instanceof State.Task t) {
      TaskStep.retry(f, t);
    } else if (s instanceof State.Parallel p) {
      ParallelStep.retry(f, p);
    } else if (s instanceof State.Map m) {
      MapStep.retry(f, m);
    }
  }

  private static void pass(Frame f, State.Pass s) {
    JsonNode output;
    Map<String, JsonNode> assigned;
    if (s.common().io() instanceof Io.JsonataIo io) {
      assigned = f.assign(s.common().assign(), null, null, null);
      output = f.jsonata(io.output(), f.rawInput, null, null);
    } else {
      Io.JsonPathIo io = (Io.JsonPathIo) s.common().io();
      JsonNode result;
      if (io == Io.JsonPathIo.DEFAULT && s.result() == null) {
        result = f.rawInput;
        output = f.rawInput;
      } else {
        JsonNode selected = f.select(io.inputPath(), f.rawInput);
        if (s.result() != null) {
          // Parameters is the input of Pass's virtual task; Result is its result.
          result = s.result();
        } else if (io.parameters() != null) {
          result = io.parameters().evaluate(f.scope(selected));
        } else {
          result = selected;
        }
        output = f.select(io.outputPath(), io.resultPath().apply(f.rawInput, result));
      }
      assigned = f.assign(s.common().assign(), result, null, null);
    }
    f.exit(output, f.nextOf(s.common().transition()), assigned);
  }

  private static void succeed(Frame f) {
    State s = f.state;
    JsonNode output;
    if (s.common().io() instanceof Io.JsonataIo io) {
      output = f.jsonata(io.output(), f.rawInput, null, null);
    } else {
      Io.JsonPathIo io = (Io.JsonPathIo) s.common().io();
      output = f.select(io.outputPath(), f.select(io.inputPath(), f.rawInput));
    }
    f.exit(output, null, null);
  }

  private static void fail(Frame f, State.Fail s) {
    String error = s.error();
    String cause = s.cause();
    if (s.errorPath() != null) {
      error = text(s.errorPath().evaluate(f.scope(f.rawInput), "ErrorPath"));
    } else if (s.errorExpression() != null) {
      error = text(s.errorExpression().evaluate(f.bindings(null, null)));
    }
    if (s.causePath() != null) {
      cause = text(s.causePath().evaluate(f.scope(f.rawInput), "CausePath"));
    } else if (s.causeExpression() != null) {
      cause = text(s.causeExpression().evaluate(f.bindings(null, null)));
    }
    f.fail(new StatesError(error, cause));
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isTextual() ? node.asText() : Json.write(node);
  }

  private static void choice(Frame f, State.Choice s) {
    boolean jsonata = s.common().io() instanceof Io.JsonataIo;
    JsonNode effective = jsonata ? f.rawInput : f.select(((Io.JsonPathIo) s.common().io()).inputPath(), f.rawInput);
    for (State.ChoiceBranch b : s.choices()) {
      boolean matched;
      if (jsonata) {
        matched = b.condition().evaluate(f.bindings(null, null), dev.statelab.asl.jsonata.ExpectedType.BOOLEAN).asBoolean();
      } else {
        matched = b.rule().matches(f.scope(effective));
      }
      if (matched) {
        choose(f, s, b.next(), b.assign(), b.output(), effective);
        return;
      }
    }
    if (s.defaultNext() != null) {
      choose(f, s, s.defaultNext(), s.common().assign(), null, effective);
      return;
    }
    f.fail(new StatesError(ErrorNames.NO_CHOICE_MATCHED, "No Matches!"));
  }

  private static void choose(
      Frame f, State.Choice s, String next, dev.statelab.asl.model.Assignment assign,
      dev.statelab.asl.jsonata.JsonataTemplate ruleOutput, JsonNode effective) {
    JsonNode output;
    Map<String, JsonNode> assigned;
    if (s.common().io() instanceof Io.JsonataIo io) {
      assigned = f.assign(assign, null, null, null);
      output = f.jsonata(ruleOutput != null ? ruleOutput : io.output(), f.rawInput, null, null);
    } else {
      assigned = f.assign(assign, effective, null, null);
      output = f.select(((Io.JsonPathIo) s.common().io()).outputPath(), effective);
    }
    f.exit(output, next, assigned);
  }

  private static void waitState(Frame f, State.Wait s) {
    boolean jsonata = s.common().io() instanceof Io.JsonataIo;
    JsonNode effective = jsonata ? f.rawInput : f.select(((Io.JsonPathIo) s.common().io()).inputPath(), f.rawInput);
    long now = f.loop.now();
    long due;
    if (s.seconds() != null) {
      long seconds = waitSeconds(f, s.seconds(), effective);
      if (seconds > MAX_WAIT_SECONDS) {
        throw StatesError.runtime("Wait state delay is too long.");
      }
      due = now + seconds * 1000L;
    } else {
      due = waitTimestamp(f, s.timestamp(), effective);
      if ((due - now) / 1000L > MAX_WAIT_SECONDS) {
        throw StatesError.runtime("Wait state delay is too long.");
      }
    }
    Map<String, JsonNode> assigned = f.assign(s.common().assign(), jsonata ? null : effective, null, null);
    JsonNode output;
    if (s.common().io() instanceof Io.JsonataIo io) {
      output = f.jsonata(io.output(), f.rawInput, null, null);
    } else {
      output = f.select(((Io.JsonPathIo) s.common().io()).outputPath(), effective);
    }
    String next = f.nextOf(s.common().transition());
    if (due <= now) {
      f.exit(output, next, assigned);
      return;
    }
    f.timer = f.loop.at(due, () -> {
      f.timer = null;
      f.exit(output, next, assigned);
    });
  }

  private static long waitSeconds(Frame f, ValueSource source, JsonNode effective) {
    if (source.literal() != null) {
      return source.literal().asLong();
    }
    if (source.expression() != null) {
      JsonNode value = f.jsonataTyped(source.expression(), "integer",
          n -> n.isNumber() && n.decimalValue().stripTrailingZeros().scale() <= 0);
      long seconds = value.decimalValue().longValue();
      if (seconds < 0) {
        throw new StatesError(
            ErrorNames.QUERY_EVALUATION_ERROR, "The Seconds field references a negative value: " + seconds);
      }
      return seconds;
    }
    JsonNode value = readPath(f, source, effective);
    String shown = source.path().text() + " == " + Json.write(value);
    if (!value.isNumber()) {
      throw StatesError.runtime("The SecondsPath parameter cannot be parsed as a long value: " + shown);
    }
    BigDecimal number = value.decimalValue();
    if (number.stripTrailingZeros().scale() > 0) {
      throw StatesError.runtime("The SecondsPath parameter cannot be parsed as a long value: " + shown);
    }
    if (number.signum() < 0) {
      throw StatesError.runtime("The SecondsPath parameter references a negative value: " + shown);
    }
    return number.longValue();
  }

  private static long waitTimestamp(Frame f, ValueSource source, JsonNode effective) {
    if (source.literal() != null) {
      return parseTimestamp(source.literal().asText());
    }
    if (source.expression() != null) {
      JsonNode value = source.expression().evaluate(f.bindings(null, null));
      Long millis = value.isTextual() ? tryParseTimestamp(value.asText()) : null;
      if (millis == null) {
        throw new StatesError(
            ErrorNames.QUERY_EVALUATION_ERROR,
            "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: "
                + (value.isTextual() ? value.asText() : Json.write(value)));
      }
      return millis;
    }
    JsonNode value = readPath(f, source, effective);
    Long millis = value.isTextual() ? tryParseTimestamp(value.asText()) : null;
    if (millis == null) {
      throw StatesError.runtime(
          "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: "
              + source.path().text() + " == " + (value.isTextual() ? value.asText() : Json.write(value)));
    }
    return millis;
  }

  /** A whole number given as a JSON number or a numeric string, or null. */
  static Integer integerValue(JsonNode v) {
    try {
      BigDecimal number = v.isNumber() ? v.decimalValue() : v.isTextual() ? new BigDecimal(v.asText().trim()) : null;
      if (number == null || number.stripTrailingZeros().scale() > 0) {
        return null;
      }
      return number.intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /** Reads the path of a {@code ...Path} field, failing as AWS does when it selects nothing. */
  static JsonNode readPath(Frame f, ValueSource source, JsonNode effective) {
    try {
      return source.path().evaluate(f.scope(effective));
    } catch (PathNotFoundException | UndefinedVariableException e) {
      throw StatesError.runtime("Invalid path '" + source.path().text() + "' : " + e.getMessage());
    }
  }

  static long parseTimestamp(String text) {
    Long millis = tryParseTimestamp(text);
    if (millis == null) {
      throw StatesError.runtime("Invalid timestamp: " + text);
    }
    return millis;
  }

  /** Parses an ISO-8601 extended offset date-time, or returns null. */
  static Long tryParseTimestamp(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
