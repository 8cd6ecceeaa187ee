package dev.statelab.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statelab.json.Json;
import dev.statelab.reports.data.BenchData;
import dev.statelab.reports.data.ChaosData;
import dev.statelab.reports.data.CostData;
import dev.statelab.reports.data.ExecutionData;
import dev.statelab.reports.view.Assets;
import dev.statelab.reports.view.BenchView;
import dev.statelab.reports.view.ChaosView;
import dev.statelab.reports.view.CostView;
import dev.statelab.reports.view.ExecutionView;
import dev.statelab.reports.view.Fmt;
import dev.statelab.reports.view.IndexView;
import dev.statelab.reports.view.Link;
import dev.statelab.reports.view.PageFrame;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Renders the lab's JSON data ({@code cost.json}, {@code executions/*.json}, {@code bench.json},
 * {@code machine.json}, {@code bench-previous.json}, {@code chaos.json}) into self-contained HTML
 * pages: {@code index.html}, {@code execution-<scenario>.html}, {@code bench.html},
 * {@code cost.html} and {@code chaos.html}. Absent inputs leave their page out.
 */
public final class ReportGenerator {

  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

  private final Path dataDir;
  private final Path outDir;
  private final Assets assets = Assets.load();
  private final List<Path> written = new ArrayList<>();

  private ReportGenerator(Path dataDir, Path outDir) {
    this.dataDir = dataDir;
    this.outDir = outDir;
  }

  /**
   * Renders every page the data folder has data for.
   *
   * @param dataDir the folder the lab run wrote (e.g. {@code reports/out/data})
   * @param outDir where the pages go (created when absent)
   * @return the pages written, index first
   */
  public static List<Path> generate(Path dataDir, Path outDir) throws IOException {
    return new ReportGenerator(dataDir, outDir).run();
  }

  /** {@code main [dataDir [outDir]]}; defaults {@code reports/out/data} and {@code reports/out}. */
  public static void main(String[] args) throws IOException {
    Path data = Path.of(args.length > 0 ? args[0] : "reports/out/data");
    Path out = Path.of(args.length > 1 ? args[1] : "reports/out");
    for (Path page : generate(data, out)) {
      System.out.println(page);
    }
  }

  private List<Path> run() throws IOException {
    Files.createDirectories(outDir);
    List<ExecutionData> runs = executions();
    boolean hasBench = Files.isRegularFile(dataDir.resolve("bench.json"));
    boolean hasCost = Files.isRegularFile(dataDir.resolve("cost.json"));
    boolean hasChaos = Files.isRegularFile(dataDir.resolve("chaos.json"));
    List<IndexView.ExecutionRow> rows = new ArrayList<>();
    List<IndexView.Section> sections = new ArrayList<>();
    List<Link> nav = new ArrayList<>();
    nav.add(new Link("Summary", "index.html", false));
    for (ExecutionData run : runs) {
      nav.add(new Link(run.scenario(), pageName(run.scenario()), false));
    }
    if (hasCost) {
      nav.add(new Link("Cost", "cost.html", false));
    }
    if (hasBench) {
      nav.add(new Link("Benchmarks", "bench.html", false));
    }
    if (hasChaos) {
      nav.add(new Link("Chaos", "chaos.html", false));
    }
    Path index = outDir.resolve("index.html");
    written.add(index);
    for (ExecutionData run : runs) {
      ExecutionView view = ExecutionView.of(run);
      String page = pageName(run.scenario());
      write(page, "execution.jte", frame("Execution " + run.scenario(), nav, page, false), view);
      rows.add(new IndexView.ExecutionRow(run.scenario(), page, run.type(), run.status(),
          Fmt.ms(run.durationMillis()), view.transitions(), view.bars().size(), view.incidents(),
          Fmt.usd(run.cost().standardCost()), Fmt.usd(run.cost().expressCost())));
    }
    if (hasCost) {
      CostView view = CostView.of(CostData.from(read("cost.json")));
      write("cost.html", "cost.jte", frame("Cost", nav, "cost.html", true), view);
      sections.add(new IndexView.Section("Cost", "cost.html", view.rows().size() + " scenarios, "
          + view.data().volumes().size() + " volume points"));
    } else {
      sections.add(new IndexView.Section("Cost", "", "no cost.json"));
    }
    if (hasBench) {
      Path machine = dataDir.resolve("machine.json");
      Path previous = dataDir.resolve("bench-previous.json");
      BenchData data = new BenchData(BenchData.results(read("bench.json")),
          Files.isRegularFile(previous) ? BenchData.results(read("bench-previous.json")) : List.of(),
          BenchData.Machine.from(Files.isRegularFile(machine) ? read("machine.json") : Json.object()));
      BenchView view = BenchView.of(data);
      write("bench.html", "bench.jte", frame("Benchmarks", nav, "bench.html", true), view);
      sections.add(new IndexView.Section("Benchmarks", "bench.html", data.results().size() + " results"
          + (data.previous().isEmpty() ? "" : ", compared with " + data.previous().size() + " earlier results")));
    } else {
      sections.add(new IndexView.Section("Benchmarks", "", "no bench.json"));
    }
    if (hasChaos) {
      ChaosView view = ChaosView.of(ChaosData.from(read("chaos.json")));
      write("chaos.html", "chaos.jte", frame("Chaos", nav, "chaos.html", true), view);
      sections.add(new IndexView.Section("Chaos", "chaos.html", view.cellCount() + " cells, " + view.seeds() + " seed(s)"));
    } else {
      sections.add(new IndexView.Section("Chaos", "", "no chaos.json"));
    }
    IndexView index0 = new IndexView(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), dataDir.toString(),
        rows, sections);
    render(index, "index.jte", frame("Summary", nav, "index.html", false), index0);
    return List.copyOf(written);
  }

  /** The page file of a scenario: {@code execution-<name>.html} with unsafe characters replaced. */
  static String pageName(String scenario) {
    return "execution-" + scenario.replaceAll("[^A-Za-z0-9._-]", "_") + ".html";
  }

  private List<ExecutionData> executions() throws IOException {
    Path dir = dataDir.resolve("executions");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> sorted = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      List<ExecutionData> out = new ArrayList<>();
      for (Path f : sorted) {
        String name = f.getFileName().toString().replaceFirst("\\.json$", "");
        out.add(ExecutionData.from(Json.parse(Files.readString(f)), name));
      }
      return out;
    }
  }

  private JsonNode read(String file) throws IOException {
    return Json.parse(Files.readString(dataDir.resolve(file)));
  }

  private PageFrame frame(String title, List<Link> nav, String page, boolean charts) {
    List<Link> marked = nav.stream().map(l -> new Link(l.label(), l.href(), l.href().equals(page))).toList();
    return new PageFrame(title, marked, assets, charts);
  }

  private void write(String page, String template, PageFrame frame, Object view) {
    Path file = outDir.resolve(page);
    render(file, template, frame, view);
    written.add(file);
  }

  private void render(Path file, String template, PageFrame frame, Object view) {
    StringOutput out = new StringOutput();
    ENGINE.render(template, Map.of("frame", frame, "view", view), out);
    try {
      Files.writeString(file, out.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
