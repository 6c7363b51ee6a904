package org.trialsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.TestServer;

/**
 * An answer says what it could not find: a search that finds nothing lists what to drop and how
 * many trials each way finds; a criteria clause says how many of the filtered trials have criteria
 * text at all. Over the shared corpus, where most CAR-T trials come from a tracker without criteria.
 */
class WaysOutTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.fullCorpus();
  }

  @Test
  void aCriteriaSearchSaysHowManyOfTheFilteredTrialsHaveCriteriaText() {
    JsonNode answer = server.ok("/api/search?q=" + encode("exclusion:\"hepatitis B\"") + "&antigen=BCMA");
    List<String> bcma = ids("antigen=BCMA");
    long withCriteria = bcma.stream().filter(id -> server.ok("/api/trials/" + id).path("trial").path("eligibility").hasNonNull("criteria")).count();
    JsonNode coverage = answer.path("criteriaCoverage");
    assertEquals(bcma.size(), coverage.path("trials").asInt());
    assertEquals(withCriteria, coverage.path("withCriteria").asLong());
    assertTrue(withCriteria < bcma.size() / 2, "most BCMA trials here come from the tracker, without criteria: " + coverage);
    assertTrue(answer.path("total").asLong() <= withCriteria);
    assertTrue(server.ok("/api/search?q=hepatitis&antigen=BCMA").path("criteriaCoverage").isMissingNode(), "only for a criteria clause");
  }

  @Test
  void aSearchThatFindsNothingSaysWhatToDrop() {
    String search = "q=glioblastoma&antigen=BCMA&phase=PHASE1&age=30";
    JsonNode answer = server.ok("/api/search?" + search);
    assertEquals(0, answer.path("total").asLong());
    List<String> shown = new ArrayList<>();
    long previous = Long.MAX_VALUE;
    for (JsonNode way : answer.path("waysOut")) {
      String drop = way.path("drop").asText();
      String without = switch (drop) {
        case "q" -> "antigen=BCMA&phase=PHASE1&age=30";
        case "antigen" -> "q=glioblastoma&phase=PHASE1&age=30";
        case "phase" -> "q=glioblastoma&antigen=BCMA&age=30";
        case "age" -> "q=glioblastoma&antigen=BCMA&phase=PHASE1";
        default -> throw new AssertionError("unexpected way out " + way);
      };
      long total = server.ok("/api/search?" + without).path("total").asLong();
      assertEquals(total, way.path("total").asLong(), drop);
      assertTrue(total > 0 && total <= previous, "ways that find trials, most first: " + answer.path("waysOut"));
      previous = total;
      shown.add(drop);
    }
    assertTrue(shown.contains("antigen") && shown.contains("q"), shown.toString());
    for (JsonNode way : answer.path("waysOut")) {
      if (way.path("drop").asText().equals("antigen")) assertEquals("[\"BCMA\"]", way.path("values").toString());
      if (way.path("drop").asText().equals("q")) assertEquals("[\"glioblastoma\"]", way.path("values").toString());
    }
    assertFalse(server.ok("/api/search?antigen=BCMA").has("waysOut"), "an answer that finds trials lists none");
  }

  private static List<String> ids(String search) {
    List<String> ids = new ArrayList<>();
    JsonNode page = server.ok("/api/search?" + search + "&size=100");
    while (true) {
      page.path("hits").forEach(hit -> ids.add(hit.path("nctId").asText()));
      if (!page.hasNonNull("nextCursor")) return ids;
      page = server.ok("/api/search?" + search + "&size=100&cursor=" + page.path("nextCursor").asText());
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
