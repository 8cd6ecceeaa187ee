package dev.statelab.asl.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code States.Format(template, values...)}: each {@code {}} in the template is replaced by the
 * next value, rendered as AWS renders it (a string as is, {@code null}, numbers, {@code [a, b]},
 * {@code {k=v}}).
 *
 * <p>The number of values must equal the number of {@code {}}. A brace that is not part of a
 * {@code {}} pair makes the template invalid, unless it was escaped ({@code \{}) in a string
 * literal template.
 */
final class FormatFunction {

  private FormatFunction() {}

  /** Applies States.Format. */
  static JsonNode format(Invocation invocation) {
    List<String> pieces = templatePieces(invocation);
    int placeholders = pieces.size() - 1;
    if (placeholders != invocation.size() - 1) {
      throw invocation.invalid();
    }
    StringBuilder out = new StringBuilder(pieces.get(0));
    for (int i = 1; i < pieces.size(); i++) {
      out.append(JavaValues.render(invocation.value(i))).append(pieces.get(i));
    }
    return Json.text(out.toString());
  }

  /** The literal text between placeholders: one more piece than there are placeholders. */
  private static List<String> templatePieces(Invocation invocation) {
    if (invocation.arguments().get(0) instanceof Argument.StringLiteral literal) {
      return split(literal.raw(), true, invocation);
    }
    return split(invocation.string(0), false, invocation);
  }

  private static List<String> split(String template, boolean escapes, Invocation invocation) {
    List<String> pieces = new ArrayList<>();
    StringBuilder piece = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (escapes && c == '\\' && i + 1 < template.length()) {
        piece.append(template.charAt(i + 1));
        i += 2;
      } else if (c == '{') {
        if (i + 1 < template.length() && template.charAt(i + 1) == '}') {
          pieces.add(piece.toString());
          piece.setLength(0);
          i += 2;
        } else {
          throw invocation.invalid();
        }
      } else if (c == '}') {
        throw invocation.invalid();
      } else {
        piece.append(c);
        i++;
      }
    }
    pieces.add(piece.toString());
    return pieces;
  }
}
