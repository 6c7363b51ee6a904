package org.trialsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestServer;

class AutocompleteApiTest {

  private static TestServer server;
  private static IndependentCounts corpus;

  @BeforeAll
  static void start() {
    server = TestServer.v2Corpus();
    corpus = new IndependentCounts(SharedCorpus.studies(SharedCorpus.v2()));
  }

  @Test
  void suggestionsMatchAtTheStartOfAnyWord() {
    JsonNode suggestions = server.ok("/api/autocomplete?q=lympho&limit=50");
    assertTrue(suggestions.size() > 3);
    Pattern wordStart = Pattern.compile("(^|[^\\p{L}\\p{N}])lympho", Pattern.CASE_INSENSITIVE);
    suggestions.forEach(s -> assertTrue(wordStart.matcher(s.path("text").asText()).find(), s.toString()));
    assertTrue(contains(suggestions, "Cutaneous T Cell Lymphoma (CTCL)", "condition"));
    // inside a word is not a word start
    server.ok("/api/autocomplete?q=mphoma&limit=50").forEach(s ->
        assertFalse(s.path("text").asText().toLowerCase(Locale.ROOT).contains("lymphoma"), s.toString()));
  }

  @Test
  void everySuggestionCountsTheTrialsThatCarryIt() {
    JsonNode suggestions = server.ok("/api/autocomplete?q=glioblastoma&kind=condition&limit=50");
    assertTrue(suggestions.size() >= 2);
    for (JsonNode s : suggestions) {
      String condition = s.path("text").asText();
      long expected = corpus.total(t -> {
        for (JsonNode c : t.path("protocolSection").path("conditionsModule").path("conditions")) {
          if (c.asText().strip().equals(condition)) return true;
        }
        return false;
      });
      assertEquals(expected, s.path("count").asLong(), condition);
      assertEquals("condition", s.path("kind").asText());
    }
  }

  @Test
  void kindsCanBeChosen() {
    JsonNode antigens = server.ok("/api/autocomplete?q=b7&kind=antigen");
    assertEquals("B7-H3", antigens.get(0).path("text").asText());
    assertEquals(23, antigens.get(0).path("count").asInt());
    JsonNode sponsors = server.ok("/api/autocomplete?q=glaxo&kind=sponsor");
    assertEquals("GlaxoSmithKline", sponsors.get(0).path("text").asText());
  }

  private static boolean contains(JsonNode suggestions, String text, String kind) {
    for (JsonNode s : suggestions) {
      if (s.path("text").asText().equals(text) && s.path("kind").asText().equals(kind)) return true;
    }
    return false;
  }
}
