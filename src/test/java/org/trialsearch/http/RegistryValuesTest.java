package org.trialsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestServer;

/**
 * A trial's record carries the registry's status and phases whatever words its source used, so
 * that a client can compare trials read from any site; the words stay with the source.
 */
class RegistryValuesTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(List.of(SharedCorpus.SEEDS));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void classicRegistryPage() {
    JsonNode trial = trial("NCT02746952");
    assertEquals("COMPLETED", trial.path("status").asText());
    assertEquals(List.of("PHASE1"), phases(trial));
    assertEquals(Map.of("status", "Completed", "phases", "Phase 1"), wording(trial));
  }

  @Test
  void portalPageAlreadyInTheRegistrysValues() {
    JsonNode trial = trial("NCT06649227");
    assertEquals("RECRUITING", trial.path("status").asText());
    assertEquals(List.of("PHASE1"), phases(trial));
    assertFalse(trial.path("sources").path(0).has("wording"), trial.toString());
  }

  @Test
  void trialSiteCardWithItsOwnWords() {
    JsonNode trial = trial("NCT03984968");
    assertEquals("RECRUITING", trial.path("status").asText());
    assertEquals(List.of("PHASE1", "PHASE2"), phases(trial));
    assertEquals(Map.of("status", "Enrolling", "phases", "Phase 2, Phase 1"), wording(trial));
  }

  @Test
  void pagesWithoutAnId() {
    List<JsonNode> idless = new ArrayList<>();
    for (JsonNode hit : server.ok("/api/search?size=10").path("hits")) {
      if (hit.path("nctId").asText().startsWith("PAGE-")) idless.add(trial(hit.path("nctId").asText()));
    }
    assertEquals(2, idless.size());
    idless.sort((a, b) -> a.path("sources").path(0).path("file").asText().compareTo(b.path("sources").path(0).path("file").asText()));
    JsonNode csvRow = idless.get(0);
    assertTrue(csvRow.path("status").isMissingNode(), csvRow.toString());
    assertEquals(List.of("PHASE1", "PHASE2"), phases(csvRow));
    assertEquals(Map.of("phases", "Phase 1/2"), wording(csvRow));
    JsonNode bulleted = idless.get(1);
    assertEquals("RECRUITING", bulleted.path("status").asText());
    assertEquals(List.of("PHASE1", "PHASE2"), phases(bulleted));
    assertEquals(Map.of("status", "Recruiting", "phases", "Phase 1/Phase 2"), wording(bulleted));
  }

  private static JsonNode trial(String id) {
    return server.ok("/api/trials/" + id).path("trial");
  }

  private static List<String> phases(JsonNode trial) {
    List<String> phases = new ArrayList<>();
    trial.path("phases").forEach(p -> phases.add(p.asText()));
    return phases;
  }

  private static Map<String, String> wording(JsonNode trial) {
    assertEquals(1, trial.path("sources").size());
    Map<String, String> wording = new TreeMap<>();
    trial.path("sources").path(0).path("wording").properties().forEach(e -> wording.put(e.getKey(), e.getValue().asText()));
    return wording;
  }
}
