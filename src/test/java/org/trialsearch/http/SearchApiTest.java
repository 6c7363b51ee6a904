package org.trialsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestServer;

/** Search over the shared API v2 corpus, checked against counts computed from the JSON itself. */
class SearchApiTest {

  private static TestServer server;
  private static IndependentCounts corpus;

  @BeforeAll
  static void start() {
    server = TestServer.v2Corpus();
    corpus = new IndependentCounts(SharedCorpus.studies(SharedCorpus.v2()));
  }

  @Test
  void theCorpusHolds354TrialsFrom366Records() {
    assertEquals(366, server.build().report().recordsRead());
    assertEquals(354, server.build().trials());
    assertEquals(12, server.build().trialsFromSeveralRecords());
    assertEquals(11, server.build().trialsFromSeveralFiles());
    assertEquals(354, corpus.trials.size());
    assertEquals(354, server.ok("/api/health").path("trials").asInt());
    assertEquals(354, server.ok("/api/search").path("total").asInt());
  }

  @Test
  void everyFacetOfAllTrialsCountsWhatTheRecordsSay() {
    JsonNode all = server.ok("/api/search?size=1");
    assertEquals(corpus.count(IndependentCounts::status, t -> true), IndependentCounts.served(all, "status"));
    assertEquals(corpus.count(IndependentCounts::phases, t -> true), IndependentCounts.served(all, "phase"));
    assertEquals(corpus.count(IndependentCounts::countries, t -> true), IndependentCounts.served(all, "country"));
    assertEquals(corpus.count(IndependentCounts::ageGroups, t -> true), IndependentCounts.served(all, "age_group"));
  }

  @Test
  void recruitingFirstPutsTrialsPatientsCanJoinAheadThenRanksByRelevance() {
    JsonNode answer = server.ok("/api/search?q=lymphoma&sort=recruiting&size=100");
    List<String> order = List.of("RECRUITING", "NOT_YET_RECRUITING");
    int previousRank = -1;
    float previousScore = Float.MAX_VALUE;
    for (JsonNode hit : answer.path("hits")) {
      int rank = order.contains(hit.path("status").asText()) ? order.indexOf(hit.path("status").asText()) : 2;
      float score = (float) hit.path("score").asDouble();
      assertTrue(rank >= previousRank, "recruiting, then not yet recruiting, then the rest: " + hit.path("nctId"));
      if (rank == previousRank) assertTrue(score <= previousScore, "by relevance within a status: " + hit.path("nctId"));
      previousRank = rank;
      previousScore = score;
    }
    assertEquals("RECRUITING", answer.path("hits").path(0).path("status").asText());
    assertEquals(server.ok("/api/search?q=lymphoma").path("total"), answer.path("total"));
  }

  @Test
  void aFilterNarrowsTheOtherDimensionsButNotItsOwn() {
    Predicate<JsonNode> recruiting = t -> IndependentCounts.status(t).contains("RECRUITING");
    JsonNode filtered = server.ok("/api/search?status=RECRUITING");
    assertEquals(corpus.total(recruiting), filtered.path("total").asLong());
    assertTrue(filtered.path("total").asLong() > 0, "the corpus has recruiting trials verified within two years");
    // drill-sideways: the status counts are those of all trials, so other statuses can still be added
    assertEquals(corpus.count(IndependentCounts::status, t -> true), IndependentCounts.served(filtered, "status"));
    assertEquals(corpus.count(IndependentCounts::phases, recruiting), IndependentCounts.served(filtered, "phase"));
    assertEquals(corpus.count(IndependentCounts::countries, recruiting), IndependentCounts.served(filtered, "country"));
  }

