package org.trialsearch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.trialsearch.config.ConfigSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The comparison, in resumable stages whose results stay on disk under the work folder: for each
 * corpus size, the corpus; each system's index build; each system's measurements (all systems of a
 * size in one sitting); then the report. A stage whose result file exists is not run again, so a
 * long campaign can be stopped and started again; delete a result file to run its stage anew.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
    description = "Compares trialsearch with Solr, PostgreSQL and SQLite FTS5 on the same corpus and workload, and writes the report.")
public final class Campaign implements Callable<Integer> {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  static final List<Integer> CLIENTS = List.of(1, 4, 16);
  static final String SHARED = "shared";

  @Option(names = "--sizes", split = ",", defaultValue = "shared,100k,500k",
      description = "Corpora: 'shared' (the shared corpus, merged) and synthetic sizes such as 100k (default: ${DEFAULT-VALUE}).")
  List<String> sizes;

  @Option(names = "--systems", split = ",", defaultValue = "trialsearch,in-process,solr,postgres,sqlite",
      description = "Systems to run (default: ${DEFAULT-VALUE}).")
  List<String> systems;

  @Option(names = "--work", defaultValue = "bench-work", description = "Folder for corpora, indexes and results (default: ${DEFAULT-VALUE}).")
  Path work;

  @Option(names = "--corpus", defaultValue = "../shared/corpus", description = "The shared corpus (default: ${DEFAULT-VALUE}).")
  Path shared;

  @Option(names = "--seconds", defaultValue = "20", description = "Length of each throughput round (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--rounds", defaultValue = "3", description = "Rounds of each measurement; figures are their median (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--warm-up-seconds", defaultValue = "90",
      description = "Warm-up before measuring, at the most clients measured (default: ${DEFAULT-VALUE}).")
  int warmUp;

  @Option(names = "--report", defaultValue = "docs/benchmarks.md", description = "Report to write (default: ${DEFAULT-VALUE}).")
  Path report;

  @Option(names = "--stages", split = ",", defaultValue = "corpus,build,measure,report",
      description = "Stages to run, so that a long campaign can be spread over sittings (default: ${DEFAULT-VALUE}).")
  List<String> stages;

  @Option(names = "--make-workload", description = "Draw the workload from the shared corpus into src/bench/resources/bench and stop.")
  boolean makeWorkload;

