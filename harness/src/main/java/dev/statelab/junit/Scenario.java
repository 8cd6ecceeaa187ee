package dev.statelab.junit;

import dev.statelab.engine.ExecutionType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A state machine to deploy into a test's world: a definition (from the class path, a file or a
 * string), its {@code ${Name}} substitutions, a name and a workflow type. Immutable; each
 * {@code with}-style method returns a copy.
 *
 * <pre>{@code
 * StateMachineUnderTest order = lab.deploy(Scenario.fromClasspath("machines/order.asl.json")
 *     .substitute("ChargeFunctionArn", chargeArn)
 *     .type(ExecutionType.EXPRESS));
 * }</pre>
 */
public final class Scenario {

  private final String template;
  private final String source;
  private final String name;
  private final ExecutionType type;
  private final Map<String, String> substitutions;

  private Scenario(String template, String source, String name, ExecutionType type,
      Map<String, String> substitutions) {
    this.template = template;
    this.source = source;
    this.name = name;
    this.type = type;
    this.substitutions = Map.copyOf(substitutions);
  }

  /** A STANDARD machine named {@code StateMachine} from a definition string. */
  public static Scenario ofDefinition(String definition) {
    return new Scenario(Objects.requireNonNull(definition, "definition"), "the definition",
        "StateMachine", ExecutionType.STANDARD, Map.of());
  }

  /**
   * A STANDARD machine from a class-path resource (e.g. {@code machines/order.asl.json}), named
   * after the file ({@code order}).
   *
   * @throws IllegalArgumentException when there is no such resource
   */
  public static Scenario fromClasspath(String resource) {
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = (loader != null ? loader : Scenario.class.getClassLoader()).getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("No class-path resource '" + path + "'");
      }
      return new Scenario(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + path,
          baseName(path), ExecutionType.STANDARD, Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read class-path resource '" + path + "'", e);
    }
  }

  /** A STANDARD machine from a file, named after it. */
  public static Scenario fromFile(Path file) {
    try {
      return new Scenario(Files.readString(file), file.toString(),
          baseName(file.getFileName().toString()), ExecutionType.STANDARD, Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read definition file " + file, e);
    }
  }

  private static String baseName(String path) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    int dot = file.indexOf('.');
    return dot > 0 ? file.substring(0, dot) : file;
  }

  /** This scenario with another state machine name. */
  public Scenario named(String newName) {
    return new Scenario(template, source, Objects.requireNonNull(newName, "name"), type, substitutions);
  }

  /** This scenario as a STANDARD or EXPRESS machine. */
  public Scenario type(ExecutionType newType) {
    return new Scenario(template, source, name, Objects.requireNonNull(newType, "type"), substitutions);
  }

  /** This scenario with {@code ${placeholder}} replaced by {@code value}. */
  public Scenario substitute(String placeholder, String value) {
    Map<String, String> more = new LinkedHashMap<>(substitutions);
    more.put(Objects.requireNonNull(placeholder, "placeholder"), Objects.requireNonNull(value, "value"));
    return new Scenario(template, source, name, type, more);
  }

  /** This scenario with several substitutions added. */
  public Scenario substitutions(Map<String, String> values) {
    Map<String, String> more = new LinkedHashMap<>(substitutions);
    more.putAll(values);
    return new Scenario(template, source, name, type, more);
  }

  /** The state machine name. */
  public String name() {
    return name;
  }

  /** STANDARD or EXPRESS. */
  public ExecutionType type() {
    return type;
  }

  /** Where the definition came from, for messages. */
  public String source() {
    return source;
  }

  /**
   * The definition with its substitutions applied.
   *
   * @throws IllegalArgumentException when a placeholder has no substitution
   */
  public String definition() {
    return DefinitionSubstitutions.apply(template, substitutions, source);
  }

  @Override
  public String toString() {
    return "Scenario[" + name + ", " + type + ", " + source + "]";
  }
}
