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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trialsearch.config.ConfigSource;

/**
 * The relevance judgements of {@code relevance/judgements.json} over the whole shared corpus. Writes
 * {@code target/relevance-report.txt}. With RELEVANCE_CONFIG pointing at another configuration
 * folder (other field weights, synonyms off) the same queries measure that configuration, for
 * comparison, without asserting.
 */
class RelevanceRegressionTest {

  @Test
  void theJudgedQueriesFindTheirTrials() throws IOException {
    JsonNode judgements;
    try (InputStream in = RelevanceRegressionTest.class.getResourceAsStream("/relevance/judgements.json")) {
      judgements = SharedCorpus.mapper().readTree(in);
    }
    String alternative = System.getenv("RELEVANCE_CONFIG");
    TestServer server = alternative == null ? TestServer.fullCorpus()
        : TestServer.start(List.of(SharedCorpus.v2().getParent(), SharedCorpus.SEEDS), ConfigSource.folder(Path.of(alternative)));
    List<String> report = new ArrayList<>();
    int passed = 0;
    double success = 0;
    int withMust = 0;
    for (JsonNode judged : judgements.path("queries")) {
      String q = judged.path("q").asText();
      String params = judged.path("params").asText();
      JsonNode answer = server.ok("/api/search?size=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + (params.isEmpty() ? "" : "&" + params));
      Set<String> top = new HashSet<>();
      answer.path("hits").forEach(h -> top.add(h.path("nctId").asText()));
      List<String> must = strings(judged.path("mustAppear"));
      List<String> mustNot = strings(judged.path("mustNotAppear"));
      long found = must.stream().filter(top::contains).count();
      long wrong = mustNot.stream().filter(top::contains).count();
      boolean pass = found >= Math.ceil(0.8 * must.size()) && wrong == 0;
      if (pass) passed++;
      if (!must.isEmpty()) {
        success += (double) found / must.size();
        withMust++;
      }
      report.add(String.format("%s  %-40s %s found %d/%d, unwanted %d", pass ? "pass" : "FAIL", q + (params.isEmpty() ? "" : " [" + params + "]"),
          "", found, must.size(), wrong));
    }
    int total = judgements.path("queries").size();
    String summary = String.format("%d of %d queries pass; mean share of must-appear trials in the top 10: %.3f%s",
        passed, total, success / withMust, alternative == null ? "" : " (configuration " + alternative + ")");
    report.add(0, summary);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", alternative == null ? "relevance-report.txt" : "relevance-report-alternative.txt"), report);
    if (alternative != null) {
      server.close();
      return;
    }
    assertTrue(total >= 30);
    assertTrue(passed >= Math.ceil(0.9 * total), String.join("\n", report));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
