package dev.statelab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading the files a command names, with usage errors instead of stack traces. */
final class Files2 {

  private Files2() {}

  /** Opens a file for writing, creating its folder, with a usage error when that fails. */
  static java.io.Writer newWriter(String name) {
    Path path = Path.of(name);
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.newBufferedWriter(path);
    } catch (IOException e) {
      throw new UsageException("cannot write " + name + ": " + e.getMessage());
    }
  }

  static String read(String name) {
    Path path = Path.of(name);
    if (!Files.isRegularFile(path)) {
      throw new UsageException("no such file: " + name);
    }
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UsageException("cannot read " + name + ": " + e.getMessage());
    }
  }
}
