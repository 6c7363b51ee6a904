package org.trialsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** Writes docs/benchmarks.md and its plots from the results the campaign left under its work folder. */
final class Report {

  /** Systems in the order the tables list them, with the names the report gives them. */
  static final Map<String, String> SYSTEMS = names();

  private final Path work;
  private final List<String> sizes;
  private final StringBuilder out = new StringBuilder();

  private Report(Path work, List<String> sizes) {
    this.work = work;
    this.sizes = sizes;
  }

  static void write(Path work, List<String> sizes, Path file) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Report report = new Report(work, sizes);
    Files.createDirectories(file.toAbsolutePath().getParent());
    report.plots(file.toAbsolutePath().getParent());
    Files.writeString(file, report.markdown());
  }

  private static Map<String, String> names() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put("trialsearch", "trialsearch (HTTP)");
    names.put("in-process", "in-process limit");
    names.put("solr", "Solr 9.10.1");
    names.put("postgres", "PostgreSQL 15");
    names.put("sqlite", "SQLite FTS5");
    return names;
  }

  private JsonNode result(String size, String system, String stage) {
    Path file = work.resolve(size).resolve(system).resolve(stage + ".json");
    try {
      return Files.exists(file) ? Campaign.JSON.readTree(file.toFile()) : null;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private double throughput(String size, String system, int clients) {
    JsonNode measured = result(size, system, "measure");
    return measured == null ? Double.NaN : measured.path("throughput").path(String.valueOf(clients)).path("perSecond").asDouble(Double.NaN);
  }

  private String markdown() throws Exception {
    line("# Benchmarks: trialsearch against Solr, PostgreSQL and SQLite FTS5");
    line("");
    line("Written by the benchmark (`mvn -q -B -Pbench package -DskipTests exec:exec@benchmark`, see the README) on " + LocalDate.now()
        + ", from one build (commit `" + commit() + "`) on one machine; every system of a corpus size was measured in the same sitting.");
    line("");
    machine();
    method();
    settings();
    summary();
    slower();
    for (String size : sizes) section(size);
    return out.toString();
  }

  private void machine() throws Exception {
    line("## Machine");
    line("");
    line("| | |");
    line("|---|---|");
    line("| CPU | " + cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores |");
    line("| memory | " + memory() + " |");
    line("| JDK | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + " (every JVM of the run) |");
    line("| OS | " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " |");
    line("| trialsearch | Lucene 10.6.0, Javalin 7.2.3 |");
    line("| Solr | 9.10.1 (Lucene 9.12), `JettySolrRunner` from solr-test-framework |");
    line("| PostgreSQL | " + Processes.run(List.of("/usr/lib/postgresql/15/bin/postgres", "--version")).strip() + " |");
    try (var c = DriverManager.getConnection("jdbc:sqlite::memory:"); var rows = c.createStatement().executeQuery("select sqlite_version()")) {
      line("| SQLite | " + (rows.next() ? rows.getString(1) : "?") + " (xerial sqlite-jdbc) |");
    }
    line("");
  }

  private void method() {
    line("## What was measured");
    line("");
    line("""
        - **Corpora.** `shared` is every trial this project makes of the shared corpus (all its formats, merged). `100k` and
          `500k` are **synthetic, for scale only**: each trial recombines the title and summary of one real trial, the
          conditions of a second, the interventions of a third, the eligibility of a fourth and the design, status, sponsor
          and sites of a fifth, under a new id (`NCT9…`), so each field keeps its real distribution. Every corpus is written as
          ClinicalTrials.gov API v2 study files, which this project indexes with its own `index` command; the peers receive the
          records this project reads back from those files (the same text fields, facet values, age limits and autocomplete
          values), so every system holds the same data.
        - **Workload** (`src/bench/resources/bench/`, committed): 550 searches drawn from the shared corpus's vocabulary: single
          words (`word`), two words (`words`), phrases (`phrase`), criteria queries (`fielded`: `inclusion:`, `exclusion:`,
          negations), words with antigen/phase/status/country/age filters (`filtered`) and filters alone (`browse`). Each asks,
          as the web page does, for the top 10 with snippets and the counts of all 13 facet dimensions, each dimension counted
          without its own filter. 1,000 autocomplete prefixes.
        - **Systems**, each started by the benchmark on loopback: trialsearch's `serve` (own JVM, HTTP); the *in-process
          limit*, the same search service called in the benchmark's JVM with no HTTP or JSON; Solr (own JVM, HTTP; edismax,
          `fq` tagged and excluded per facet, `facet.field`, unified highlighter; query result cache off so that repeated
          searches are searched again); PostgreSQL (scratch cluster, JDBC over TCP; stored weighted `tsvector` + GIN,
          `websearch_to_tsquery`, `ts_rank`, `ts_headline` on the top 10, `GROUP BY` over `unnest` of facet arrays); SQLite
          (embedded, one connection per client; external-content FTS5 table, `bm25()`, `snippet()`, `GROUP BY` over a facet
          table). Both JVM servers get a fixed 4 GB heap (`-Xms4g -Xmx4g`, as Solr's start script fixes it); PostgreSQL
          `shared_buffers = 4GB`.
        - **Figures**: each the median of the rounds, after a warm-up at 16 clients. Latency: one client sending the searches in turn, in
          one shuffled order; a round stops after 60 s, so the slowest systems on the large corpora are timed on a sample
          of the workload (every kind represented) rather than all of it.
          Throughput: a closed loop of 1, 4 and 16 clients for a fixed time (the load generator shares the machine's cores).
          Memory: proportional set size of the server's processes (none for the embedded and in-process ones) and JVM heap
          after a full collection, after the load. Cold start: from launching the server on a built index to its first answer.
          Ratios are trialsearch's figure over the other's: above 1, trialsearch is faster.
        - **Rankings differ** between engines by design (BM25 in Lucene and FTS5, `ts_rank` in PostgreSQL; stemming: KStem,
          Snowball, Porter). The CI run of the harness (`PeerAgreementTest`) checks on the shared corpus that every system
          finds the same trials and the same facet counts for a set of boolean queries and filters.
        """);
  }

  /** How long each system was warmed and measured, as its measurement recorded it: a figure means little without them. */
  private void settings() {
    Set<String> seen = new LinkedHashSet<>();
    for (String size : sizes) {
      for (String system : SYSTEMS.keySet()) {
        JsonNode measured = result(size, system, "measure");
        if (measured == null || !measured.has("settings")) continue;
        JsonNode settings = measured.path("settings");
        seen.add(String.format(Locale.ROOT, "warm-up %d s at %d clients; %d rounds per figure; throughput rounds of %d s",
            settings.path("warmUpSeconds").asInt(), settings.path("warmUpClients").asInt(), settings.path("rounds").asInt(),
            settings.path("roundSeconds").asInt()));
      }
    }
    line("Settings of this run: " + (seen.isEmpty() ? "not recorded" : String.join(". Also: ", seen)) + ".");
    line("");
  }

  private void summary() throws IOException {
    line("## Summary: throughput at 16 clients");
    line("");
    line("| corpus | trialsearch searches/s | × Solr | × PostgreSQL | × SQLite | share of the in-process limit |");
    line("|---|---:|---:|---:|---:|---:|");
    for (String size : sizes) {
      double ours = throughput(size, "trialsearch", 16);
      line("| " + size + " (" + trials(size) + " trials) | " + num(ours) + " | " + ratio(ours, throughput(size, "solr", 16)) + " | "
          + ratio(ours, throughput(size, "postgres", 16)) + " | " + ratio(ours, throughput(size, "sqlite", 16)) + " | "
          + percent(ours / throughput(size, "in-process", 16)) + " |");
    }
    line("");
    line("![Throughput at 16 clients](benchmarks-throughput.png)");
    line("");
    line("![Latency p99, one client](benchmarks-latency.png)");
    line("");
  }

  /** Every corpus and query kind where a peer's median single-client latency beat trialsearch's over HTTP. */
  private void slower() {
    line("## Where a peer answered faster");
    line("");
    List<String> rows = new ArrayList<>();
    for (String size : sizes) {
      JsonNode ours = result(size, "trialsearch", "measure");
      if (ours == null) continue;
      for (String system : List.of("solr", "postgres", "sqlite")) {
        JsonNode theirs = result(size, system, "measure");
        if (theirs == null) continue;
        for (String kind : Workload.KINDS) {
          double our = ours.path("latency").path(kind).path("p50").asDouble();
          double their = theirs.path("latency").path(kind).path("p50").asDouble();
          if (their < our) rows.add("| " + size + " | " + kind + " | " + SYSTEMS.get(system) + " | " + num(their) + " | " + num(our) + " |");
        }
      }
    }
    if (rows.isEmpty()) {
      line("No peer answered any query kind faster (median latency of one client) on any corpus.");
    } else {
      line("Median latency of one client, ms; the README's section on benchmarks says why.");
      line("");
      line("| corpus | query kind | peer | peer p50 | trialsearch p50 |");
      line("|---|---|---|---:|---:|");
      rows.forEach(this::line);
    }
    line("");
  }

  private String trials(String size) {
    JsonNode build = result(size, "trialsearch", "build");
    return build == null ? "?" : String.format(Locale.ROOT, "%,d", build.path("trials").asLong());
  }

  private void section(String size) {
    line("## Corpus " + size + " (" + trials(size) + " trials)");
    line("");
    line("### Index build");
    line("");
    line("| system | seconds | trialsearch's time ÷ this | on disk |");
    line("|---|---:|---:|---:|");
    JsonNode ourBuild = result(size, "trialsearch", "build");
    for (String system : SYSTEMS.keySet()) {
      JsonNode build = result(size, system, "build");
      if (build == null) continue;
      double s = build.path("seconds").asDouble();
      line("| " + SYSTEMS.get(system) + " | " + num(s) + " | " + (ourBuild == null ? "—" : num(ourBuild.path("seconds").asDouble() / s)) + " | "
          + mib(build.path("diskBytes").asLong()) + " |");
    }
    line("");
    line("### Throughput, searches per second (HTTP or JDBC on loopback)");
    line("");
    line("| system | 1 client | 4 clients | 16 clients | trialsearch ÷ this at 16 | errors |");
    line("|---|---:|---:|---:|---:|---:|");
    double ours = throughput(size, "trialsearch", 16);
    for (String system : SYSTEMS.keySet()) {
      JsonNode measured = result(size, system, "measure");
      if (measured == null) continue;
      long errors = 0;
      for (JsonNode t : measured.path("throughput")) errors += t.path("errors").asLong();
      line("| " + SYSTEMS.get(system) + " | " + num(throughput(size, system, 1)) + " | " + num(throughput(size, system, 4)) + " | "
          + num(throughput(size, system, 16)) + " | " + ratio(ours, throughput(size, system, 16)) + " | " + errors + " |");
    }
    line("");
    line("### Latency of one client, ms (p50 / p99)");
    line("");
    List<String> present = new ArrayList<>(SYSTEMS.keySet().stream().filter(s -> result(size, s, "measure") != null).toList());
    line("| query kind | " + String.join(" | ", present.stream().map(SYSTEMS::get).toList()) + " |");
    line("|---|" + "---:|".repeat(present.size()));
    List<String> kinds = new ArrayList<>(Workload.KINDS);
    kinds.add("all");
    for (String kind : kinds) {
      StringBuilder row = new StringBuilder("| " + kind + " |");
      for (String system : present) {
        JsonNode l = result(size, system, "measure").path("latency").path(kind);
        row.append(' ').append(num(l.path("p50").asDouble(Double.NaN))).append(" / ").append(num(l.path("p99").asDouble(Double.NaN))).append(" |");
      }
      line(row.toString());
    }
    line("");
    line("### Autocomplete, memory, cold start");
    line("");
    line("| system | autocomplete p50 ms | p99 ms | resident after load | heap after full GC | cold start to first answer |");
    line("|---|---:|---:|---:|---:|---:|");
    for (String system : present) {
      JsonNode m = result(size, system, "measure");
      JsonNode memory = m.path("memory");
      line("| " + SYSTEMS.get(system) + " | " + num(m.path("autocomplete").path("p50").asDouble()) + " | "
          + num(m.path("autocomplete").path("p99").asDouble()) + " | "
          + (memory.isNull() || memory.isMissingNode() ? "— (in the client)" : mib(memory.path("residentBytes").asLong())) + " | "
          + (memory.path("heapBytes").isNumber() ? mib(memory.path("heapBytes").asLong()) : "—") + " | "
          + num(m.path("coldStartMs").asDouble() / 1000) + " s |");
    }
    line("");
  }

  private void plots(Path dir) throws IOException {
    DefaultCategoryDataset throughput = new DefaultCategoryDataset();
    DefaultCategoryDataset latency = new DefaultCategoryDataset();
    for (String size : sizes) {
      for (String system : SYSTEMS.keySet()) {
        double t = throughput(size, system, 16);
        if (!Double.isNaN(t)) throughput.addValue(t, SYSTEMS.get(system), size);
        JsonNode m = result(size, system, "measure");
        if (m != null) latency.addValue(m.path("latency").path("all").path("p99").asDouble(), SYSTEMS.get(system), size);
      }
    }
    save(chart("Searches per second at 16 clients (log scale)", "searches/s", throughput), dir.resolve("benchmarks-throughput.png"));
    save(chart("Latency p99 of one client, all searches (log scale)", "ms", latency), dir.resolve("benchmarks-latency.png"));
  }

  private static JFreeChart chart(String title, String unit, DefaultCategoryDataset data) {
    JFreeChart chart = ChartFactory.createBarChart(title, "corpus", unit, data, PlotOrientation.VERTICAL, true, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    LogAxis axis = new LogAxis(unit);
    axis.setSmallestValue(0.1);
    plot.setRangeAxis(axis);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static void save(JFreeChart chart, Path file) throws IOException {
    ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 420);
  }

  private static String cpu() throws IOException {
    return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
        .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
  }

  private static String memory() throws IOException {
    return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
        .map(l -> Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0) + " GiB").findFirst().orElse("?");
  }

  private static String commit() {
    try {
      return Processes.run(List.of("git", "rev-parse", "--short", "HEAD")).strip();
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static String ratio(double ours, double theirs) {
    return Double.isNaN(ours) || Double.isNaN(theirs) || theirs == 0 ? "—" : num(ours / theirs) + "×";
  }

  private static String percent(double share) {
    return Double.isNaN(share) ? "—" : Math.round(share * 100) + " %";
  }

  private static String num(double value) {
    if (Double.isNaN(value)) return "—";
    if (value >= 100) return String.format(Locale.ROOT, "%,.0f", value);
    if (value >= 10) return String.format(Locale.ROOT, "%.1f", value);
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,.0f MiB", bytes / 1024.0 / 1024.0);
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
