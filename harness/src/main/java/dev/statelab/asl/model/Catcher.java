package dev.statelab.asl.model;

import dev.statelab.asl.jsonata.JsonataTemplate;
import dev.statelab.asl.template.ResultPath;
import java.util.List;

/**
 * One element of a state's {@code Catch} list.
 *
 * @param errorEquals the error names it matches
 * @param next the state to go to
 * @param resultPath where the error output goes in the raw input (JSONPath mode)
 * @param output the JSONata Output, or null
 * @param assign the catcher's Assign, or null
 */
public record Catcher(
    List<String> errorEquals, String next, ResultPath resultPath, JsonataTemplate output, Assignment assign) {}
