package dev.statelab.service.sfn;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures {@code statelab serve} cold start: a fresh JVM from launch to the {@code ready on}
 * line, R runs (default 5). Not a test: build the jar ({@code ./mvnw -B -q -pl cli -am package
 * -DskipTests}) and run {@code java -cp <test classpath>
 * dev.statelab.service.sfn.ServeColdStartMeasurement cli/target/statelab.jar [runs]}.
 */
public final class ServeColdStartMeasurement {

  private ServeColdStartMeasurement() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    String jar = args.length > 0 ? args[0] : "cli/target/statelab.jar";
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      Process process = new ProcessBuilder(java, "-Dsun.net.httpserver.nodelay=true", "-jar", jar,
          "serve", "--port", "0").redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(
          process.getInputStream(), StandardCharsets.UTF_8))) {
        String line = out.readLine();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (line == null || !line.startsWith("ready on ")) {
          throw new IllegalStateException("serve printed " + line);
        }
        times.add(millis);
        System.out.println("run " + (i + 1) + ": " + line + " after " + millis + " ms");
      } finally {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
    Collections.sort(times);
    System.out.println("statelab serve cold start to ready: min " + times.get(0) + " ms, median "
        + times.get(times.size() / 2) + " ms, max " + times.get(times.size() - 1) + " ms over "
        + runs + " runs");
  }
}
