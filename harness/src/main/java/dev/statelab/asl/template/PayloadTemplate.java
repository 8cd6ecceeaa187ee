package dev.statelab.asl.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.asl.errors.Diagnostic;
import dev.statelab.asl.query.QueryScope;
import dev.statelab.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A JSONPath-mode payload template ({@code Parameters}, {@code ResultSelector},
 * {@code ItemSelector}, {@code Assign}): literal JSON whose {@code "key.$"} fields are evaluated
 * and written under {@code key}. Compiled once; evaluating it builds only the new payload.
 */
public final class PayloadTemplate {

  private final JsonNode literal;
  private final Node root;
  private final Set<String> variables;

  private PayloadTemplate(JsonNode literal, Node root, Set<String> variables) {
    this.literal = literal;
    this.root = root;
    this.variables = variables;
  }

  /**
   * Compiles a template, reporting every bad {@code .$} value to {@code problems}.
   *
   * @param template the JSON as written in the definition
   * @param location the JSON Pointer of the field, for diagnostics
   */
  public static PayloadTemplate compile(JsonNode template, String location, Consumer<Diagnostic> problems) {
    Set<String> variables = new LinkedHashSet<>();
    Node root = compileNode(template, location, problems, variables);
    return new PayloadTemplate(template, root, Set.copyOf(variables));
  }

  /** The template as written. */
  public JsonNode literal() {
    return literal;
  }

  /** Names of the workflow variables the template reads. */
  public Set<String> referencedVariables() {
    return variables;
  }

  /** True when the template has no dynamic part. */
  public boolean isConstant() {
    return root instanceof Literal;
  }

  /** Builds the payload in a scope. Throws {@code StatesError} when a value cannot be evaluated. */
  public JsonNode evaluate(QueryScope scope) {
    return root.evaluate(scope);
  }

  /**
   * Evaluates each top-level field separately, for {@code Assign}: returns name to value, names
   * without the {@code .$} suffix.
   */
  public List<Map.Entry<String, JsonNode>> evaluateFields(QueryScope scope) {
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    JsonNode built = root.evaluate(scope);
    Iterator<Map.Entry<String, JsonNode>> it = built.fields();
    while (it.hasNext()) {
      out.add(it.next());
    }
    return out;
  }

  private static Node compileNode(
      JsonNode node, String location, Consumer<Diagnostic> problems, Set<String> variables) {
    if (node.isObject()) {
      List<Field> fields = new ArrayList<>();
      boolean dynamic = false;
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        JsonNode value = e.getValue();
        if (key.endsWith(".$") && key.length() > 2) {
          dynamic = true;
          String name = key.substring(0, key.length() - 2);
          DynamicValue compiled = null;
          if (value.isTextual()) {
            try {
              compiled = DynamicValue.compile(value.asText());
              if (compiled.variableName() != null) {
                variables.add(compiled.variableName());
              }
            } catch (IllegalArgumentException ex) {
              compiled = null;
            }
          }
          if (compiled == null) {
            problems.accept(
                Diagnostic.schema(
                    "The value for the field '"
                        + key
                        + "' must be a valid JSONPath or a valid intrinsic function call",
                    location));
            fields.add(new Field(name, new Literal(value), key));
          } else {
            fields.add(new Field(name, new Dynamic(compiled, key), key));
          }
        } else {
          Node child = compileNode(value, location + "/" + escape(key), problems, variables);
          dynamic |= !(child instanceof Literal);
          fields.add(new Field(key, child, key));
        }
      }
      return dynamic ? new ObjectTemplate(fields) : new Literal(node);
    }
    if (node.isArray()) {
      List<Node> items = new ArrayList<>();
      boolean dynamic = false;
      int i = 0;
      for (JsonNode item : node) {
        Node child = compileNode(item, location + "/" + i++, problems, variables);
        dynamic |= !(child instanceof Literal);
        items.add(child);
      }
      return dynamic ? new ArrayTemplate(items) : new Literal(node);
    }
    return new Literal(node);
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private interface Node {
    JsonNode evaluate(QueryScope scope);
  }

  private record Literal(JsonNode value) implements Node {
    @Override
    public JsonNode evaluate(QueryScope scope) {
      return value;
    }
  }

  private record Dynamic(DynamicValue value, String field) implements Node {
    @Override
    public JsonNode evaluate(QueryScope scope) {
      return value.evaluate(scope, field);
    }
  }

  private record Field(String name, Node value, String key) {}

  private record ObjectTemplate(List<Field> fields) implements Node {
    @Override
    public JsonNode evaluate(QueryScope scope) {
      ObjectNode out = Json.object();
      for (Field f : fields) {
        out.set(f.name(), f.value().evaluate(scope));
      }
      return out;
    }
  }

  private record ArrayTemplate(List<Node> items) implements Node {
    @Override
    public JsonNode evaluate(QueryScope scope) {
      ArrayNode out = Json.array();
      for (Node n : items) {
        out.add(n.evaluate(scope));
      }
      return out;
    }
  }
}
