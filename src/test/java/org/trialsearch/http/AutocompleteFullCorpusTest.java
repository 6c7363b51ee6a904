package org.trialsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.TestServer;

/** Autocomplete over the whole shared corpus: the examples people type, counts that agree with search, facet selections. */
class AutocompleteFullCorpusTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.fullCorpus();
  }

  private static JsonNode suggest(String query) {
    return server.ok("/api/autocomplete?" + query);
  }

  private static JsonNode first(String query) {
    return suggest(query).get(0);
  }

  @Test
  void whatPeopleTypeFindsWhatTheyMean() {
    JsonNode bcma = first("q=bcm");
    assertEquals("BCMA", bcma.path("text").asText());
    assertEquals("antigen", bcma.path("kind").asText());
    assertEquals("<mark>BCM</mark>A", bcma.path("highlighted").asText());
    JsonNode tisa = first("q=tisa");
    assertEquals("tisagenlecleucel", tisa.path("text").asText());
    assertEquals("product", tisa.path("kind").asText());
    assertEquals("BCMA", first("q=" + SearchApiTest.enc("B-cell maturation antigen")).path("text").asText(), "an antigen's spelling suggests the antigen");
    assertEquals("tisagenlecleucel", first("q=kymriah&kind=product").path("text").asText(), "a brand suggests its product");
    assertTrue(suggest("q=ucart").toString().contains("\"UCART19\""));
  }

  @Test
  void matchingIgnoresCaseAndAccentsAndStartsAtAnyWord() {
    JsonNode waldenstrom = suggest("q=waldenstrom&kind=condition");
    assertTrue(waldenstrom.toString().contains("\"Waldenström Macroglobulinemia\""), waldenstrom.toString());
    assertTrue(suggest("q=" + SearchApiTest.enc("cell acute lympho") + "&kind=condition").toString().contains("\"B-cell Acute Lymphoblastic Leukemia\""));
    for (JsonNode s : suggest("q=LYMPHO&limit=20")) {
      assertTrue(s.path("highlighted").asText().toLowerCase().contains("<mark>lympho</mark>"), s.toString());
    }
  }

  @Test
  void typosAreForgivenOnceAWordIsLongEnough() {
    assertEquals("Lymphoma", first("q=lyphoma").path("text").asText(), "7 letters, one edit");
    assertEquals("Lymphoma", first("q=limphona").path("text").asText(), "8 letters, two edits");
    assertEquals(0, suggest("q=lyp&kind=condition").size(), "3 letters: no typo allowed, and no word starts so");
  }

  @Test
  void exactStartsComeFirstThenTheMostTrials() {
    JsonNode lympho = suggest("q=lympho&kind=condition&limit=30");
    boolean wordStartSeen = false;
    long previous = Long.MAX_VALUE;
    for (JsonNode s : lympho) {
      boolean starts = s.path("text").asText().toLowerCase().startsWith("lympho");
      if (!starts && !wordStartSeen) {
        wordStartSeen = true;
        previous = Long.MAX_VALUE;
      }
      assertTrue(!starts || !wordStartSeen, "an exact start after a word start: " + lympho);
      assertTrue(s.path("count").asLong() <= previous, lympho.toString());
      previous = s.path("count").asLong();
    }
  }

  @Test
  void countsEqualTheSearchTotalForTheSameValue() {
    for (JsonNode s : suggest("q=leuk&kind=condition&limit=8")) {
      long total = server.ok("/api/search?size=1&condition=" + SearchApiTest.enc(s.path("text").asText())).path("total").asLong();
      assertEquals(total, s.path("count").asLong(), s.toString());
    }
    for (JsonNode s : suggest("q=c&kind=antigen&limit=10")) {
      long total = server.ok("/api/search?size=1&antigen=" + SearchApiTest.enc(s.path("text").asText())).path("total").asLong();
      assertEquals(total, s.path("count").asLong(), s.toString());
    }
  }

  @Test
  void aFacetSelectionLimitsSuggestionsToItsTrialsAndCountsThere() {
    JsonNode withinBcma = suggest("q=myeloma&kind=condition&antigen=BCMA&limit=10");
    assertTrue(withinBcma.size() > 3);
    for (JsonNode s : withinBcma) {
      long total = server.ok("/api/search?size=1&antigen=BCMA&condition=" + SearchApiTest.enc(s.path("text").asText())).path("total").asLong();
      assertEquals(total, s.path("count").asLong(), s.toString());
      assertTrue(total > 0);
    }
    JsonNode lymphomaInBcma = suggest("q=lymphoma&kind=condition&antigen=BCMA&limit=50");
    JsonNode lymphoma = suggest("q=lymphoma&kind=condition&limit=50");
    assertTrue(lymphomaInBcma.size() < lymphoma.size(), "few BCMA trials treat lymphoma");
    assertEquals(400, server.get("/api/autocomplete?q=my&antigen=CD999").status());
  }
}
