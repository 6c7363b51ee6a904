package org.trialsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.TestServer;
import org.trialsearch.TestServer.Answer;

/** Bad requests answer 400 and unknown things 404, always as a JSON error that says what was wrong. */
class ErrorAnswersTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.v2Corpus();
  }

  @Test
  void badSearchParametersAre400WithAMessage() {
    Map<String, String> cases = Map.ofEntries(
        Map.entry("/api/search?size=101", "size must be between 1 and 100, got 101"),
        Map.entry("/api/search?size=0", "size must be between 1 and 100, got 0"),
        Map.entry("/api/search?size=ten", "size must be a whole number, got 'ten'"),
        Map.entry("/api/search?page=0", "page must be 1 or more, got 0"),
        Map.entry("/api/search?page=-3", "page must be 1 or more, got -3"),
        Map.entry("/api/search?page=99999999999", "page must be a whole number, got '99999999999'"),
        Map.entry("/api/search?page=2000&size=10", "page * size may be at most 10000; walk deeper with cursor (nextCursor of each answer)"),
        Map.entry("/api/search?age=abc", "age must be a number, got 'abc'"),
        Map.entry("/api/search?age=-1", "age must be a number of years between 0 and 150"),
        Map.entry("/api/search?age=NaN", "age must be a number of years between 0 and 150"),
        Map.entry("/api/search?sort=oldest", "sort must be one of relevance, start_date, last_update, recruiting, got 'oldest'"),
        Map.entry("/api/search?q=leukemia&explain=true&size=21", "explain=true explains at most 20 hits a page; ask size=20 or fewer"),
        Map.entry("/api/search?syntax=sql", "syntax must be one of forgiving, lucene, got 'sql'"),
        Map.entry("/api/search?phase=PHASE9", "unknown phase 'PHASE9'; expected one of EARLY_PHASE1, NA, PHASE1, PHASE2, PHASE3, PHASE4"),
        Map.entry("/api/search?status=OPENISH", "unknown status 'OPENISH'; expected one of ACTIVE_NOT_RECRUITING, APPROVED_FOR_MARKETING, AVAILABLE, "
            + "COMPLETED, ENROLLING_BY_INVITATION, NOT_YET_RECRUITING, NO_LONGER_AVAILABLE, RECRUITING, SUSPENDED, TEMPORARILY_NOT_AVAILABLE, "
            + "TERMINATED, UNKNOWN, WITHDRAWN, WITHHELD"),
        Map.entry("/api/search?age_group=TEEN", "unknown age_group 'TEEN'; expected one of ADULT, CHILD, OLDER_ADULT"),
        Map.entry("/api/search?antigen=CD999", "unknown antigen 'CD999'; see GET /api/search facets for the antigens trials have"),
        Map.entry("/api/search?country=", "empty value for filter 'country'"),
        Map.entry("/api/search?q=" + "x".repeat(1001), "q is longer than 1000 characters"),
        Map.entry("/api/autocomplete?q=", "q must not be empty"),
        Map.entry("/api/autocomplete", "q must not be empty"),
        Map.entry("/api/autocomplete?q=" + "x".repeat(101), "q is longer than 100 characters"),
        Map.entry("/api/autocomplete?q=lym&limit=0", "limit must be between 1 and 50, got 0"),
        Map.entry("/api/autocomplete?q=lym&limit=many", "limit must be a whole number, got 'many'"),
        Map.entry("/api/autocomplete?q=lym&kind=drug", "unknown kind 'drug'; expected one of condition, intervention, antigen, product, sponsor, country, title"),
        Map.entry("/api/trials/12345", "not a trial id: '12345' (expected NCT and 8 digits, or PAGE- and 12 hex digits)"));
    cases.forEach((path, message) -> assertError(path, 400, message));
  }

  @Test
  void anInvalidLuceneQueryGivesThePositionOfTheError() {
    Answer answer = server.get("/api/search?syntax=lucene&q=" + SearchApiTest.enc("glioblastoma AND (temozolomide"));
    assertEquals(400, answer.status());
    assertEquals(30, answer.json().path("error").path("position").asInt());
    assertTrue(answer.json().path("error").path("message").asText().startsWith("invalid query: Cannot parse"));
    Answer lexical = server.get("/api/search?syntax=lucene&q=" + SearchApiTest.enc("\"unclosed"));
    assertEquals(400, lexical.status());
    assertEquals(10, lexical.json().path("error").path("position").asInt());
  }

  @Test
  void anInvalidRegularExpressionInLuceneSyntaxIs400() {
    Answer answer = server.get("/api/search?syntax=lucene&q=" + SearchApiTest.enc("title:/a[b/"));
    assertEquals(400, answer.status());
    assertTrue(answer.json().path("error").path("message").asText().startsWith("invalid query: "), answer.json().toString());
  }

  @Test
  void unknownTrialsAndEndpointsAre404() {
    assertError("/api/trials/NCT99999999", 404, "no trial NCT99999999");
    assertError("/api/nothing", 404, "Endpoint GET /api/nothing not found");
    assertError("/nothing", 404, "Endpoint GET /nothing not found");
  }

  private static void assertError(String path, int status, String message) {
    Answer answer = server.get(path);
    assertEquals(status, answer.status(), path);
    assertTrue(answer.contentType().startsWith("application/json"), path + " " + answer.contentType());
    assertEquals(status, answer.json().path("error").path("status").asInt(), path);
    assertEquals(message, answer.json().path("error").path("message").asText(), path);
  }
}