  @Test
  void valuesOfOneDimensionAreOrAndDimensionsAreAnd() {
    Predicate<JsonNode> phase1or2 = t -> IndependentCounts.phases(t).contains("PHASE1") || IndependentCounts.phases(t).contains("PHASE2");
    Predicate<JsonNode> inChina = t -> IndependentCounts.countries(t).contains("China");
    JsonNode both = server.ok("/api/search?phase=PHASE1&phase=PHASE2&country=China");
    assertEquals(corpus.total(phase1or2.and(inChina)), both.path("total").asLong());
    assertEquals(corpus.count(IndependentCounts::phases, inChina), IndependentCounts.served(both, "phase"));
    assertEquals(corpus.count(IndependentCounts::countries, phase1or2), IndependentCounts.served(both, "country"));
    assertEquals(corpus.count(IndependentCounts::status, phase1or2.and(inChina)), IndependentCounts.served(both, "status"));
  }

  @Test
  void filterValuesAreReadAsPeopleWriteThem() {
    long canonical = server.ok("/api/search?phase=PHASE1&phase=PHASE2&country=South%20Korea").path("total").asLong();
    assertEquals(canonical, server.ok("/api/search?phase=" + enc("Phase 1/Phase 2") + "&country=" + enc("Korea, Republic of")).path("total").asLong());
    assertEquals(server.ok("/api/search?status=ACTIVE_NOT_RECRUITING").path("total"), server.ok("/api/search?status=" + enc("Active, not recruiting")).path("total"));
  }

  @Test
  void ageFilterTreatsMissingLimitsAsOpenAndLeavesOutTrialsThatStateNone() {
    for (double age : List.of(0.5, 10.0, 17.0, 18.0, 40.0, 70.0, 100.0)) {
      Predicate<JsonNode> admits = t -> admits(t, age);
      assertEquals(corpus.total(admits), server.ok("/api/search?age=" + age).path("total").asLong(), "age " + age);
    }
    // open-ended: no maximum age, so a 100-year-old may take part
    assertTrue(ids(server.ok("/api/search?age=100&size=100&q=NCT04077866")).isEmpty(), "NCT04077866 ends at 75");
    assertEquals(List.of("NCT04207047"), ids(server.ok("/api/search?age=100&q=NCT04207047")));
    // the two partial records state no eligibility: never in an age filter, counted as not stated
    assertEquals(2, server.ok("/api/search?size=1").path("facets").path("age_group").path("notStated").asInt());
    assertEquals(List.of(), ids(server.ok("/api/search?age=30&q=NCT03453554")));
  }

  @Test
  void antigenFacetCountsCarTTrials() {
    JsonNode b7h3 = server.ok("/api/search?antigen=b7-h3&size=100");
    assertEquals(23, b7h3.path("total").asInt());
    assertTrue(ids(b7h3).contains("NCT05752877"));
    JsonNode il13 = server.ok("/api/search?antigen=IL13Ra2");
    assertEquals(List.of("NCT05752877"), ids(il13));
  }

  @Test
  void sortsNewestFirstByStartOrLastUpdate() {
    JsonNode byUpdate = server.ok("/api/search?sort=last_update&size=100");
    List<String> dates = new ArrayList<>();
    byUpdate.path("hits").forEach(h -> dates.add(h.path("lastUpdate").asText()));
    List<String> sorted = new ArrayList<>(dates);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertEquals(sorted, dates);
    String newest = corpus.trials.stream()
        .map(t -> t.path("protocolSection").path("statusModule").path("startDateStruct").path("date").asText(""))
        .max(String::compareTo).orElseThrow();
    assertTrue(server.ok("/api/search?sort=start_date&size=1").path("hits").get(0).path("startDate").asText().startsWith(newest));
  }

  @Test
  void pagesFollowEachOtherWithoutOverlap() {
    List<String> first = ids(server.ok("/api/search?q=cancer&size=5&page=1"));
    List<String> second = ids(server.ok("/api/search?q=cancer&size=5&page=2"));
    List<String> both = ids(server.ok("/api/search?q=cancer&size=10&page=1"));
    List<String> joined = new ArrayList<>(first);
    joined.addAll(second);
    assertEquals(both, joined);
  }

