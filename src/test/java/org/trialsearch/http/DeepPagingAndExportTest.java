package org.trialsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.TestServer;

class DeepPagingAndExportTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.v2Corpus();
  }

  @Test
  void aCursorWalkVisitsEveryMatchingTrialExactlyOnce() {
    for (String search : List.of("q=cancer", "status=RECRUITING")) {
      for (String sort : List.of("relevance", "start_date", "last_update")) {
        JsonNode first = server.ok("/api/search?" + search + "&size=7&sort=" + sort);
        long total = first.path("total").asLong();
        List<String> seen = new ArrayList<>(SearchApiTest.ids(first));
        String cursor = first.path("nextCursor").asText(null);
        while (cursor != null) {
          JsonNode page = server.ok("/api/search?" + search + "&size=7&sort=" + sort + "&cursor=" + cursor);
          seen.addAll(SearchApiTest.ids(page));
          cursor = page.path("nextCursor").asText(null);
        }
        assertTrue(total > 20, "enough trials to need several pages");
        assertEquals(total, seen.size(), search + " " + sort);
        assertEquals(total, new HashSet<>(seen).size(), search + " " + sort + ": no trial twice");
        int longPage = (int) Math.min(total, 100);
        assertEquals(SearchApiTest.ids(server.ok("/api/search?" + search + "&size=" + longPage + "&sort=" + sort)),
            seen.subList(0, longPage), search + " " + sort + ": the pages in the order of one long page");
      }
    }
  }

  @Test
  void aCursorWalkWithFiltersAndAllTrialsTying() {
    // an empty query scores every trial alike: only the NCT id orders them
    JsonNode first = server.ok("/api/search?status=RECRUITING&size=20");
    List<String> seen = new ArrayList<>(SearchApiTest.ids(first));
    JsonNode page = first;
    int pages = 1;
    while (page.hasNonNull("nextCursor")) {
      page = server.ok("/api/search?status=RECRUITING&size=20&cursor=" + page.path("nextCursor").asText());
      seen.addAll(SearchApiTest.ids(page));
      pages++;
    }
    assertTrue(pages >= 2, "more than one page: " + first.path("total"));
    assertEquals(first.path("total").asInt(), new HashSet<>(seen).size());
    assertEquals(first.path("total").asInt(), seen.size(), "each trial once");
    assertEquals(seen.stream().sorted().toList(), seen, "in NCT id order");
  }

  @Test
  void aBadCursorIsABadRequest() {
    assertEquals(400, server.get("/api/search?cursor=bm9wZQ").status());
    assertEquals("invalid cursor", server.get("/api/search?cursor=bm9wZQ").json().path("error").path("message").asText());
    String relevanceCursor = server.ok("/api/search?q=cancer&size=5").path("nextCursor").asText();
    assertEquals("cursor belongs to another sort order (relevance)",
        server.get("/api/search?q=cancer&size=5&sort=start_date&cursor=" + relevanceCursor).json().path("error").path("message").asText());
    assertEquals("give either page or cursor, not both", server.get("/api/search?page=2&cursor=" + relevanceCursor).json().path("error").path("message").asText());
  }

  @Test
  void theCsvExportHasOneRowPerMatchingTrialAndParsesBack() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/search.csv?q=cancer&phase=PHASE2")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    List<CSVRecord> rows = parse(response.body());
    JsonNode search = server.ok("/api/search?q=cancer&phase=PHASE2&size=100");
    assertEquals(search.path("total").asInt(), rows.size());
    assertEquals(new HashSet<>(SearchApiTest.ids(search)), new HashSet<>(rows.stream().map(r -> r.get("NCT Number")).toList()));
    CSVRecord row = rows.get(0);
    assertTrue(row.get("Phases").contains("PHASE2"), row.toString());
    assertEquals("https://clinicaltrials.gov/study/" + row.get("NCT Number"), row.get("URL"));
  }

  @Test
  void theCsvExportAnswersBadQueriesWithAJsonError() {
    TestServer.Answer answer = server.get("/api/search.csv?syntax=lucene&q=" + SearchApiTest.enc("a AND ("));
    assertEquals(400, answer.status());
    assertTrue(answer.json().path("error").path("message").asText().startsWith("invalid query"));
  }

  private static List<CSVRecord> parse(String csv) throws IOException {
    return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
  }
}
