package org.trialsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestServer;

/**
 * A trial found by pasting its whole title, however many words with synonyms the title holds: an
 * id-less page's trial can only be found so.
 */
class LongQueriesTest {

  /** 70 words, nearly each an abbreviation, disease or product with synonyms of its own. */
  private static final String TITLE = "Relapsed Refractory B-ALL DLBCL CLL MM AML CAR-T CD19 CD22 BCMA CD20 CD123 NHL GBM HCC NSCLC CRS "
      + "ICANS GVHD HBV HCV MRD Leukemia Lymphoma Myeloma Glioblastoma Chimeric Antigen Receptor T-cell Therapy Tisagenlecleucel "
      + "Axicabtagene Ciloleucel Lisocabtagene Maraleucel Idecabtagene Vicleucel Ciltacabtagene Autoleucel Brexucabtagene "
      + "Obecabtagene Kymriah Yescarta Breyanzi Abecma Carvykti Tecartus UCART19 CTL019 KTE-C19 JCAR017 bb2121 GPRC5D SLAMF7 CS1 "
      + "HER2 GD2 EGFR Mesothelin GPC3 Claudin PSMA MUC1 CEA EpCAM CD30 CD7 CD5 CD33 CLL1 FLT3 CD38 ROR1 DLL3 B7-H3";

  @TempDir
  static Path pages;

  private static TestServer server;

  @BeforeAll
  static void start() throws IOException {
    // a page without an id: a title, and the two facts that make it a trial
    Files.writeString(pages.resolve("no-id.txt"), TITLE + "\nRecruitment Status: Recruiting\nPhase: Phase 1\n");
    server = TestServer.start(List.of(SharedCorpus.v2(), pages));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aTitleOfManyWordsWithSynonymsFindsItsTrial() {
    TestServer.Answer answer = server.get("/api/search?q=" + URLEncoder.encode(TITLE, StandardCharsets.UTF_8));
    assertEquals(200, answer.status(), answer.body());
    JsonNode first = answer.json().path("hits").path(0);
    assertTrue(first.path("nctId").asText().startsWith("PAGE-"), answer.body());
    assertEquals(TITLE, first.path("title").asText());
  }

  @Test
  void aTitleInQuotesFindsItsTrialToo() {
    TestServer.Answer answer = server.get("/api/search?q=" + URLEncoder.encode("\"" + TITLE + "\"", StandardCharsets.UTF_8));
    assertEquals(200, answer.status(), answer.body());
    assertTrue(answer.json().path("hits").path(0).path("nctId").asText().startsWith("PAGE-"), answer.body());
  }
}