  @Test
  void theRecordWithTheLatestVersionGivesTheFieldsWhenAnIdComesTwice() {
    // same last-update date: the later version holder wins although its file is read first
    assertEquals("misc-ctg-studies-2.json #3", sourceOf(server.ok("/api/trials/NCT05923112"), "status"));
    assertEquals("NCT02278341.json #1", sourceOf(server.ok("/api/trials/NCT02552212"), "briefTitle"));
    // no version holder either: the one read last wins
    JsonNode twice = server.ok("/api/trials/NCT07213882");
    assertEquals(2, twice.path("trial").path("sources").size());
    assertEquals("b7h3-ccr8-targets-ctg-studies.json #54", sourceOf(twice, "status"));
  }

  /** The file name and position of the record that gave a field. */
  private static String sourceOf(JsonNode record, String field) {
    JsonNode source = record.path("trial").path("sources").get(record.path("fieldSources").path(field).asInt());
    String file = source.path("file").asText();
    return file.substring(file.lastIndexOf('/') + 1) + " #" + source.path("position").asInt();
  }

  @Test
  void aTrialRecordHoldsTheNormalisedFieldsAndFacets() {
    JsonNode record = server.ok("/api/trials/NCT04077866");
    JsonNode trial = record.path("trial");
    assertEquals("B7-H3 CAR-T for Recurrent or Refractory Glioblastoma", trial.path("briefTitle").asText());
    assertEquals("SAHZJU-RCT-BP102", trial.path("ids").path("orgStudyId").asText());
    assertEquals(List.of("PHASE1", "PHASE2"), strings(trial.path("phases")));
    assertEquals(18.0, trial.path("eligibility").path("minimumAgeYears").asDouble());
    assertTrue(trial.path("eligibility").path("exclusion").asText().contains("hepatitis B"));
    assertEquals(3, trial.path("sites").size());
    assertEquals(30.29365, trial.path("sites").get(0).path("latitude").asDouble());
    assertEquals("2022-12-28", trial.path("lastUpdate").asText());
    assertEquals("UNKNOWN", record.path("facets").path("status").asText());
    assertEquals(List.of("B7-H3"), strings(record.path("facets").path("antigens")));
    assertEquals(List.of("China"), strings(record.path("facets").path("countries")));
  }

  @Test
  void wordsMustAllMatchAndFallBackToMostOfThemWhenNoneDo() {
    JsonNode all = server.ok("/api/search?q=glioblastoma");
    assertEquals(false, all.path("relaxed").asBoolean());
    // fewer trials than a page have both words: they come first, then trials with one of them
    List<String> both = ids(server.ok("/api/search?syntax=lucene&size=100&q=" + enc("+glioblastoma +temozolomide")));
    assertTrue(!both.isEmpty() && both.size() < 10, both.toString());
    JsonNode few = server.ok("/api/search?q=glioblastoma+temozolomide&size=50");
    assertEquals(true, few.path("relaxed").asBoolean());
    assertTrue(few.path("notice").asText().startsWith("Only " + both.size() + " trials match every word"), few.path("notice").asText());
    assertEquals(new HashSet<>(both), new HashSet<>(ids(few).subList(0, both.size())));
    JsonNode relaxed = server.ok("/api/search?q=glioblastoma+zzyzxq");
    assertEquals(true, relaxed.path("relaxed").asBoolean());
    assertEquals(server.ok("/api/search?q=glioblastoma").path("total"), relaxed.path("total"));
    assertTrue(relaxed.path("notice").asText().startsWith("No trial matches every word"));
  }

