package org.trialsearch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.trialsearch.config.ConfigSource;

/**
 * The relevance judgements of {@code relevance/judgements.json} over the whole shared corpus, by
 * family of query: the share of must-appear trials in the top 10 (recall), the must-not-appear
 * trials that got in (intrusions), and the mean reciprocal rank of the first must-appear trial.
 * Writes {@code target/relevance-report.txt}. With RELEVANCE_CONFIG pointing at another
 * configuration folder (other field weights, synonyms off) the same queries measure that
 * configuration, for comparison, without asserting.
 */
class RelevanceRegressionTest {

  /** What the engine reaches on the whole set today; a change that falls below it fails. */
  private static final double RECALL_FLOOR = 0.929;
  private static final int MOST_INTRUSIONS = 25;
  private static final int LEAST_QUERIES = 205;

  /** The measures of a family of queries, summed as queries are run. */
  private static final class Tally {
    int queries;
    int withMust;
    double recall;
    double reciprocalRank;
    int intrusions;

    String line(String family) {
      return String.format("%-22s %4d queries  recall@10 %.3f  MRR %.3f  intrusions %d", family, queries,
          withMust == 0 ? 1.0 : recall / withMust, withMust == 0 ? 1.0 : reciprocalRank / withMust, intrusions);
    }
  }

  @Test
  void theJudgedQueriesFindTheirTrials() throws IOException {
    JsonNode judgements;
    try (InputStream in = RelevanceRegressionTest.class.getResourceAsStream("/relevance/judgements.json")) {
      judgements = SharedCorpus.mapper().readTree(in);
    }
    String alternative = System.getenv("RELEVANCE_CONFIG");
    TestServer server = alternative == null ? TestServer.fullCorpus()
        : TestServer.start(List.of(SharedCorpus.v2().getParent(), SharedCorpus.SEEDS), ConfigSource.folder(Path.of(alternative)));
    List<String> lines = new ArrayList<>();
    Map<String, Tally> families = new TreeMap<>();
    Tally all = new Tally();
    for (JsonNode judged : judgements.path("queries")) {
      String q = judged.path("q").asText();
      String params = judged.path("params").asText();
      JsonNode answer = server.ok("/api/search?size=10&q=" + encode(q) + (params.isEmpty() ? "" : "&" + encodedParams(params)));
      List<String> top = new ArrayList<>();
      answer.path("hits").forEach(h -> top.add(h.path("nctId").asText()));
      List<String> must = strings(judged.path("mustAppear"));
      List<String> mustNot = strings(judged.path("mustNotAppear"));
      long found = must.stream().filter(top::contains).count();
      List<String> intruders = mustNot.stream().filter(top::contains).toList();
      int firstRank = must.stream().mapToInt(top::indexOf).filter(i -> i >= 0).min().orElse(-1);
      for (Tally tally : List.of(all, families.computeIfAbsent(judged.path("family").asText("original"), f -> new Tally()))) {
        tally.queries++;
        tally.intrusions += intruders.size();
        if (!must.isEmpty()) {
          tally.withMust++;
          tally.recall += (double) found / must.size();
          tally.reciprocalRank += firstRank < 0 ? 0 : 1.0 / (firstRank + 1);
        }
      }
      List<String> missed = must.stream().filter(id -> !top.contains(id)).toList();
      lines.add(String.format("%s  %-18s %-50s found %d/%d%s%s", found == must.size() && intruders.isEmpty() ? "ok  " : "MISS",
          judged.path("family").asText("original"), q + (params.isEmpty() ? "" : " [" + params + "]"), found, must.size(),
          missed.isEmpty() ? "" : ", missed " + missed, intruders.isEmpty() ? "" : ", intruders " + intruders));
    }
    List<String> report = new ArrayList<>();
    report.add(all.line("all" + (alternative == null ? "" : " (configuration " + alternative + ")")));
    families.forEach((family, tally) -> report.add(tally.line(family)));
    report.add("");
    report.addAll(lines);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", alternative == null ? "relevance-report.txt" : "relevance-report-alternative.txt"), report);
    if (alternative != null) {
      server.close();
      return;
    }
    double recall = all.recall / all.withMust;
    assertTrue(all.queries >= LEAST_QUERIES);
    assertTrue(recall >= RECALL_FLOOR, String.format("recall@10 %.3f fell below %.3f; see target/relevance-report.txt", recall, RECALL_FLOOR));
    assertTrue(all.intrusions <= MOST_INTRUSIONS, all.intrusions + " intrusions, more than " + MOST_INTRUSIONS + "; see target/relevance-report.txt");
  }

  /** "country=United States&phase=PHASE1" as a query string: each value encoded. */
  private static String encodedParams(String params) {
    List<String> encoded = new ArrayList<>();
    for (String pair : params.split("&")) {
      int equals = pair.indexOf('=');
      encoded.add(pair.substring(0, equals + 1) + encode(pair.substring(equals + 1)));
    }
    return String.join("&", encoded);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
