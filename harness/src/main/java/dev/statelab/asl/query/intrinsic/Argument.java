package dev.statelab.asl.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.query.Path;
import dev.statelab.asl.query.PathNotFoundException;
import dev.statelab.asl.query.QueryScope;
import dev.statelab.json.Json;
import java.util.ArrayList;
import java.util.List;

/** One argument of an intrinsic call, as parsed: a literal, a path or a nested call. */
sealed interface Argument
    permits Argument.ValueLiteral, Argument.StringLiteral, Argument.PathReference, Argument.Call {

  /**
   * The argument's value in a scope; never null (JSON null is a {@code NullNode}).
   *
   * @throws ArgumentFailure when a path selects nothing or a nested call fails
   */
  JsonNode evaluate(QueryScope scope);

  /** A number, {@code true}, {@code false} or {@code null} written in the call. */
  record ValueLiteral(JsonNode value) implements Argument {
    @Override
    public JsonNode evaluate(QueryScope scope) {
      return value.deepCopy();
    }
  }

  /**
   * A single-quoted string literal.
   *
   * @param raw the text between the quotes, escapes kept (States.Format reads its placeholders
   *     from this, so that an escaped brace stays a literal brace)
   * @param value the string with escapes resolved
   */
  record StringLiteral(String raw, String value) implements Argument {
    @Override
    public JsonNode evaluate(QueryScope scope) {
      return Json.text(value);
    }
  }

  /** A path rooted at {@code $}, {@code $$} or {@code $variable}. */
  record PathReference(Path path) implements Argument {
    @Override
    public JsonNode evaluate(QueryScope scope) {
      JsonNode value;
      try {
        value = path.evaluate(scope);
      } catch (PathNotFoundException e) {
        throw PathArguments.notFound(path, scope, e.getMessage());
      }
      if ((value == null || value.isNull()) && !PathArguments.exists(path, scope)) {
        throw PathArguments.notFound(path, scope, null);
      }
      return value == null ? Json.NODES.nullNode() : value.deepCopy();
    }
  }

  /**
   * A call of one function.
   *
   * @param function the function called
   * @param arguments the arguments, in order
   * @param text the call as written
   */
  record Call(IntrinsicFunction function, List<Argument> arguments, String text)
      implements Argument {

    /** Creates the call, copying the argument list. */
    public Call {
      arguments = List.copyOf(arguments);
    }

    @Override
    public JsonNode evaluate(QueryScope scope) {
      List<JsonNode> values = new ArrayList<>(arguments.size());
      for (Argument argument : arguments) {
        values.add(argument.evaluate(scope));
      }
      return function.apply(new Invocation(function, arguments, values, scope));
    }
  }
}