  @Test
  void phrasesExclusionsAndFieldsNarrowTheSearch() {
    long hepatitis = server.ok("/api/search?q=" + enc("exclusion:\"hepatitis B\"")).path("total").asLong();
    long inclusionOnly = server.ok("/api/search?q=" + enc("inclusion:ECOG -exclusion:\"hepatitis B\"")).path("total").asLong();
    long inclusion = server.ok("/api/search?q=" + enc("inclusion:ECOG")).path("total").asLong();
    long inclusionAndHepatitis = server.ok("/api/search?q=" + enc("inclusion:ECOG exclusion:\"hepatitis B\"")).path("total").asLong();
    assertTrue(hepatitis > 0 && inclusion > 0);
    assertEquals(inclusion, inclusionOnly + inclusionAndHepatitis);
    long either = server.ok("/api/search?q=" + enc("glioblastoma OR asthma")).path("total").asLong();
    long glioblastoma = server.ok("/api/search?q=glioblastoma").path("total").asLong();
    long asthma = server.ok("/api/search?q=asthma").path("total").asLong();
    long bothStrictly = server.ok("/api/search?syntax=lucene&q=glioblastoma+AND+asthma").path("total").asLong();
    assertEquals(glioblastoma + asthma - bothStrictly, either);
  }

  @Test
  void medicalPunctuationIsReadAsWords() {
    assertEquals(server.ok("/api/search?q=CD19").path("total"), server.ok("/api/search?q=" + enc("CD19+")).path("total"));
    assertEquals(server.ok("/api/search?q=B7-H3").path("total"), server.ok("/api/search?q=" + enc("\"B7 H3\"")).path("total"));
    for (String q : List.of("B-ALL", "t(8;21)", "R/R", ">= 18", "\"hepatitis B", "(((", "CD19+ B-ALL t(8;21) R/R >= 18", "title:", "-", "OR", "a:b:c",
        "NOT", "\"\"", "x AND", "[1 TO 5}", "glioblastoma)", "*", "?", "~2", "^3")) {
      JsonNode answer = server.ok("/api/search?q=" + enc(q));
      assertTrue(answer.path("total").asLong() >= 0, q);
    }
    assertEquals(server.ok("/api/search?q=18").path("total"), server.ok("/api/search?q=" + enc(">= 18")).path("total"));
    assertEquals(354, server.ok("/api/search?q=" + enc("(((")).path("total").asInt());
  }

  @Test
  void luceneSyntaxSearchesTheSameFields() {
    assertEquals(server.ok("/api/search?q=" + enc("exclusion:\"hepatitis B\"")).path("total"),
        server.ok("/api/search?syntax=lucene&q=" + enc("exclusion:\"hepatitis B\"")).path("total"));
    assertEquals(server.ok("/api/search?q=" + enc("glioblastoma -temozolomide")).path("total"),
        server.ok("/api/search?syntax=lucene&q=" + enc("glioblastoma NOT temozolomide")).path("total"));
  }

  @Test
  void idsAreSearchable() {
    assertEquals(List.of("NCT04077866"), ids(server.ok("/api/search?q=NCT04077866")));
    assertEquals(List.of("NCT04077866"), ids(server.ok("/api/search?q=" + enc("id:SAHZJU-RCT-BP102"))));
  }

  static List<String> ids(JsonNode response) {
    List<String> ids = new ArrayList<>();
    response.path("hits").forEach(h -> ids.add(h.path("nctId").asText()));
    return ids;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static boolean admits(JsonNode study, double age) {
    JsonNode eligibility = study.path("protocolSection").path("eligibilityModule");
    if (eligibility.isMissingNode()) return false;
    Double min = years(eligibility.path("minimumAge").asText(null));
    Double max = years(eligibility.path("maximumAge").asText(null));
    return (min == null || min <= age) && (max == null || max >= age);
  }

  /** "18 Years", "6 Months", "N/A" as years, for the corpus's own spellings. */
  private static Double years(String text) {
    if (text == null || !Character.isDigit(text.charAt(0))) return null;
    String[] parts = text.split(" ");
    double n = Double.parseDouble(parts[0]);
    return parts[1].startsWith("Month") ? n / 12 : parts[1].startsWith("Week") ? n * 7 / 365.25 : parts[1].startsWith("Day") ? n / 365.25 : n;
  }

  static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
