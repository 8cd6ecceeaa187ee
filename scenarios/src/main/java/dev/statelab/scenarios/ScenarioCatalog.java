package dev.statelab.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every scenario: the public classes of this package that implement {@link Scenario}, found on
 * the class path (a folder in tests, the application jar in the CLI), sorted by name.
 */
public final class ScenarioCatalog {

  private static final String PACKAGE = ScenarioCatalog.class.getPackageName();
  private static final String FOLDER = PACKAGE.replace('.', '/') + "/";
  private static volatile List<Scenario> all;

  private ScenarioCatalog() {}

  /** Every scenario, sorted by name. */
  public static List<Scenario> all() {
    List<Scenario> found = all;
    if (found == null) {
      found = discover();
      all = found;
    }
    return found;
  }

  /** The scenario of that name. */
  public static Optional<Scenario> byName(String name) {
    return all().stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** Every scenario's name, sorted. */
  public static List<String> names() {
    return all().stream().map(Scenario::name).toList();
  }

  private static List<Scenario> discover() {
    List<Scenario> out = new ArrayList<>();
    for (String className : classNames()) {
      Scenario s = instantiate(className);
      if (s != null) {
        out.add(s);
      }
    }
    out.sort(Comparator.comparing(Scenario::name));
    return List.copyOf(out);
  }

  private static Scenario instantiate(String className) {
    try {
      Class<?> type = Class.forName(className, false, ScenarioCatalog.class.getClassLoader());
      if (!Scenario.class.isAssignableFrom(type) || type.isInterface() || Modifier.isAbstract(type.getModifiers())
          || !Modifier.isPublic(type.getModifiers()) || type.getEnclosingClass() != null) {
        return null;
      }
      return (Scenario) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }

  /** The top-level class names in this package, from the folder or jar this class was loaded from. */
  private static List<String> classNames() {
    URL source = ScenarioCatalog.class.getProtectionDomain().getCodeSource().getLocation();
    List<String> names = new ArrayList<>();
    try {
      Path location = Path.of(source.toURI());
      if (Files.isDirectory(location)) {
        Path folder = location.resolve(FOLDER);
        try (Stream<Path> files = Files.list(folder)) {
          files.map(p -> p.getFileName().toString()).forEach(f -> addClass(names, f));
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          Enumeration<JarEntry> entries = jar.entries();
          while (entries.hasMoreElements()) {
            String entry = entries.nextElement().getName();
            if (entry.startsWith(FOLDER) && entry.indexOf('/', FOLDER.length()) < 0) {
              addClass(names, entry.substring(FOLDER.length()));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    names.sort(null);
    return names;
  }

  private static void addClass(List<String> names, String file) {
    if (file.endsWith(".class") && !file.contains("$")) {
      names.add(PACKAGE + "." + file.substring(0, file.length() - ".class".length()));
    }
  }
}
