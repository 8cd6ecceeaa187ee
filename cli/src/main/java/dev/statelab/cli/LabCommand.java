package dev.statelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statelab.chaos.ChaosExperiment;
import dev.statelab.chaos.ChaosReport;
import dev.statelab.chaos.ChaosSweep;
import dev.statelab.cost.CostBreakdown;
import dev.statelab.cost.CostModel;
import dev.statelab.cost.CostReports;
import dev.statelab.cost.PriceCatalogue;
import dev.statelab.cost.Services;
import dev.statelab.json.Json;
import dev.statelab.reports.BrowserCheck;
import dev.statelab.reports.ReportGenerator;
import dev.statelab.reports.data.ExecutionFiles;
import dev.statelab.scenarios.Scenario;
import dev.statelab.scenarios.ScenarioCatalog;
import dev.statelab.scenarios.ScenarioRuns;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code statelab lab [--full] [--seed N] [--executions N] [--no-bench] [--out DIR]}: the lab run.
 * Runs every scenario once as Standard and once as Express, prices both, sweeps the retry-storm
 * scenario over faults and retry policies, runs a benchmark pass, and writes the HTML report with
 * the data behind it ({@code DIR/data/*.json}); where Chromium is installed, opens every page in
 * it headless and fails on a JavaScript error or an empty chart (screenshots in {@code
 * DIR/screenshots}); prints a summary table and the report's path.
 *
 * <p>The default is the quick pass (short JMH iterations over a chosen subset of the suites,
 * about two minutes); {@code --full} runs every suite with its own iteration settings.
 */
final class LabCommand {

  static final List<String> FLAGS = List.of("--seed", "--out", "--executions");
  static final List<String> SWITCHES = List.of("--full", "--no-bench");

  /** The scenario swept for the chaos page. */
  static final String CHAOS_SCENARIO = "retry-storm";

  /** The suites and parameter values of the quick benchmark pass. */
  static final String QUICK_SUITES = "StateTypeThroughputBenchmark|ApiThroughputBenchmark|RetryBackoffBenchmark"
      + "|CostProjectionBenchmark|TransitionThroughputBenchmark.run$|DynamoDbBenchmark";
  static final List<String> QUICK_PARAMS = List.of(
      "-p", "stateType=PASS,TASK,CHOICE,MAP,PARALLEL", "-p", "faultRate=0.2", "-p", "policy=3x1s-b2",
      "-p", "scenario=" + CHAOS_SCENARIO);

  /** Monthly volumes the cost page projects over. */
  static final List<Long> VOLUMES = List.of(1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L);

  /** The volume each scenario's costs are stated at. */
  static final long EXECUTIONS_PER_MONTH = 1_000_000L;

  private final PrintStream out;
  private final PrintStream err;

  LabCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int execute(Arguments args) {
    if (!args.positional().isEmpty()) {
      throw new UsageException("takes no positional arguments");
    }
    long seed = ChaosCommand.number(args.option("--seed", "1"), "--seed");
    long executions = ChaosCommand.number(args.option("--executions", "100"), "--executions");
    if (executions < 1 || executions > 100_000) {
      throw new UsageException("--executions must be 1..100000, not " + executions);
    }
    Path home = Path.of(System.getProperty("statelab.home", "."));
    Path outDir = Path.of(args.option("--out", home.resolve("reports/out").toString())).toAbsolutePath();
    Path data = outDir.resolve("data");
    boolean bench = !args.has("--no-bench");
    boolean browser = BrowserCheck.available();
    int steps = (bench ? 5 : 4) + (browser ? 1 : 0);
    long started = System.nanoTime();
    try {
      Files.createDirectories(data.resolve("executions"));

      progress(1, steps, "scenarios: each run once as Standard and once as Express");
      List<ScenarioRuns.Measured> measured = runScenarios(seed, data);

      progress(2, steps, "cost: prices from the catalogue, projections over " + VOLUMES.size() + " volumes");
      ObjectNode cost = costJson(measured);
      write(data.resolve("cost.json"), cost);

      progress(3, steps, "chaos: " + CHAOS_SCENARIO + " over fault rates x retry policies, " + executions
          + " executions a cell");
      ChaosReport chaos = chaos(seed, (int) executions);
      write(data.resolve("chaos.json"), chaos.toJson());

      int benchExit = 0;
      if (bench) {
        progress(4, steps, args.has("--full") ? "benchmarks: every JMH suite (full settings)"
            : "benchmarks: quick JMH pass (" + QUICK_SUITES.replace("|", ", ") + ")");
        benchExit = benchmarks(data, args.has("--full"));
      }

      int reportStep = browser ? steps - 1 : steps;
      progress(reportStep, steps, "report: HTML pages from " + data);
      List<Path> pages = ReportGenerator.generate(data, outDir);
      List<String> pageProblems = List.of();
      if (browser) {
        progress(steps, steps, "check: every page in headless Chromium (JavaScript errors, empty charts), screenshots in "
            + outDir.resolve("screenshots"));
        Path work = Files.createTempDirectory("statelab-chromium");
        try {
          pageProblems = BrowserCheck.check(pages, work, outDir.resolve("screenshots"));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while checking the pages", e);
        }
        pageProblems.forEach(p -> err.println("statelab lab: " + p));
        out.printf(Locale.ROOT, "      %d pages, %s%n", pages.size(),
            pageProblems.isEmpty() ? "no JavaScript errors, every chart drawn" : pageProblems.size() + " problems");
      }
      summary(measured, cost, chaos);
      out.printf(Locale.ROOT, "%nReport: %s (%.0f s)%n", outDir.resolve("index.html"), (System.nanoTime() - started) / 1e9);
      if (benchExit != 0) {
        err.println("statelab lab: the benchmark pass failed (exit " + benchExit + "); the report has no benchmark page");
        return 1;
      }
      return failures(measured) == 0 && pageProblems.isEmpty() ? 0 : 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void progress(int step, int steps, String what) {
    out.printf(Locale.ROOT, "[%d/%d] %s%n", step, steps, what);
    out.flush();
  }

  private List<ScenarioRuns.Measured> runScenarios(long seed, Path data) throws IOException {
    CostModel prices = CostModel.of(PriceCatalogue.defaults());
    List<ScenarioRuns.Measured> all = new ArrayList<>();
    for (Scenario scenario : ScenarioCatalog.all()) {
      long t0 = System.nanoTime();
      ScenarioRuns.Measured m = ScenarioRuns.measure(scenario, seed);
      all.add(m);
      CostBreakdown standard = prices.price(m.standardUsage());
      ObjectNode runCost = Json.object();
      runCost.put("transitions", m.standard().transitions());
      runCost.put("standardCost", standard.total());
      if (m.comparable()) {
        runCost.put("expressCost", prices.price(m.usage().express()).total());
      } else {
        runCost.put("expressNotPossible", m.expressProblem());
      }
      ObjectNode byService = runCost.putObject("byService");
      standard.byService().forEach((service, amount) -> {
        if (!service.equals(Services.STEP_FUNCTIONS)) {
          byService.put(service, amount);
        }
      });
      write(data.resolve("executions").resolve(scenario.name() + ".json"),
          ExecutionFiles.toJson(scenario.name(), scenario.definition(), m.standard(), runCost));
      out.printf(Locale.ROOT, "      %-20s %-9s %4d transitions, %5.0f ms virtual (%.1f s)%n", scenario.name(),
          m.standard().status(), m.standard().transitions(), virtualMillis(m), (System.nanoTime() - t0) / 1e9);
    }
    return all;
  }

  private static double virtualMillis(ScenarioRuns.Measured m) {
    return m.standard().stopDate() == null ? Double.NaN
        : java.time.Duration.between(m.standard().startDate(), m.standard().stopDate()).toMillis();
  }

  private static ObjectNode costJson(List<ScenarioRuns.Measured> measured) {
    List<CostReports.Scenario> scenarios = measured.stream().filter(ScenarioRuns.Measured::comparable)
        .map(m -> new CostReports.Scenario(m.usage(), EXECUTIONS_PER_MONTH)).toList();
    ObjectNode cost = CostReports.toJson(PriceCatalogue.defaults(), scenarios);
    ArrayNode standardOnly = cost.putArray("standardOnly");
    CostModel prices = CostModel.of(PriceCatalogue.defaults());
    for (ScenarioRuns.Measured m : measured) {
      if (!m.comparable()) {
        ObjectNode s = standardOnly.addObject();
        s.put("name", m.scenario().name());
        s.put("executions", EXECUTIONS_PER_MONTH);
        s.put("standardTotalCost", CostBreakdown.usd(prices.price(m.standardUsage(), EXECUTIONS_PER_MONTH).total()));
        s.put("expressNotPossible", m.expressProblem());
      }
    }
    ArrayNode volumes = cost.putArray("volumes");
    VOLUMES.forEach(volumes::add);
    ArrayNode breakEven = cost.putArray("breakEven");
    for (JsonNode s : cost.get("scenarios")) {
      ObjectNode point = breakEven.addObject();
      point.put("scenario", s.get("name").asText());
      point.put("description", s.get("breakEvenReason").asText());
      point.set("value", s.get("breakEvenExecutions"));
      point.put("unit", "executions/month");
    }
    return cost;
  }

  private static ChaosReport chaos(long seed, int executions) {
    Scenario scenario = ScenarioCatalog.byName(CHAOS_SCENARIO).orElseThrow();
    ChaosSweep sweep = scenario.defaultSweep().withBaseSeed(seed).withExecutionsPerCell(executions);
    return ChaosExperiment.of(scenario, sweep).run();
  }

  private int benchmarks(Path data, boolean full) throws IOException {
    Path result = data.resolve("bench.json");
    if (Files.isRegularFile(result)) {
      Files.move(result, data.resolve("bench-previous.json"), StandardCopyOption.REPLACE_EXISTING);
    }
    write(data.resolve("machine.json"), machine());
    BenchCommand bench = new BenchCommand(out, err);
    return full ? bench.run(".*", false, result, List.of()) : bench.run(QUICK_SUITES, true, result, QUICK_PARAMS);
  }

  /** What the benchmark page says about the machine. */
  static ObjectNode machine() {
    ObjectNode m = Json.object();
    m.put("cpu", cpuModel());
    m.put("cores", Runtime.getRuntime().availableProcessors());
    long bytes = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize();
    m.put("memory", String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024)));
    m.put("javaVersion", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")");
    return m;
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not readable: the architecture is all we can say.
    }
    return System.getProperty("os.arch");
  }

  private void summary(List<ScenarioRuns.Measured> measured, ObjectNode cost, ChaosReport chaos) {
    out.println();
    out.printf(Locale.ROOT, "%-20s %-10s %11s %16s %16s  %s%n", "scenario", "status", "transitions",
        "Standard $/1M", "Express $/1M", "cheaper");
    for (JsonNode s : cost.get("scenarios")) {
      String name = s.get("name").asText();
      ScenarioRuns.Measured m = measured.stream().filter(x -> x.scenario().name().equals(name)).findFirst().orElseThrow();
      out.printf(Locale.ROOT, "%-20s %-10s %11d %16s %16s  %s%n", name, m.standard().status(),
          m.standard().transitions(), dollars(s.at("/standard/totalCost")), dollars(s.at("/express/totalCost")),
          s.get("cheaper").asText());
    }
    for (JsonNode s : cost.get("standardOnly")) {
      String name = s.get("name").asText();
      ScenarioRuns.Measured m = measured.stream().filter(x -> x.scenario().name().equals(name)).findFirst().orElseThrow();
      out.printf(Locale.ROOT, "%-20s %-10s %11d %16s %16s  %s%n", name, m.standard().status(),
          m.standard().transitions(), dollars(s.get("standardTotalCost")), "-", "STANDARD (Express cannot run it)");
    }
    double best = chaos.cells().stream().mapToDouble(c -> c.successRate()).max().orElse(0);
    out.printf(Locale.ROOT, "%nchaos (%s): %d cells, best success rate %.1f%%%n", chaos.workload(), chaos.cells().size(),
        best * 100);
  }

  private static String dollars(JsonNode amount) {
    return "$" + new java.math.BigDecimal(amount.asText()).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
  }

  private static long failures(List<ScenarioRuns.Measured> measured) {
    return measured.stream().filter(m -> m.standard().status() == dev.statelab.engine.ExecutionStatus.RUNNING).count();
  }

  private static void write(Path file, JsonNode json) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, Json.pretty(json));
  }
}
