package dev.statelab.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens every page of the sample report in headless Chromium. Each page records JavaScript errors
 * and whether each chart drew something into data attributes of its body (report-check.js); the
 * DOM dumped after load is read here. Screenshots go to {@code out/screenshots/}.
 */
class BrowserTests {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Pattern BODY = Pattern.compile("<body\\s([^>]*data-checked[^>]*)>");
  private static final Pattern ATTR = Pattern.compile("data-([a-z-]+)=\"([^\"]*)\"");

  static List<Path> pages;

  @BeforeAll
  static void render(@TempDir Path dir) throws IOException {
    pages = ReportGenerator.generate(ReportGeneratorTests.SAMPLE, dir.resolve("report"));
  }

  /** Runs Chromium headless on one page with extra arguments; returns its stdout. */
  private static String chromium(Path page, Path userData, String... args) throws IOException, InterruptedException {
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
      throw new AssertionError("chromium did not finish within 90 s on " + page);
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

  @Test
  void everyPageLoadsWithoutJavaScriptErrorsAndEveryChartDraws(@TempDir Path tmp) throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "/usr/bin/chromium is missing: apt-get install -y chromium");
    Path shots = Path.of("out/screenshots");
    Files.createDirectories(shots);
    List<String> problems = new ArrayList<>();
    int i = 0;
    for (Path page : pages) {
      String name = page.getFileName().toString();
      Map<String, String> data = bodyData(chromium(page, tmp.resolve("profile-" + i++), "--dump-dom"));
      boolean chartsExpected = !name.equals("index.html");
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
      if (chartsExpected && Integer.parseInt(data.getOrDefault("chart-count", "0")) == 0) {
        problems.add(name + ": no chart found");
      }
      Path shot = shots.resolve(name.replace(".html", ".png")).toAbsolutePath();
      chromium(page, tmp.resolve("profile-" + i++), "--window-size=1280,2400", "--screenshot=" + shot);
      if (!Files.isRegularFile(shot) || Files.size(shot) < 10_000) {
        problems.add(name + ": no screenshot");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theCheckCatchesAnUncaughtErrorAndAnEmptyChart(@TempDir Path tmp) throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "/usr/bin/chromium is missing: apt-get install -y chromium");
    String cost = Files.readString(pages.stream().filter(p -> p.endsWith("cost.html")).findFirst().orElseThrow());
    String broken = cost.replace("</main>",
        "<div class=\"chart\" id=\"empty\"></div><script>null.boom();</script></main>");
    Path page = tmp.resolve("broken.html");
    Files.writeString(page, broken);
    Map<String, String> data = bodyData(chromium(page, tmp.resolve("profile"), "--dump-dom"));
    assertThat(data.get("statelab-errors")).contains("null");
    assertThat(data.get("charts-ok")).isEqualTo("false");
    assertThat(data.get("chart-problems")).contains("empty");
  }
}
