package org.trialsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestServer;

/** Searching criteria halves, synonyms, snippets, spelling and similar trials. */
class CriteriaSearchTest {

  private static TestServer v2;
  private static TestServer full;
  private static List<JsonNode> trials;

  @BeforeAll
  static void start() {
    v2 = TestServer.v2Corpus();
    full = TestServer.fullCorpus();
    trials = new IndependentCounts(SharedCorpus.studies(SharedCorpus.v2())).trials;
  }

  /** The two halves of a record's criteria, split at its "Exclusion Criteria" heading, lower-cased. */
  private static String[] halves(JsonNode trial) {
    String text = trial.path("protocolSection").path("eligibilityModule").path("eligibilityCriteria").asText("").toLowerCase(Locale.ROOT);
    int exclusion = text.indexOf("exclusion criteria");
    return exclusion < 0 ? null : new String[] {text.substring(0, exclusion), text.substring(exclusion)};
  }

  private static String id(JsonNode trial) {
    return trial.path("protocolSection").path("identificationModule").path("nctId").asText();
  }

  private static Set<String> all(TestServer server, String query) {
    return all(server, query, "");
  }

  private static Set<String> all(TestServer server, String query, String params) {
    Set<String> ids = new HashSet<>();
    JsonNode page = server.ok("/api/search?size=100&q=" + SearchApiTest.enc(query) + params);
    while (true) {
      ids.addAll(SearchApiTest.ids(page));
      String cursor = page.path("nextCursor").asText(null);
      if (cursor == null) return ids;
      page = server.ok("/api/search?size=100&q=" + SearchApiTest.enc(query) + params + "&cursor=" + cursor);
    }
  }

  /**
   * A phrase of words in a row is looked up as pairs of neighbouring words: it finds exactly the
   * trials the same phrase finds through the positions of its words (the Lucene syntax), and its
   * snippets mark the phrase.
   */
  @Test
  void aPhraseLookedUpAsPairsFindsWhatItsWordPositionsFind() {
    for (String phrase : List.of("\"multiple myeloma\"", "\"non-hodgkin lymphoma\"", "\"allogeneic stem cell transplant\"",
        "exclusion:\"active infection\"", "title:\"car t\"")) {
      Set<String> byPairs = all(full, phrase, "&passing=true"); // the Lucene syntax leaves nothing out
      assertTrue(byPairs.size() > 5, phrase + ": " + byPairs.size());
      assertEquals(all(full, phrase, "&syntax=lucene"), byPairs, phrase);
    }
    JsonNode hit = full.ok("/api/search?q=" + SearchApiTest.enc("exclusion:\"active infection\"")).path("hits").get(0);
    String snippet = hit.path("snippets").path("exclusion").get(0).asText();
    assertTrue(snippet.toLowerCase(Locale.ROOT).matches("(?s).*<mark>active infections?</mark>.*"), snippet);
  }

  @Test
  void anExclusionQueryDoesNotMatchWordsThatStandOnlyInTheInclusionCriteria() {
    Set<String> inExclusion = all(v2, "exclusion:ECOG");
    Set<String> inInclusion = all(v2, "inclusion:ECOG");
    List<String> onlyInclusion = new ArrayList<>();
    List<String> onlyExclusion = new ArrayList<>();
    for (JsonNode t : trials) {
      String[] h = halves(t);
      if (h == null) continue;
      if (h[0].contains("ecog") && !h[1].contains("ecog")) onlyInclusion.add(id(t));
      if (h[1].contains("ecog") && !h[0].contains("ecog")) onlyExclusion.add(id(t));
    }
    assertTrue(onlyInclusion.size() > 20, "the corpus has trials naming ECOG only when including");
    onlyInclusion.forEach(id -> assertFalse(inExclusion.contains(id), id + " names ECOG only in its inclusion criteria"));
    onlyInclusion.forEach(id -> assertTrue(inInclusion.contains(id), id));
    onlyExclusion.forEach(id -> assertFalse(inInclusion.contains(id), id + " names ECOG only in its exclusion criteria"));
  }

  @Test
  void theDocumentedExamplesWork() {
    assertTrue(v2.ok("/api/search?q=" + SearchApiTest.enc("exclusion:\"hepatitis B\"")).path("total").asInt() > 10);
    assertTrue(v2.ok("/api/search?q=" + SearchApiTest.enc("inclusion:ECOG -exclusion:\"hepatitis B\"")).path("total").asInt() > 10);
    assertTrue(v2.ok("/api/search?q=" + SearchApiTest.enc("exclusion:\"gene-modified\"")).path("total").asInt() >= 1);
    assertEquals(List.of("NCT02746952"), SearchApiTest.ids(full.ok("/api/search?q=" + SearchApiTest.enc("id:2016-000296-24"))));
  }

