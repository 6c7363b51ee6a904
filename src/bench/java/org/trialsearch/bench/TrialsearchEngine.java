package org.trialsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.trialsearch.ServerProcess;
import org.trialsearch.cli.Main;
import org.trialsearch.index.Fields;

/** This project as users run it: {@code index} builds from the study files, {@code serve} answers over HTTP, each in its own JVM. */
final class TrialsearchEngine implements Engine {

  static final String NAME = "trialsearch";
  /**
   * Both JVM servers of the comparison get the same heap, fixed at its size as Solr's start script
   * sets it: a heap that starts small collects its young objects every fraction of a second, and
   * those pauses land in the slowest hundredth of searches.
   */
  static final List<String> HEAP = List.of("-Xms4g", "-Xmx4g");

  private ServerProcess server;
  private HttpJson http;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Duration build(Corpus corpus, Path dir) throws Exception {
    long start = System.nanoTime();
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"));
    command.addAll(HEAP);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "index", "--index", dir.resolve("index").toString(), corpus.v2().toString()));
    Processes.run(command);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public void start(Path dir) throws Exception {
    server = ServerProcess.start(dir.resolve("index"), Map.of(), HEAP);
    http = new HttpJson("http://127.0.0.1:" + server.port());
  }

  @Override
  public int search(BenchQuery query) throws Exception {
    return http.get(searchPath("/api/search", query)).length;
  }

  static String searchPath(String endpoint, BenchQuery query) {
    String filters = query.filterParams();
    return endpoint + "?q=" + URLEncoder.encode(query.text(), StandardCharsets.UTF_8) + (filters.isEmpty() ? "" : "&" + filters);
  }

  @Override
  public Matching matching(BenchQuery query) throws Exception {
    Set<String> ids = new HashSet<>();
    // every matching trial, as the peers find them: passing mentions kept
    String csv = new String(http.get(searchPath("/api/search.csv", query) + "&passing=true"), StandardCharsets.UTF_8);
    for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
      ids.add(row.get(0));
    }
    JsonNode answer = http.getJson(searchPath("/api/search", query) + "&size=1&passing=true");
    return new Matching(ids, facets(answer.path("facets")));
  }

  static Map<String, Map<String, Long>> facets(JsonNode facets) {
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    facets.fields().forEachRemaining(dim -> {
      Map<String, Long> values = new LinkedHashMap<>();
      dim.getValue().path("values").forEach(v -> values.put(v.path("value").asText(), v.path("count").asLong()));
      long notStated = dim.getValue().path("notStated").asLong();
      if (notStated > 0) values.put(Fields.NOT_STATED, notStated);
      counts.put(dim.getKey(), values);
    });
    return counts;
  }

  @Override
  public int suggest(String prefix) throws Exception {
    return http.get("/api/autocomplete?q=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8)).length;
  }

  @Override
  public Memory memory() throws Exception {
    long pid = server.process().pid();
    return new Memory(Processes.residentBytes(pid), Processes.heapAfterGc(pid));
  }

  @Override
  public void close() throws Exception {
    if (server != null) server.stop();
    server = null;
  }
}
