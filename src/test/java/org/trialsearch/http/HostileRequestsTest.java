package org.trialsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.Poll;
import org.trialsearch.ServerSettings;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestServer;
import org.trialsearch.TestServer.Answer;
import org.trialsearch.index.Fields;

/**
 * Requests a careless client or an attacker sends, each answered with the exact status and JSON
 * error that says what was wrong: never a 500, never an error outside the JSON shape.
 */
class HostileRequestsTest {

  private static final String TOKEN = "hostile-token";

  private static TestServer server;
  private static byte[] study;

  @BeforeAll
  static void start() throws IOException {
    server = TestServer.start(List.of(SharedCorpus.v2()), ServerSettings.defaults().withWriteToken(TOKEN));
    study = Files.readAllBytes(SharedCorpus.v2().resolve("NCT03418623.json"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aBodyInAnUnknownOrIllegalCharsetIs415() {
    for (String charset : List.of("bogus", "@@")) {
      String message = "unknown charset '" + charset + "' in the Content-Type; send the body in UTF-8 (or a charset such as ISO-8859-1 or"
          + " windows-1252, named as such)";
      assertError(server.send("PUT", "/api/trials/NCT03418623", "application/json; charset=" + charset, study, TOKEN), 415, message);
      assertError(server.send("POST", "/api/trials", "application/json; charset=" + charset, study, TOKEN), 415, message);
      assertError(server.send("PUT", "/api/trials/NCT03418623", "application/json; charset=" + charset, new byte[0], TOKEN), 415, message);
    }
  }

  @Test
  void aBodyInAKnownCharsetIsReadInIt() {
    byte[] latin1 = """
        NCT Number,Study Title,Study URL,Study Status
        NCT09990777,Waldenström macroglobulinemia and CAR-T cells,https://clinicaltrials.gov/study/NCT09990777,RECRUITING
        """.getBytes(StandardCharsets.ISO_8859_1);
    Answer written = server.send("POST", "/api/trials", "text/csv; charset=ISO-8859-1", latin1, TOKEN);
    assertEquals(200, written.status(), written.body());
    Poll.until("the trial is there", () -> server.get("/api/trials/NCT09990777").status() == 200);
    assertEquals("Waldenström macroglobulinemia and CAR-T cells",
        server.ok("/api/trials/NCT09990777").path("trial").path("briefTitle").asText());
  }

  /** Every dimension alike, in search, the CSV export and autocomplete. */
  @Test
  void aFilterValueWithoutALetterOrDigitIs400() {
    for (String dim : Fields.FACET_DIMENSIONS) {
      for (String value : List.of("-", "++!", "%E2%80%8B", "%C2%A0")) {
        String shown = java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
        String message = "value of filter '" + dim + "' has no letter or digit: '" + shown.strip() + "'";
        assertError(server.get("/api/search?" + dim + "=" + value), 400, message);
        assertError(server.get("/api/search.csv?" + dim + "=" + value), 400, message);
        assertError(server.get("/api/autocomplete?q=car&" + dim + "=" + value), 400, message);
      }
    }
  }

  /** Sent as raw bytes: an HTTP client library refuses to send such a path. */
  @Test
  void aPathEscapeThatIsNotHexIs400BeforeAnyRoute() throws Exception {
    String message = "the path holds '%u0041', which is not an escape: write a character as %XX, the hex of its UTF-8 bytes";
    for (String request : List.of("GET /api/trials/x%u0041", "GET /api/trials/x%u0041/similar", "GET /trial/x%u0041",
        "PUT /api/trials/x%u0041", "DELETE /api/trials/x%u0041")) {
      String answer = LimitsAndOperationsTest.raw(server.port(), (request + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN
          + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1));
      assertTrue(answer.startsWith("HTTP/1.1 400 "), request + ": " + answer);
      assertTrue(answer.contains("Content-Type: application/json"), answer);
      assertTrue(answer.endsWith("{\"error\":{\"status\":400,\"message\":\"" + message + "\"}}"), request + ": " + answer);
    }
  }

  /** The export decides before its first byte: an error is a JSON answer, not a CSV header followed by JSON. */
  @Test
  void aCsvExportThatCannotRunIsAJsonError() {
    Answer answer = server.get("/api/search.csv?syntax=lucene&q=" + SearchApiTest.enc("ab~2 ac~2 ad~2 ae~2 af~2"));
    assertError(answer, 400, "query expands to too many clauses (at most 1024)");
    assertEquals("{\"error\":{\"status\":400,\"message\":\"query expands to too many clauses (at most 1024)\"}}", answer.body());
    assertEquals(null, answer.headers().firstValue("Content-Disposition").orElse(null));
  }

  /** Explanations score each hit again: at most 20 of them, and like all the rest of a search, within the budget. */
  @Test
  void anExpensiveSearchIsRefusedOrHeldToTheBudget() {
    String fuzzy = SearchApiTest.enc("patient~2 disease~2 therapy~2 treatment~2 cancer~2 study~2 women~2 history~2 months~2 weeks~2");
    assertError(server.get("/api/search?syntax=lucene&size=100&explain=true&q=" + fuzzy), 400,
        "explain=true explains at most 20 hits a page; ask size=20 or fewer");
    Answer explained = server.get("/api/search?syntax=lucene&size=20&explain=true&q=" + fuzzy);
    assertEquals(200, explained.status(), explained.body());
    assertEquals(20, explained.json().path("hits").size());
    assertTrue(explained.json().path("hits").get(0).path("explanation").path("reasons").size() > 0);
    TestServer tight = TestServer.start(List.of(SharedCorpus.SAMPLE_DATA), ServerSettings.defaults().withLimits(1 << 20, java.time.Duration.ofNanos(1)));
    try {
      assertError(tight.get("/api/search?syntax=lucene&size=20&explain=true&q=" + fuzzy), 503, "the search ran longer than the time budget of 0 ms"
          + " per query (--query-budget-ms) and was stopped; try again in a moment, or narrow it");
      assertError(tight.get("/api/search.csv?q=leukemia"), 503, "the search ran longer than the time budget of 0 ms"
          + " per query (--query-budget-ms) and was stopped; try again in a moment, or narrow it");
      assertError(tight.get("/api/trials/NCT03391466/similar"), 503, "the search ran longer than the time budget of 0 ms"
          + " per query (--query-budget-ms) and was stopped; try again in a moment, or narrow it");
    } finally {
      tight.close();
    }
  }

  @Test
  void anUnknownParameterIs400NamingIt() {
    assertError(server.get("/api/search?antigne=CD19"), 400, "unknown parameter 'antigne' (did you mean 'antigen'?); /api/search takes "
        + String.join(", ", SearchParams.NAMES));
    assertError(server.get("/api/search?q=lymphoma&near=Lyon"), 400, "unknown parameter 'near'; /api/search takes "
        + String.join(", ", SearchParams.NAMES));
    assertError(server.get("/api/search.csv?size=10"), 400, "unknown parameter 'size'; /api/search.csv takes "
        + String.join(", ", SearchParams.EXPORT_NAMES));
    assertError(server.get("/api/trials/NCT03418623?full=yes"), 400, "unknown parameter 'full': /api/trials/NCT03418623 takes none");
    assertError(server.get("/api/trials/NCT03418623/similar?limt=3"), 400,
        "unknown parameter 'limt' (did you mean 'limit'?); /api/trials/NCT03418623/similar takes limit");
    assertEquals(200, server.get("/?q=lymphoma&utm_source=newsletter").status(), "a web page's address may carry anything");
  }

  @Test
  void aMethodAPathDoesNotTakeIs405WithTheMethodsItTakes() {
    assertMethodNotAllowed("PATCH", "/api/search", "GET, HEAD");
    assertMethodNotAllowed("OPTIONS", "/api/search", "GET, HEAD");
    assertMethodNotAllowed("POST", "/api/trials/NCT03418623", "GET, HEAD, PUT, DELETE");
    assertMethodNotAllowed("DELETE", "/api/trials", "POST");
  }

  @Test
  void headAnswersAsGetWithoutTheBody() {
    Answer head = server.send("HEAD", "/api/search?q=lymphoma", null, null, null);
    assertEquals(200, head.status());
    assertTrue(head.contentType().startsWith("application/json"), head.contentType());
    assertEquals("", head.body());
    assertEquals(400, server.send("HEAD", "/api/search?size=0", null, null, null).status());
    assertEquals(200, server.send("HEAD", "/", null, null, null).status());
  }

  private static void assertMethodNotAllowed(String method, String path, String allowed) {
    Answer answer = server.send(method, path, null, null, TOKEN);
    assertError(answer, 405, method + " is not allowed on " + path + "; it takes " + allowed);
    assertEquals(allowed, answer.headers().firstValue("Allow").orElse(null), method + " " + path);
  }

  private static void assertError(Answer answer, int status, String message) {
    assertEquals(status, answer.status(), answer.body());
    assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
    assertEquals(status, answer.json().path("error").path("status").asInt(), answer.body());
    assertEquals(message, answer.json().path("error").path("message").asText());
  }
}
