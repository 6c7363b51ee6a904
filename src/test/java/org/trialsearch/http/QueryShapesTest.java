package org.trialsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.TestServer;

/**
 * The shapes of query that found too little or too much, each with the trials judges listed for it
 * (see the families of relevance/judgements.json), over the shared corpus.
 */
class QueryShapesTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.fullCorpus();
  }

  @Test
  void aNameOfSeveralWordsTypedWithoutQuotesIsOneName() {
    // without quotes it found only the trials with both words somewhere; as a name it finds its antigen's trials too
    long quoted = total("\"idecabtagene vicleucel\"", "");
    assertEquals(quoted, total("idecabtagene vicleucel", ""));
    assertTrue(quoted > 100, "the product's name, synonyms and antigen: " + quoted);
    // a trial that names only its product is a CAR-T trial
    assertTrue(top("CAR-T myeloma", "phase=PHASE3").containsAll(List.of("NCT03651128", "NCT05257083", "NCT06045806", "NCT06413498")));
  }

  @Test
  void wordsPeopleUseForTheRecordsWords() {
    assertTrue(top("Richter's syndrome", "").containsAll(List.of("NCT05873712", "NCT02576990", "NCT05537766", "NCT07451054", "NCT07744750")));
    assertTrue(top("grade 4 glioma EGFRvIII", "").containsAll(List.of("NCT02664363", "NCT02844062", "NCT03283631", "NCT03726515", "NCT05802693")));
    // NCT07500805 writes "Renal Clear Cell Carcinoma"
    assertTrue(top("kidney cancer CD70", "").containsAll(List.of("NCT07500805", "NCT06586658", "NCT07113977", "NCT07647744", "NCT07297160")));
  }

  @Test
  void britishAndAmericanSpellingsFindTheSameTrials() {
    // no synonym line for any of these: one spelling step at index and query time
    for (String[] pair : new String[][] {{"tumour", "tumor"}, {"oesophageal", "esophageal"}, {"haemorrhage", "hemorrhage"},
        {"randomised", "randomized"}, {"centre", "center"}, {"anaemia", "anemia"}, {"\"diabetic macular oedema\"", "\"diabetic macular edema\""}}) {
      long american = total(pair[1], "");
      assertTrue(american > 0, pair[1]);
      assertEquals(american, total(pair[0], ""), pair[0]);
    }
  }

  @Test
  void aRelaxedQueryKeepsTheWordThatDecidesIt() {
    // no trial has all five words; ALPP is far rarer than the others, so the trials that follow have it
    List<String> alpp = top("ALPP CAR-T ovarian cancer Europe", "");
    assertTrue(alpp.containsAll(List.of("NCT06556108", "NCT04627740", "NCT07108140", "NCT07123493", "NCT07487597")), alpp.toString());
    List<String> psca = top("PSCA CAR-T prostate cancer radiation China", "");
    assertEquals(List.of("NCT02744287", "NCT03873805", "NCT05805371", "NCT07641049"),
        psca.stream().filter(List.of("NCT02744287", "NCT03873805", "NCT05805371", "NCT07641049")::contains).sorted().toList());
    assertEquals(7, total("PSCA CAR-T prostate cancer radiation China", ""), "PSCA with one more word, not every CAR-T prostate cancer trial");
    // China is rare too, but CD7 is far rarer than most of the other words: a CD19 trial in children with leukemia is not what was asked
    List<String> cd7 = top("CD7 CAR-T T-cell leukemia children China", "");
    assertEquals("NCT04860817", cd7.get(0));
    assertFalse(cd7.contains("NCT07078929"), cd7.toString());
    // of two pieces, one a quoted phrase: the phrase loosened with the other ("relapsed and/or refractory"), not either alone
    List<String> refractory = all("B7-H3 inclusion:\"relapsed or refractory\"");
    assertFalse(refractory.contains("NCT06500819"), "relapsed/refractory only in its title");
    assertTrue(refractory.containsAll(List.of("NCT07358260", "NCT05835687", "NCT07222735", "NCT02982941", "NCT04077866", "NCT04385173", "NCT07172958")),
        refractory.toString());
  }

  @Test
  void aShortAnswerLeavesOutTrialsThatNameTheWordsOnlyInPassing() {
    JsonNode answer = server.ok("/api/search?size=100&q=" + URLEncoder.encode("cytokine release syndrome", StandardCharsets.UTF_8));
    JsonNode all = server.ok("/api/search?size=100&passing=true&q=" + URLEncoder.encode("cytokine release syndrome", StandardCharsets.UTF_8));
    List<String> kept = ids(answer);
    List<String> every = ids(all);
    // "Among the most frequent complications are ... cytokine release syndrome": its summary, nowhere else
    assertFalse(kept.contains("NCT06350994"), kept.toString());
    assertTrue(every.contains("NCT06350994"));
    assertTrue(kept.containsAll(List.of("NCT04071366", "NCT04975555", "NCT05665725", "NCT04150913")), kept.toString());
    assertEquals(all.path("total").asLong() - answer.path("total").asLong(), answer.path("passingLeftOut").asLong());
    assertTrue(answer.path("passingLeftOut").asLong() > 0);
    assertTrue(answer.path("notice").asText().contains("passing=true"), answer.path("notice").asText());
    assertFalse(all.has("passingLeftOut"));
    assertTrue(every.containsAll(kept));
    // the export leaves out the same trials, or none with passing=true
    String q = URLEncoder.encode("cytokine release syndrome", StandardCharsets.UTF_8);
    assertEquals(answer.path("total").asLong() + 1, server.get("/api/search.csv?q=" + q).body().lines().count(), "header and one row a trial");
    assertEquals(all.path("total").asLong() + 1, server.get("/api/search.csv?passing=true&q=" + q).body().lines().count());
    // a field says where to look: nothing is left out
    assertFalse(server.ok("/api/search?q=" + URLEncoder.encode("summary:\"cytokine release syndrome\"", StandardCharsets.UTF_8)).has("passingLeftOut"));
  }

  @Test
  void aQuotedPhraseWithoutAnExactMatchFindsItsWordsCloseTogether() {
    List<String> top = top("\"ECOG 0-1\"", "country=Japan");
    assertTrue(top.containsAll(List.of("NCT05913115", "NCT05907980", "NCT05879978", "NCT05879653", "NCT05832827", "NCT00494091",
        "NCT00498225", "NCT02481830")), top.toString());
    assertFalse(top.contains("NCT05883007"), "ECOG 0-2 is not ECOG 0-1");
    assertFalse(top.contains("NCT05827016"), "\"ECOG 0, 1, or 2\" goes on to 2: it is ECOG 0-2");
    // "prior CAR-T" is what came before, "prior to CAR-T" only when: "E7777 Prior to CAR-T for R/R LBCL" is not about prior CAR-T
    List<String> priorCarT = all("\"prior CAR-T\"");
    assertFalse(priorCarT.contains("NCT04855253"), priorCarT.toString());
    assertTrue(priorCarT.containsAll(List.of("NCT07358260", "NCT03684889")), priorCarT.toString());
    assertTrue(all("\"prior to CAR-T\"").contains("NCT04855253"));
  }

  @Test
  void aFieldBeforeParenthesesAppliesToEveryPieceInside() {
    List<String> top = top("condition:(vasculitis OR lupus) CAR-T", "");
    assertTrue(top.containsAll(List.of("NCT06828042", "NCT07203404", "NCT07659704")), top.toString());
    assertFalse(top.contains("NCT06646627") || top.contains("NCT05752877"), "lupus only in their exclusion criteria: " + top);
    assertEquals(List.of("NCT06196255", "NCT06759181"), top("title:(FcRL5 OR FcRH5)", "").stream().sorted().toList());
  }

  @Test
  void anExclusionFieldLeavesOutTrialsOfThatVeryCondition() {
    List<String> all = all("exclusion:\"sickle cell\"");
    for (String trialOfSickleCell : List.of("NCT00001716", "NCT00009581", "NCT00006130", "NCT00492531")) {
      assertFalse(all.contains(trialOfSickleCell), trialOfSickleCell + " is a sickle cell trial: " + all);
    }
    List<String> top = top("exclusion:\"sickle cell\"", "");
    assertTrue(top.containsAll(List.of("NCT00000701", "NCT00000759", "NCT00000945", "NCT00001927", "NCT00007475", "NCT00490841")), top.toString());
    // a title naming it names the treatment as often: this B7-H3 CAR-T trial excludes prior CAR-T
    assertTrue(all("exclusion:CAR-T").contains("NCT04077866"));
  }

  @Test
  void anExclusionSentenceThatAllowsExcludesNobody() {
    // "... or have a history of Guillain-Barre syndrome may be enrolled on study but are ineligible to receive the vaccine"
    List<String> guillain = all("exclusion:Guillain");
    assertFalse(guillain.contains("NCT00001564") || guillain.contains("NCT00001566"), guillain.toString());
    assertTrue(guillain.containsAll(List.of("NCT02210780", "NCT00461981", "NCT05798663")), guillain.toString());
    // "Donors who are positive for HBV, HCV, or HTLV will be used at the discretion of the investigator"
    List<String> htlv = all("exclusion:HTLV");
    assertFalse(htlv.contains("NCT00001637") || htlv.contains("NCT00001880"), htlv.toString());
    // "Non-live, approved vaccines are allowed (for example, COVID-19 vaccine)." alone no longer counts
    assertFalse(all("exclusion:COVID-19").contains("NCT05832827"));
    // nor does a note under an exclusion: "Note: COVID-19 vaccination should not be given within ±3 days of treatment"
    assertFalse(all("exclusion:COVID-19").contains("NCT07205718"));
    // "Patients must be: - HTLV III antibody positive", a requirement under the record's only heading, "Exclusion Criteria"
    assertFalse(htlv.contains("NCT00002284"), htlv.toString());
  }

  @Test
  void anExclusionsPointInTimeExceptionOrReasonExcludesNothing() {
    // "Radiotherapy within 6 weeks before leukapheresis": radiotherapy is excluded, leukapheresis is when
    assertFalse(all("exclusion:leukapheresis").contains("NCT04077866"));
    // "... methylprednisolone, < 7 days prior to CAR T cell infusion" is not an exclusion of prior CAR-T
    List<String> carT = all("exclusion:CAR-T");
    assertFalse(carT.contains("NCT07222735") || carT.contains("NCT04897321"), carT.toString());
    assertTrue(carT.containsAll(List.of("NCT04077866", "NCT04385173", "NCT05562024")), carT.toString());
    // "Prior use of anti-CD20 monoclonal antibody therapy (other than rituximab)"
    assertFalse(all("exclusion:rituximab").contains("NCT00496132"));
    // the snippet still shows the criterion whole, with the excluded word marked
    JsonNode hit = hitOf(server.ok("/api/search?size=100&antigen=B7-H3&q=exclusion:radiotherapy"), "NCT04077866");
    assertTrue(hit.path("snippets").path("exclusion").toString().contains("<mark>Radiotherapy</mark> within 6 weeks before leukapheresis"),
        hit.path("snippets").toString());
  }

  @Test
  void anExclusionOfThoseUnfitForTheTrialsOwnTreatmentExcludesNothing() {
    // NCT00004728 gives warfarin or aspirin and excludes "a contraindication to the use of either warfarin or aspirin"
    assertFalse(all("exclusion:warfarin").contains("NCT00004728"));
    // NCT00498368 gives rituximab, excludes an allergy to it, and also "Previous Treatment with Rituximab"
    assertTrue(all("exclusion:rituximab").contains("NCT00498368"));
    // "... (except for patients with (A-a) DO2 of 35 - 45 torr who receive prednisone in conjunction with ...)"
    assertFalse(all("exclusion:prednisone").contains("NCT00000640"));
    // "ejection fraction is required if the patient has a history of anthracyclines"
    assertFalse(all("exclusion:anthracycline").contains("NCT00003145"));
    // "Treatment with systemic immunosuppressive medication (... cyclophosphamide ...) ..., with the following exceptions: ... are eligible"
    assertTrue(all("exclusion:cyclophosphamide").contains("NCT05482516"));
    // "Known sensitivities to any of the agents used in this study ... including ... cyclophosphamide, fludarabine"
    assertFalse(all("exclusion:cyclophosphamide").contains("NCT06646627"));
    // a label over the criteria of one part, "Etanercept Study:", in a trial that gives etanercept
    assertFalse(all("exclusion:etanercept").contains("NCT00001955"));
  }

  @Test
  void aRecordsOwnAbbreviationMeansWhatTheRecordSays() {
    // "Chuvash polycythemia (CP)" and "Chronic Prostatitis/Chronic Pelvic Pain Syndrome (CP/CPPS)" are not cerebral palsy
    for (String cerebralPalsy : List.of("CP", "cerebral palsy")) {
      List<String> found = all(cerebralPalsy);
      assertFalse(found.contains("NCT00495638") || found.contains("NCT00499317"), found.toString());
      assertTrue(found.containsAll(List.of("NCT00462085", "NCT05702632", "NCT05709080")), found.toString());
    }
    assertEquals(List.of("NCT00495638"), all("Chuvash polycythemia"));
    // "time to progression (TTP)" is not thrombotic thrombocytopenic purpura; nor leucovorin calcium, other name CF, cystic fibrosis
    assertFalse(all("TTP").contains("NCT00498901"));
    assertFalse(top("CF", "phase=PHASE1").contains("NCT00003799"));
    // a long form in other words is the same sense: "Multiple Myeloma (MM)", "adult respiratory distress syndrome (ARDS)"
    assertTrue(all("ARDS").contains("NCT00000579"));
    assertEquals(total("\"multiple myeloma\" OR MM", ""), total("MM", ""));
  }

  @Test
  void lettersOfSeveralSensesAreNoSurerThanASenseWrittenOut() {
    // NCT00001839 writes "refractory anemia (RA)" in an MDS trial; the trials of rheumatoid arthritis write the disease out
    List<String> ra = top("RA", "phase=PHASE2");
    assertTrue(ra.containsAll(List.of("NCT00000395", "NCT00000401", "NCT00000435", "NCT00001677", "NCT00006292", "NCT00462150", "NCT00463424")),
        ra.toString());
    assertFalse(ra.contains("NCT00001839"), ra.toString());
    assertTrue(all("RA").contains("NCT00001839"), "refractory anaemia is a sense of RA");
  }

  @Test
  void lettersOfSeveralSensesWeighLessInATrialThatWritesNoneOut() {
    // NCT00495079 asks for consent "according to ICH/GCP" and never writes a haemorrhage; the others name one
    List<String> ich = all("ICH");
    assertEquals(List.of("NCT00009620", "NCT00490464", "NCT01382849", "NCT03542656", "NCT03969732"), ich.subList(0, 5).stream().sorted().toList());
    assertTrue(ich.indexOf("NCT00495079") >= 10, ich.toString());
  }

  private static JsonNode hitOf(JsonNode answer, String nctId) {
    for (JsonNode hit : answer.path("hits")) {
      if (hit.path("nctId").asText().equals(nctId)) return hit;
    }
    throw new AssertionError(nctId + " not found");
  }

  @Test
  void whatATrialSaysItDoesNotTakeIsAnExclusionWhereverItIsWritten() {
    // a condition "... (Excluding Richter Transformation, ...)", and "No ... Richter's syndrome" under an inclusion heading
    List<String> richter = top("Richter's syndrome", "");
    assertFalse(richter.contains("NCT07539688") || richter.contains("NCT00009984"), richter.toString());
    assertTrue(richter.containsAll(List.of("NCT05873712", "NCT02576990", "NCT05537766", "NCT07451054", "NCT07744750")), richter.toString());
    assertTrue(all("exclusion:Richter").containsAll(List.of("NCT07539688", "NCT00009984")));
  }

  @Test
  void criteriaWithoutHeadingsAreReadCriterionByCriterion() {
    // "Performance status: - ECOG 0-2 OR - WHO 0-2" in criteria of the older "PATIENT CHARACTERISTICS:" form
    List<String> top = top("inclusion:\"ECOG 0-2\"", "country=Israel");
    assertEquals(List.of("NCT00002839", "NCT00002904", "NCT00004934", "NCT00005053", "NCT00005980", "NCT00006026", "NCT00006230"),
        top.subList(0, 7).stream().sorted().toList());
    // "No history of sickle cell anemia." is an exclusion
    assertTrue(all("exclusion:\"sickle cell\"").contains("NCT00001633"));
    assertFalse(all("inclusion:\"sickle cell\"").contains("NCT00001633"));
  }

  @Test
  void lettersAndANumberAreFoundHoweverTheyAreWritten() {
    // "BRCA" is BRCA1 and BRCA2; "PD1" is also "PD-1"
    assertTrue(all("BRCA").contains("NCT00001468"));
    assertTrue(top("BRCA", "").containsAll(List.of("NCT00001468")));
    List<String> pd1 = top("PD1 CD19 lymphoma", "");
    assertTrue(pd1.containsAll(List.of("NCT03298828", "NCT04850560")), pd1.toString());
    assertEquals(total("\"PD 1\" OR PD1", ""), total("PD1", ""));
    // targets joined by a slash are a set: "CD19/CD22" is also "CD22/CD19", as four of the five consolidation trials write it
    List<String> dual = top("CD19/CD22 consolidation", "");
    assertTrue(dual.containsAll(List.of("NCT05470777", "NCT07094477", "NCT07575919", "NCT07575971", "NCT07779018")), dual.toString());
    assertEquals(total("\"CD19 CD22\" OR \"CD22 CD19\"", ""), total("CD19/CD22", ""));
  }

  @Test
  void aClassFindsTrialsThatNameOnlyItsMembers() {
    // the judges' trials that exclude omeprazole or lansoprazole, never writing "proton pump inhibitor"
    List<String> ppi = top("exclusion:proton pump inhibitors", "phase=PHASE3");
    assertTrue(ppi.containsAll(List.of("NCT00002159", "NCT00002855", "NCT00462813", "NCT04870190")), ppi.toString());
    // the field named before the first word holds for the whole name, as it does for the quoted name
    assertEquals(total("exclusion:\"proton pump inhibitors\"", ""), total("exclusion:proton pump inhibitors", ""));
    // one way: a member does not find its class
    assertTrue(total("omeprazole", "") < total("\"proton pump inhibitor\"", ""));
    assertFalse(all("omeprazole").contains("NCT00462813"), "names proton pump inhibitors, rabeprazole and esomeprazole, not omeprazole");
  }

  private static List<String> top(String q, String params) {
    JsonNode answer = server.ok("/api/search?size=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + (params.isEmpty() ? "" : "&" + params));
    List<String> ids = new ArrayList<>();
    answer.path("hits").forEach(h -> ids.add(h.path("nctId").asText()));
    return ids;
  }

  private static List<String> ids(JsonNode answer) {
    List<String> ids = new ArrayList<>();
    answer.path("hits").forEach(h -> ids.add(h.path("nctId").asText()));
    return ids;
  }

  private static List<String> all(String q) {
    JsonNode answer = server.ok("/api/search?size=100&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    List<String> ids = new ArrayList<>();
    answer.path("hits").forEach(h -> ids.add(h.path("nctId").asText()));
    return ids;
  }

  private static long total(String q, String params) {
    return server.ok("/api/search?size=1&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + (params.isEmpty() ? "" : "&" + params)).path("total").asLong();
  }
}
