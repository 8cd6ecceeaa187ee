package dev.statelab.asl.model;

import dev.statelab.asl.jsonata.JsonataTemplate;
import dev.statelab.asl.query.Path;
import dev.statelab.asl.template.PayloadTemplate;
import dev.statelab.asl.template.ResultPath;

/** A state's input and output processing, in the state's query language. */
public sealed interface Io permits Io.JsonPathIo, Io.JsonataIo {

  /**
   * JSONPath-mode processing: InputPath, Parameters, ResultSelector, ResultPath, OutputPath.
   *
   * @param inputPath the InputPath; {@link Selector#IDENTITY} when absent
   * @param parameters the Parameters template (ItemSelector for Map), or null
   * @param resultSelector the ResultSelector template, or null
   * @param resultPath where the result goes in the raw input
   * @param outputPath the OutputPath; {@link Selector#IDENTITY} when absent
   */
  record JsonPathIo(
      Selector inputPath,
      PayloadTemplate parameters,
      PayloadTemplate resultSelector,
      ResultPath resultPath,
      Selector outputPath)
      implements Io {

    /** Processing with every field at its default. */
    public static final JsonPathIo DEFAULT =
        new JsonPathIo(Selector.IDENTITY, null, null, ResultPath.REPLACE, Selector.IDENTITY);
  }

  /**
   * JSONata-mode processing: Arguments and Output.
   *
   * @param arguments the Arguments template, or null
   * @param output the Output template, or null
   */
  record JsonataIo(JsonataTemplate arguments, JsonataTemplate output) implements Io {}

  /**
   * An InputPath or OutputPath: absent ({@code $}), {@code null} (gives {@code {}}) or a path.
   *
   * @param path the path, or null for the identity and discard forms
   * @param discard true for the {@code null} form
   */
  record Selector(Path path, boolean discard) {
    /** The default {@code $}. */
    public static final Selector IDENTITY = new Selector(null, false);
    /** The {@code null} form: the effective document is {@code {}}. */
    public static final Selector DISCARD = new Selector(null, true);

    /** A selector for a compiled path ({@code $} alone gives {@link #IDENTITY}). */
    public static Selector of(Path path) {
      return path.isIdentity() && path.root() == Path.Root.INPUT ? IDENTITY : new Selector(path, false);
    }
  }
}
