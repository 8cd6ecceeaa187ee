package dev.statelab.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens every page of the sample report in headless Chromium. Each page records JavaScript errors
 * and whether each chart drew something into data attributes of its body (report-check.js); the
 * DOM dumped after load is read here. Screenshots go to {@code out/screenshots/}.
 */
class BrowserTests {

  static List<Path> pages;

  @BeforeAll
  static void render(@TempDir Path dir) throws IOException {
    pages = ReportGenerator.generate(ReportGeneratorTests.SAMPLE, dir.resolve("report"));
  }

  @Test
  void everyPageLoadsWithoutJavaScriptErrorsAndEveryChartDraws(@TempDir Path tmp) throws Exception {
    assumeTrue(BrowserCheck.available(), "/usr/bin/chromium is missing: apt-get install -y chromium");

    List<String> problems = BrowserCheck.check(pages, tmp, Path.of("out/screenshots"));

    assertThat(problems).isEmpty();
  }

  @Test
  void theCheckCatchesAnUncaughtErrorAndAnEmptyChart(@TempDir Path tmp) throws Exception {
    assumeTrue(BrowserCheck.available(), "/usr/bin/chromium is missing: apt-get install -y chromium");
    String cost = Files.readString(pages.stream().filter(p -> p.endsWith("cost.html")).findFirst().orElseThrow());
    String broken = cost.replace("</main>",
        "<div class=\"chart\" id=\"empty\"></div><script>null.boom();</script></main>");
    Path page = tmp.resolve("broken.html");
    Files.writeString(page, broken);

    Map<String, String> data = BrowserCheck.pageData(page, tmp.resolve("profile"));

    assertThat(data.get("statelab-errors")).contains("null");
    assertThat(data.get("charts-ok")).isEqualTo("false");
    assertThat(data.get("chart-problems")).contains("empty");
    assertThat(BrowserCheck.check(List.of(page), tmp.resolve("again"), null)).anyMatch(p -> p.contains("JavaScript errors"));
  }
}
