package dev.statelab.asl.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import dev.statelab.asl.errors.StatesError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@code "{% ... %}"} string of a template, parsed once.
 *
 * <p>A parsed dashjoin expression is safe to evaluate from several threads as long as every
 * evaluation passes its own {@link Jsonata.Frame} (dashjoin then binds the input into a fresh frame
 * and keeps per-call state per thread) and nothing is registered after compilation.
 */
final class CompiledExpression {

  /** How long one expression may run before it fails as an infinite loop. */
  static final long TIMEOUT_MILLIS = 10_000;

  /** How deeply evaluation may nest; deeper recursion fails (a stack overflow fails as well). */
  static final int MAX_DEPTH = 100_000;

  private final String text;
  private final String field;
  private final Jsonata jsonata;
  private final ExpressionScanner.Result scan;
  private final List<String> variableNames;

  private CompiledExpression(
      String text, String field, Jsonata jsonata, ExpressionScanner.Result scan) {
    this.text = text;
    this.field = field;
    this.jsonata = jsonata;
    this.scan = scan;
    // Every $name that may be a workflow variable is bound when the variable exists, including
    // names the expression also binds itself: a local binding only shadows it where it applies.
    Set<String> names = new LinkedHashSet<>(scan.references());
    names.remove("states");
    this.variableNames = List.copyOf(names);
  }

  /**
   * Parses an expression.
   *
   * @param text the expression between the delimiters, trimmed
   * @param field the field path, e.g. {@code Output/result}
   */
  static CompiledExpression compile(String text, String field) throws JsonataSyntaxException {
    if (text.isEmpty()) {
      throw new JsonataSyntaxException(field, text, "S0207: Unexpected end of expression", 0);
    }
    Jsonata jsonata;
    try {
      jsonata = Jsonata.jsonata(text);
    } catch (JException e) {
      throw new JsonataSyntaxException(
          field, text, JsonataMessages.describe(e, text, Set.of()), e.getLocation());
    } catch (RuntimeException | StackOverflowError e) {
      throw new JsonataSyntaxException(field, text, String.valueOf(e.getMessage()), -1);
    }
    jsonata.setValidateInput(false);
    jsonata.setOutputConvertNulls(false);
    StepFunctionsFunctions.register(jsonata);
    return new CompiledExpression(text, field, jsonata, ExpressionScanner.scan(text));
  }

  /** The expression text, as AWS quotes it in causes. */
  String text() {
    return text;
  }

  /** The field path, as AWS names it in causes. */
  String field() {
    return field;
  }

  /** What the lexical scan found. */
  ExpressionScanner.Result scan() {
    return scan;
  }

  /**
   * Evaluates the expression.
   *
   * @return the JSONata value, or null when the result is undefined
   * @throws StatesError a {@code States.QueryEvaluationError} when evaluation fails
   */
  Object evaluate(EvaluationScope scope) {
    Jsonata.Frame frame = new Jsonata.Frame(null);
    if (scan.usesStates()) {
      frame.bind("states", scope.states());
    }
    frame.setRuntimeBounds(TIMEOUT_MILLIS, MAX_DEPTH);
    for (String name : variableNames) {
      Object value = scope.variable(name);
      if (value != null) {
        frame.bind(name, value);
      }
    }
    EvaluationScope previous = scope.enter();
    try {
      return jsonata.evaluate(null, frame);
    } catch (JException e) {
      throw JsonataErrors.evaluationFailed(
          text, field, JsonataMessages.describe(e, text, scan.comparisonOperators()));
    } catch (StatesError e) {
      throw e;
    } catch (StackOverflowError e) {
      throw JsonataErrors.evaluationFailed(
          text,
          field,
          "Stack overflow error: Check for non-terminating recursive function.  "
              + "Consider rewriting as tail-recursive.");
    } catch (RuntimeException e) {
      throw JsonataErrors.evaluationFailed(text, field, JsonataMessages.describe(e));
    } finally {
      EvaluationScope.exit(previous);
    }
  }
}