  private final ConfigSource config = ConfigSource.folder(Path.of("index-config"));
  private List<org.trialsearch.model.Trial> realTrials;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Campaign()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (makeWorkload) {
      WorkloadMaker.write(corpus(SHARED).records(), Path.of("src", "bench", "resources"));
      log("workload written to src/bench/resources/bench");
      return 0;
    }
    Workload workload = Workload.load();
    for (String size : sizes) {
      if (!stages.contains("corpus") && !stages.contains("build") && !stages.contains("measure")) break;
      Engine.Corpus corpus = corpus(size);
      if (stages.contains("build")) for (String system : systems) build(size, corpus, system);
      if (stages.contains("measure")) for (String system : systems) measure(size, system, workload);
    }
    if (stages.contains("report")) {
      Report.write(work, sizes, report);
      log("report written to " + report);
    }
    return 0;
  }

  /** The corpus stage: the shared corpus merged, or a synthetic one drawn from it. */
  Engine.Corpus corpus(String size) throws IOException {
    Path dir = work.resolve(size).resolve("corpus");
    Engine.Corpus corpus = new Engine.Corpus(size, dir.resolve("v2"), dir.resolve("records.jsonl"));
    if (Files.exists(dir.resolve("done"))) return corpus;
    log(size + ": writing the corpus");
    if (Files.exists(dir)) org.trialsearch.index.IndexFolder.deleteTree(dir);
    Files.createDirectories(dir);
    CorpusMaker maker = new CorpusMaker(config);
    if (realTrials == null) realTrials = maker.realTrials(List.of(shared), dir); // every corpus draws from them: read once a run
    maker.write(realTrials, size.equals(SHARED) ? CorpusMaker.REAL : trials(size), 42, dir);
    Files.writeString(dir.resolve("done"), "");
    return corpus;
  }

  static int trials(String size) {
    String digits = size.toLowerCase();
    int factor = digits.endsWith("k") ? 1_000 : 1;
    return Integer.parseInt(digits.replace("k", "")) * factor;
  }

  void build(String size, Engine.Corpus corpus, String system) throws Exception {
    Path result = work.resolve(size).resolve(system).resolve("build.json");
    if (Files.exists(result) || system.equals("in-process")) return;
    Path dir = work.resolve(size).resolve(system).resolve("data");
    if (Files.exists(dir)) org.trialsearch.index.IndexFolder.deleteTree(dir);
    Files.createDirectories(dir);
    log(size + ": building " + system);
    try (Engine engine = engine(system)) {
      Duration took = engine.build(corpus, dir);
      Map<String, Object> build = new LinkedHashMap<>();
      build.put("seconds", took.toMillis() / 1000.0);
      build.put("diskBytes", diskBytes(dir));
      build.put("trials", lines(corpus.records()));
      JSON.writeValue(result.toFile(), build);
      log(size + ": " + system + " built in " + took.toSeconds() + " s");
    }
  }

  /** How a measurement was taken, kept with its figures. */
  record Settings(int warmUpSeconds, int warmUpClients, int rounds, int roundSeconds) {}

  /** All measurements of one system on one corpus, from a cold start. */
  private void measure(String size, String system, Workload workload) throws Exception {
    Path result = work.resolve(size).resolve(system).resolve("measure.json");
    if (Files.exists(result)) return;
    Path dir = dataDir(size, system);
    log(size + ": measuring " + system);
    Measurements.FAILURES.clear();
    Map<String, Object> measured = new LinkedHashMap<>();
    measured.put("settings", new Settings(warmUp, CLIENTS.getLast(), rounds, seconds));
    try (Engine engine = engine(system)) {
      long start = System.nanoTime();
      engine.start(dir);
      engine.search(workload.queries().get(0));
      measured.put("coldStartMs", (System.nanoTime() - start) / 1e6);
      Measurements.warmUp(workload.queries(), engine::search, CLIENTS.getLast(), Duration.ofSeconds(warmUp));
      measured.put("latency", Measurements.latencyByKind(workload.queries(), engine::search, rounds));
      Map<Integer, Measurements.Throughput> throughput = new LinkedHashMap<>();
      for (int clients : CLIENTS) {
        throughput.put(clients, Measurements.throughput(workload.queries(), engine::search, clients, Duration.ofSeconds(seconds), rounds));
        log(size + ": " + system + " at " + clients + " clients: " + Math.round(throughput.get(clients).perSecond()) + " searches/s");
      }
      measured.put("throughput", throughput);
      Measurements.warmUp(workload.prefixes(), engine::suggest, 1, Duration.ofSeconds(Math.min(5, warmUp)));
      measured.put("autocomplete", Measurements.latency(workload.prefixes(), engine::suggest, rounds));
      measured.put("memory", engine.memory());
    }
    measured.put("failures", List.copyOf(Measurements.FAILURES));
    Files.createDirectories(result.getParent());
    Measurements.FAILURES.forEach(f -> log("  failure: " + f));
    JSON.writeValue(result.toFile(), measured);
  }

  /** Where a system's index of a corpus lives; the in-process limit reads trialsearch's. */
  Path dataDir(String size, String system) {
    return work.resolve(size).resolve(system.equals("in-process") ? "trialsearch" : system).resolve("data");
  }

  Engine engine(String system) throws IOException, InterruptedException {
    return switch (system) {
      case "trialsearch" -> new TrialsearchEngine();
      case "in-process" -> new InProcessEngine(config);
      case "solr" -> new SolrEngine(SolrEngine.module());
      case "postgres" -> new PostgresEngine();
      case "sqlite" -> new SqliteEngine();
      default -> throw new CommandLine.ParameterException(new CommandLine(this), "unknown system: " + system);
    };
  }

  private static long diskBytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static long lines(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    }
  }

  static void log(String message) {
    System.out.println(java.time.LocalTime.now().withNano(0) + " " + message);
  }
}