  @Test
  void aProductNameAlsoFindsTrialsOfItsAntigenRankedBelowTrialsThatNameIt() {
    JsonNode product = full.ok("/api/search?q=tisagenlecleucel&size=5");
    long cd19 = full.ok("/api/search?antigen=CD19&size=1").path("total").asLong();
    assertTrue(product.path("total").asLong() >= cd19, "every CD19 trial is found through the antigen");
    for (JsonNode hit : product.path("hits")) {
      String text = (hit.path("title").asText() + hit.path("snippets").toString()).toLowerCase(Locale.ROOT);
      assertTrue(text.contains("tisagenlecleucel") || text.contains("kymriah") || text.contains("ctl019") || text.contains("tisa-cel"), hit.toString());
    }
  }

  @Test
  void spellingsAndAbbreviationsOfOneDiseaseFindTheSameTrials() {
    assertEquals(all(full, "leukaemia"), all(full, "leukemia"));
    Set<String> ball = all(full, "B-ALL");
    assertEquals(ball, all(full, "\"acute lymphoblastic leukemia\""));
    assertEquals(ball, all(full, "\"acute lymphoblastic leukaemia\""));
    assertEquals(ball, all(full, "ALL"));
    assertNotEquals(full.ok("/api/search?q=ALL").path("total"), full.ok("/api/search?q=all").path("total"), "'all' in lower case is a word");
    assertEquals(all(full, "HIV"), all(full, "\"human immunodeficiency virus\""));
    // one way for letters of several senses: BD is bipolar disorder or Behcet's disease, but neither finds the letters
    Set<String> bd = all(full, "BD");
    assertTrue(bd.containsAll(all(full, "\"bipolar disorder\"")) && bd.containsAll(all(full, "\"Behcet's disease\"")));
    assertFalse(all(full, "\"bipolar disorder\"").contains("NCT00460096"), "FEV1 post-BD is no bipolar disorder");
  }

  @Test
  void snippetsMarkTheMatchedWordsAndEscapeRecordText(@TempDir Path dir) throws IOException {
    ObjectNode study = (ObjectNode) SharedCorpus.mapper().readTree(SharedCorpus.v2().resolve("NCT00973089.json").toFile());
    ObjectNode eligibility = (ObjectNode) study.path("protocolSection").path("eligibilityModule");
    eligibility.put("eligibilityCriteria", "Inclusion Criteria:\n\n* Adults\n\nExclusion Criteria:\n\n* <script>alert('x')</script> active hepatitis B");
    Files.writeString(dir.resolve("study.json"), SharedCorpus.mapper().writeValueAsString(study));
    TestServer server = TestServer.start(List.of(dir));
    try {
      JsonNode hit = server.ok("/api/search?q=" + SearchApiTest.enc("exclusion:\"hepatitis B\"")).path("hits").get(0);
      String snippet = hit.path("snippets").path("exclusion").get(0).asText();
      assertEquals("* &lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2F;script&gt; active <mark>hepatitis B</mark>", snippet);
      assertFalse(hit.path("snippets").has("criteria"), "the halves stand for the whole text");
    } finally {
      server.close();
    }
  }

  @Test
  void aMisspeltQueryGetsACorrectionWithItsCount() {
    JsonNode answer = v2.ok("/api/search?q=leukimia");
    assertEquals(0, answer.path("total").asInt());
    assertEquals("leukemia", answer.path("didYouMean").path("query").asText());
    assertEquals(v2.ok("/api/search?q=leukemia").path("total").asInt(), answer.path("didYouMean").path("total").asInt());
    assertEquals("lymphoma", full.ok("/api/search?q=lymphona").path("didYouMean").path("query").asText());
    assertTrue(v2.ok("/api/search?q=glioblastoma").path("didYouMean").isMissingNode());
  }

  @Test
  void similarTrialsOfACd19AllTrialAreMostlyCd19OrAllTrials() {
    JsonNode similar = full.ok("/api/trials/NCT02746952/similar");
    assertEquals(10, similar.size());
    int alike = 0;
    for (JsonNode hit : similar) {
      assertNotEquals("NCT02746952", hit.path("nctId").asText());
      boolean cd19 = hit.path("antigens").toString().contains("CD19");
      boolean all = hit.path("conditions").toString().toLowerCase(Locale.ROOT).matches(".*(lymphoblastic|b-all|\\ball\\b).*");
      if (cd19 || all) alike++;
    }
    assertTrue(alike >= 6, alike + " of 10");
    assertEquals(404, full.get("/api/trials/NCT99999999/similar").status());
  }

  @Test
  void explainSaysWhereTheScoreComesFrom() {
    JsonNode hit = v2.ok("/api/search?q=glioblastoma&explain=true&size=1").path("hits").get(0);
    JsonNode explanation = hit.path("explanation");
    assertEquals(hit.path("score").asDouble(), explanation.path("score").asDouble(), 1e-4);
    double sum = 0;
    for (JsonNode reason : explanation.path("reasons")) sum += reason.path("score").asDouble();
    assertEquals(explanation.path("score").asDouble(), sum, 1e-3);
    assertEquals("title", explanation.path("reasons").get(0).path("field").asText());
    assertTrue(explanation.path("reasons").get(0).path("matched").asText().contains("glioblastoma"));
  }
}
