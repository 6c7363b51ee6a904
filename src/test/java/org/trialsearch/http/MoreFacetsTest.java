package org.trialsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestServer;

/** The facets beyond the first five, and the date filters, against values read straight from the JSON. */
class MoreFacetsTest {

  private static final Map<String, String> SPONSOR_TYPES = Map.of(
      "INDUSTRY", "Industry", "NIH", "Government", "FED", "Government", "OTHER_GOV", "Government",
      "OTHER", "Academic/other", "NETWORK", "Academic/other", "INDIV", "Academic/other");

  private static TestServer server;
  private static IndependentCounts corpus;

  @BeforeAll
  static void start() {
    server = TestServer.v2Corpus();
    corpus = new IndependentCounts(SharedCorpus.studies(SharedCorpus.v2()));
  }

  private static List<String> sponsorType(JsonNode t) {
    String c = t.path("protocolSection").path("sponsorCollaboratorsModule").path("leadSponsor").path("class").asText(null);
    return c == null ? List.of() : List.of(SPONSOR_TYPES.get(c));
  }

  private static List<String> studyType(JsonNode t) {
    String s = t.path("protocolSection").path("designModule").path("studyType").asText(null);
    return s == null ? List.of() : List.of(s);
  }

  private static String startDate(JsonNode t) {
    return t.path("protocolSection").path("statusModule").path("startDateStruct").path("date").asText("");
  }

  private static String lastUpdate(JsonNode t) {
    return t.path("protocolSection").path("statusModule").path("lastUpdatePostDateStruct").path("date").asText("");
  }

  private static List<String> startYear(JsonNode t) {
    return startDate(t).isEmpty() ? List.of() : List.of(startDate(t).substring(0, 4));
  }

  @Test
  void sponsorStudyTypeAndStartYearCountWhatTheRecordsSay() {
    JsonNode all = server.ok("/api/search?size=1");
    assertEquals(corpus.count(MoreFacetsTest::sponsorType, t -> true), IndependentCounts.served(all, "sponsor_type"));
    assertEquals(corpus.count(MoreFacetsTest::studyType, t -> true), IndependentCounts.served(all, "study_type"));
    assertEquals(corpus.count(MoreFacetsTest::startYear, t -> true), IndependentCounts.served(all, "start_year"));
  }

  @Test
  void newFacetsFilterAndCountDrillSideways() {
    Predicate<JsonNode> industry = t -> sponsorType(t).contains("Industry");
    JsonNode filtered = server.ok("/api/search?sponsor_type=industry&size=1");
    assertEquals(corpus.total(industry), filtered.path("total").asLong());
    assertEquals(corpus.count(MoreFacetsTest::sponsorType, t -> true), IndependentCounts.served(filtered, "sponsor_type"));
    assertEquals(corpus.count(MoreFacetsTest::startYear, industry), IndependentCounts.served(filtered, "start_year"));
  }

  @Test
  void dateRangesKeepTrialsStartedOrUpdatedWithinThem() {
    Predicate<JsonNode> started2020s = t -> !startDate(t).isEmpty() && startDate(t).compareTo("2020-01") >= 0 && startDate(t).compareTo("2022-12-31") <= 0;
    assertEquals(corpus.total(started2020s), server.ok("/api/search?start_from=2020&start_to=2022&size=1").path("total").asLong());
    Predicate<JsonNode> updated = t -> lastUpdate(t).compareTo("2025-06-01") >= 0;
    assertEquals(corpus.total(updated), server.ok("/api/search?updated_since=2025-06-01&size=1").path("total").asLong());
  }

  @Test
  void carTTrialsHaveTheirModality() {
    JsonNode b7h3 = server.ok("/api/search?antigen=B7-H3&size=1");
    assertEquals(Map.of("CAR-T", 23), IndependentCounts.served(b7h3, "modality"));
    JsonNode antibodies = server.ok("/api/search?modality=" + SearchApiTest.enc("not cell therapy") + "&antigen=B7-H3");
    assertEquals(0, antibodies.path("total").asInt(), "no antigen without an engineered cell therapy");
  }

  @Test
  void badValuesOfTheNewFiltersAre400() {
    Map<String, String> cases = Map.of(
        "/api/search?start_year=20x1", "start_year must be a year such as 2021, got '20x1'",
        "/api/search?start_from=2021-13", "start_from is not a real date: '2021-13'",
        "/api/search?updated_since=yesterday", "updated_since must be a date such as 2021, 2021-06 or 2021-06-15, got 'yesterday'",
        "/api/search?start_from=2023&start_to=2021", "start_from 2023-01-01 is after start_to 2021-12-31",
        "/api/search?healthy_volunteers=maybe", "healthy_volunteers must be yes or no, got 'maybe'",
        "/api/search?explain=perhaps", "explain must be true or false, got 'perhaps'");
    cases.forEach((path, message) -> {
      TestServer.Answer answer = server.get(path);
      assertEquals(400, answer.status(), path);
      assertEquals(message, answer.json().path("error").path("message").asText(), path);
    });
    assertEquals(400, server.get("/api/search?modality=bionic").status());
  }
}
