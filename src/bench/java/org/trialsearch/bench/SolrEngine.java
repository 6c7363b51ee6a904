package org.trialsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.trialsearch.index.Fields;

/**
 * Apache Solr 9 ({@code src/bench/solr}, Lucene 9) in a JVM of its own, over HTTP: records sent as
 * JSON to the update handler, searches through edismax with every clause required, filters tagged
 * and excluded from their own facet (multi-select faceting), {@code facet.field} counts, and the
 * unified highlighter.
 */
final class SolrEngine implements Engine {

  static final String NAME = "Solr 9.10";
  private static final Path MODULE = Path.of("src", "bench", "solr");
  private static final int BATCH = 1_000;
  private static final String SNIPPET_FIELDS = "inclusion,exclusion,criteria,title,condition,intervention,keyword,summary";

  private static String classpath;

  private final String nodeClasspath;
  private Process node;
  private HttpJson http;

  /** @param classpath the Solr node's classpath, from {@link #module()} */
  SolrEngine(String classpath) {
    this.nodeClasspath = classpath;
  }

  /** Builds the Solr module (once per JVM, so its configuration is current) and answers its classpath. */
  static synchronized String module() throws IOException, InterruptedException {
    if (classpath == null) {
      Processes.run(List.of("mvn", "-q", "-B", "-f", MODULE.resolve("pom.xml").toString(), "package"));
      classpath = MODULE.resolve("target/classes") + ":" + Files.readString(MODULE.resolve("target/classpath.txt")).strip();
    }
    return classpath;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Duration build(Corpus corpus, Path dir) throws Exception {
    start(dir);
    long start = System.nanoTime();
    List<ObjectNode> batch = new ArrayList<>();
    Map<List<String>, Integer> suggestions = new LinkedHashMap<>();
    CorpusMaker.forEachRecord(corpus.records(), record -> {
      batch.add(document(record));
      Suggest.count(record, suggestions);
      if (batch.size() == BATCH) send("/solr/trials/update", batch);
    });
    send("/solr/trials/update", batch);
    // merged into one segment, as the reference guide allows for an index built once; trialsearch's build does the same
    http.get("/solr/trials/update?commit=true&optimize=true&maxSegments=1");
    int id = 0;
    for (Map.Entry<List<String>, Integer> entry : suggestions.entrySet()) {
      ObjectNode doc = HttpJson.JSON.createObjectNode().put("id", String.valueOf(++id)).put("kind", entry.getKey().get(0))
          .put("value", entry.getKey().get(1)).put("words", entry.getKey().get(1)).put("trials", entry.getValue());
      batch.add(doc);
      if (batch.size() == BATCH) send("/solr/suggest/update", batch);
    }
    send("/solr/suggest/update", batch);
    http.get("/solr/suggest/update?commit=true");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    close();
    return took;
  }

  private void send(String path, List<ObjectNode> batch) {
    if (batch.isEmpty()) return;
    ArrayNode array = HttpJson.JSON.createArrayNode().addAll(batch);
    try {
      http.post(path, "application/json", HttpJson.JSON.writeValueAsBytes(array));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    batch.clear();
  }

  private static ObjectNode document(BenchRecord record) {
    ObjectNode doc = HttpJson.JSON.createObjectNode().put("id", record.id());
    ArrayNode ids = doc.putArray("ids");
    for (String id : record.text(Fields.ID).split("\n\n")) ids.add(id);
    for (String field : Fields.TEXT_FIELDS) {
      if (!field.equals(Fields.ID) && !record.text(field).isEmpty()) doc.put(field, record.text(field));
    }
    record.facets().forEach((dim, values) -> {
      ArrayNode array = doc.putArray("f_" + dim);
      values.forEach(array::add);
    });
    if (record.minAge() != null) doc.put("min_age", record.minAge()).put("max_age", record.maxAge());
    return doc;
  }

  @Override
  public void start(Path dir) throws Exception {
    Path home = Files.createDirectories(dir.resolve("solr-home"));
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
    command.addAll(TrialsearchEngine.HEAP);
    command.addAll(List.of("-Dsolr.log.dir=" + home.resolve("logs"), "-cp", nodeClasspath, "org.trialsearch.peer.SolrNode", home.toString(), "0"));
    node = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Path log = home.resolve("node.log");
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
          var out = Files.newBufferedWriter(log)) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.startsWith("Solr listening on ")) port.complete(Integer.parseInt(line.substring(18).strip()));
          out.write(line);
          out.newLine();
        }
        port.completeExceptionally(new IOException("Solr stopped before it served; see " + log));
      } catch (IOException e) {
        port.completeExceptionally(e);
      }
    }, "solr-output");
    reader.setDaemon(true);
    reader.start();
    http = new HttpJson("http://127.0.0.1:" + port.get(5, TimeUnit.MINUTES));
  }

  @Override
  public int search(BenchQuery query) throws Exception {
    String params = params(query) + "&rows=10&fl=id,title,f_status,f_phase,f_antigen,f_country,f_age_group,min_age,max_age,"
        + "condition,sponsor,f_start_year,score&hl=true&hl.method=unified&hl.fl=" + SNIPPET_FIELDS
        + "&hl.tag.pre=%3Cmark%3E&hl.tag.post=%3C%2Fmark%3E&hl.snippets=2";
    return http.get("/solr/trials/select?" + params).length;
  }

  @Override
  public Matching matching(BenchQuery query) throws Exception {
    JsonNode answer = http.getJson("/solr/trials/select?" + params(query) + "&rows=10000000&fl=id");
    Set<String> ids = new HashSet<>();
    answer.path("response").path("docs").forEach(doc -> ids.add(doc.path("id").asText()));
    Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
    answer.path("facet_counts").path("facet_fields").fields().forEachRemaining(dim -> {
      Map<String, Long> counts = new LinkedHashMap<>();
      JsonNode pairs = dim.getValue();
      for (int i = 0; i + 1 < pairs.size(); i += 2) counts.put(pairs.get(i).asText(), pairs.get(i + 1).asLong());
      facets.put(dim.getKey().substring(2), counts);
    });
    return new Matching(ids, facets);
  }

  /** The query, its filters and the facets, as Solr parameters. */
  private static String params(BenchQuery query) {
    List<String> params = new ArrayList<>();
    String q = query.clauses().stream().map(SolrEngine::clause).collect(Collectors.joining(" "));
    if (q.isEmpty()) {
      params.add("q=*:*");
    } else {
      params.add("defType=edismax");
      params.add("q.op=AND");
      params.add("sow=true"); // each word across all fields, as the other systems read it
      params.add("qf=" + enc("ids^5 title^4 condition^3 intervention^3 keyword^2 summary^1.5 sponsor criteria"));
      params.add("q=" + enc(q));
    }
    query.filters().forEach((dim, values) ->
        params.add("fq=" + enc("{!terms f=f_" + dim + " separator=| tag=" + dim + "}" + String.join("|", values))));
    if (query.age() != null) params.add("fq=" + enc("+min_age:[* TO " + query.age() + "] +max_age:[" + query.age() + " TO *]"));
    params.add("facet=true&facet.mincount=1&facet.limit=-1&f.f_condition.facet.limit=20");
    for (String dim : Fields.FACET_DIMENSIONS) params.add("facet.field=" + enc("{!ex=" + dim + "}f_" + dim));
    return String.join("&", params);
  }

  private static String clause(BenchQuery.Clause clause) {
    String words = clause.phrase() ? "\"" + String.join(" ", clause.words()) + "\"" : clause.words().get(0);
    return (clause.negated() ? "-" : "") + (clause.field() == null ? "" : clause.field() + ":") + words;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public int suggest(String prefix) throws Exception {
    String q = "+words:(" + String.join(" ", prefix.split("\\s+")) + ")";
    return http.get("/solr/suggest/select?q=" + enc(q) + "&q.op=AND&sort=trials+desc&rows=10&fl=value,kind,trials").length;
  }

  @Override
  public Memory memory() throws Exception {
    return new Memory(Processes.residentBytes(node.pid()), Processes.heapAfterGc(node.pid()));
  }

  @Override
  public void close() throws Exception {
    if (node == null) return;
    Processes.run(List.of("kill", "-TERM", String.valueOf(node.pid())));
    if (!node.waitFor(2, TimeUnit.MINUTES)) node.destroyForcibly().waitFor();
    node = null;
  }
}
