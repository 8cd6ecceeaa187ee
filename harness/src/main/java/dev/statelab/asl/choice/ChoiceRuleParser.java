package dev.statelab.asl.choice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.asl.errors.Diagnostic;
import java.util.function.Consumer;

/** STUB until the choice branch lands. */
public final class ChoiceRuleParser {
  private ChoiceRuleParser() {}

  /** Parses a rule. */
  public static ChoiceRule parse(JsonNode rule, String location, boolean topLevel, Consumer<Diagnostic> problems) {
    return scope -> false;
  }
}
