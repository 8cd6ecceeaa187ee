package dev.statelab.reports.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The CSS and scripts inlined into every page, read once from the classpath: the report's own
 * files and uPlot from its webjar, so that a page needs no network when opened.
 *
 * @param css the report's stylesheet
 * @param checkJs the error and chart check script
 * @param chartsJs the chart helpers
 * @param uplotCss uPlot's stylesheet
 * @param uplotJs uPlot's IIFE build
 */
public record Assets(String css, String checkJs, String chartsJs, String uplotCss, String uplotJs) {

  /** The uPlot version inlined (the webjar's). */
  public static final String UPLOT_VERSION = "1.6.30";

  private static final String UPLOT = "/META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/";

  /** Loads the assets from the classpath. */
  public static Assets load() {
    return new Assets(read("/dev/statelab/reports/report.css"), read("/dev/statelab/reports/report-check.js"),
        read("/dev/statelab/reports/charts.js"), read(UPLOT + "uPlot.min.css"), read(UPLOT + "uPlot.iife.min.js"));
  }

  private static String read(String resource) {
    try (InputStream in = Assets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
