package dev.statelab.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens report pages in headless Chromium and reads what each page's own check found: uncaught
 * JavaScript errors, rejected promises and {@code console.error} calls, and charts that drew
 * nothing. Optionally takes a screenshot of each page.
 *
 * <p>Each page records its findings as attributes of {@code <body>} ({@code data-checked},
 * {@code data-statelab-errors}, {@code data-charts-ok}, {@code data-chart-problems}, {@code
 * data-chart-count}); Chromium's {@code --dump-dom} hands them back.
 */
public final class BrowserCheck {

  /** Where Debian's package installs Chromium. */
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private static final Pattern BODY = Pattern.compile("<body\\s([^>]*data-checked[^>]*)>");
  private static final Pattern ATTR = Pattern.compile("data-([a-z-]+)=\"([^\"]*)\"");

  private BrowserCheck() {}

  /** Whether Chromium is installed where the check looks for it. */
  public static boolean available() {
    return Files.isExecutable(CHROMIUM);
  }

  /**
   * Checks every page; answers one line per problem (empty when all is well). Pages other than
   * {@code index.html} must have at least one chart. With {@code screenshots} not null, writes
   * {@code <page>.png} there and reports a missing or blank one.
   *
   * @param pages the HTML files
   * @param work a scratch folder for Chromium's profiles
   * @param screenshots where to put screenshots, or null for none
   */
  public static List<String> check(List<Path> pages, Path work, Path screenshots)
      throws IOException, InterruptedException {
    List<String> problems = new ArrayList<>();
    if (screenshots != null) {
      Files.createDirectories(screenshots);
    }
    int profile = 0;
    for (Path page : pages) {
      String name = page.getFileName().toString();
      Map<String, String> data = bodyData(run(page, work.resolve("profile-" + profile++), "--dump-dom"));
      if (!"true".equals(data.get("checked"))) {
        problems.add(name + ": the page's check did not run (body data " + data + ")");
        continue;
      }
      if (!"[]".equals(data.get("statelab-errors"))) {
        problems.add(name + ": JavaScript errors " + data.get("statelab-errors"));
      }
      if (!"true".equals(data.get("charts-ok"))) {
        problems.add(name + ": empty charts " + data.get("chart-problems"));
      }
      if (!name.equals("index.html") && Integer.parseInt(data.getOrDefault("chart-count", "0")) == 0) {
        problems.add(name + ": no chart found");
      }
      if (screenshots != null) {
        Path shot = screenshots.resolve(name.replace(".html", ".png")).toAbsolutePath();
        run(page, work.resolve("profile-" + profile++), "--window-size=1280,2400", "--screenshot=" + shot);
        if (!Files.isRegularFile(shot) || Files.size(shot) < 10_000) {
          problems.add(name + ": no screenshot");
        }
      }
    }
    return problems;
  }

  /** What one page's check wrote on {@code <body>}, after Chromium ran it. */
  public static Map<String, String> pageData(Path page, Path work) throws IOException, InterruptedException {
    return bodyData(run(page, work, "--dump-dom"));
  }

  /** Runs Chromium headless on one page with extra arguments; returns its stdout. */
  private static String run(Path page, Path userData, String... args) throws IOException, InterruptedException {
    Files.createDirectories(userData);
    List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + userData, "--virtual-time-budget=5000"));
    cmd.addAll(List.of(args));
    cmd.add(page.toUri().toString());
    Path stdout = Files.createTempFile(userData.getParent(), "dom", ".html");
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium did not finish within 90 s on " + page);
    }
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  private static Map<String, String> bodyData(String dom) {
    Matcher m = BODY.matcher(dom);
    Map<String, String> data = new LinkedHashMap<>();
    if (m.find()) {
      Matcher a = ATTR.matcher(m.group(1));
      while (a.find()) {
        data.put(a.group(1), a.group(2).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
            .replace("&amp;", "&"));
      }
    }
    return data;
  }
}
