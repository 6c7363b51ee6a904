package org.trialsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestServer;

/** The trial page in a real headless Chromium, checked against the record as the registry file states it. */
class TrialPageBrowserTest {

  /** ZUMA-7 in data/: 14 sites in several countries, criteria split into inclusion and exclusion. */
  private static final String ZUMA7 = "NCT03391466";

  private static TestServer server;
  private static Browser browser;

  @BeforeAll
  static void start() throws IOException {
    server = PageServer.get();
    browser = PageServer.browser();
  }

  @Test
  void inclusionAndExclusionCriteriaAreListsOfTheRecordsCriteria() {
    browser.go("/trial/" + ZUMA7);
    browser.awaitTrial();
    String[] halves = criteria(SharedCorpus.SAMPLE_DATA, ZUMA7).split("Exclusion Criteria:");
    assertEquals(topLevelBullets(halves[0]), texts(".criteria-inclusion > ul > li"));
    assertEquals(topLevelBullets(halves[1]), texts(".criteria-exclusion > ul > li"));
  }

  @Test
  void numberedCriteriaKeepTheirContinuationLines() {
    browser.go("/trial/NCT05515185");
    browser.awaitTrial();
    String[] halves = criteria(SharedCorpus.v2(), "NCT05515185").split("Exclusion Criteria:");
    List<WebElement> inclusion = browser.driver().findElements(By.cssSelector(".criteria-inclusion > ul > li"));
    assertEquals(halves[0].lines().filter(line -> line.matches("\\d+\\. .*")).count(), inclusion.size());
    assertEquals(halves[1].lines().filter(line -> line.matches("\\d+\\. .*")).count(),
        browser.driver().findElements(By.cssSelector(".criteria-exclusion > ul > li")).size());
    assertEquals("Laboratory test results should at least meet the following requirements:", texts(".criteria-inclusion > ul > li").get(6));
    assertTrue(inclusion.get(6).findElement(By.tagName("p")).getText().startsWith("Left ventricular ejection fraction ≥40%;"));
  }

  @Test
  void sitesAreGroupedByCountryWithTheirCounts() {
    browser.go("/trial/" + ZUMA7);
    browser.awaitTrial();
    assertEquals(sitesByCountry(study(SharedCorpus.SAMPLE_DATA, ZUMA7)), shownSiteCounts());
    assertTrue(browser.driver().findElements(By.cssSelector(".site-group details")).isEmpty(), "sites that state only their country list nothing more");
  }

  @Test
  void aFoldedSiteGroupShowsItsOpenMarker() {
    browser.go("/trial/NCT05859464");
    browser.awaitTrial();
    for (WebElement summary : browser.driver().findElements(By.cssSelector("summary.site-country"))) {
      assertEquals("list-item", summary.getCssValue("display"), summary.getText());
    }
  }

  @Test
  void sitesWithPlacesListThemUnderTheirCountry() {
    String trial = "NCT05859464";
    browser.go("/trial/" + trial);
    browser.awaitTrial();
    JsonNode locations = study(SharedCorpus.v2(), trial).path("protocolSection").path("contactsLocationsModule").path("locations");
    assertEquals(sitesByCountry(study(SharedCorpus.v2(), trial)), shownSiteCounts());
    for (WebElement group : browser.driver().findElements(By.cssSelector(".site-group details"))) {
      String country = group.findElement(By.tagName("summary")).getText().split(" · ")[0];
      List<String> expected = new ArrayList<>();
      locations.forEach(l -> {
        if (l.path("country").asText().equals(country)) expected.add(l.path("facility").asText() + ", " + l.path("city").asText());
      });
      List<String> shown = group.findElements(By.tagName("li")).stream().map(WebElement::getText).toList();
      assertEquals(expected.size(), shown.size(), country);
      for (int i = 0; i < shown.size(); i++) assertTrue(shown.get(i).startsWith(expected.get(i)), shown.get(i) + " / " + expected.get(i));
    }
  }

  @Test
  void sourcesAndSimilarTrialsAreListed() {
    browser.go("/trial/" + ZUMA7);
    browser.awaitTrial();
    JsonNode record = server.ok("/api/trials/" + ZUMA7);
    browser.find(".sources-fold summary").click();
    List<WebElement> rows = browser.driver().findElements(By.cssSelector("#sources-table tbody tr"));
    assertEquals(record.path("trial").path("sources").size(), rows.size());
    assertEquals("data/car-t-sample.json", rows.get(0).findElements(By.tagName("td")).get(1).getText());
    browser.until(d -> browser.find("#similar").isDisplayed());
    List<String> similar = new ArrayList<>();
    server.ok("/api/trials/" + ZUMA7 + "/similar?limit=6").forEach(hit -> similar.add("/trial/" + hit.path("nctId").asText()));
    assertEquals(similar, browser.driver().findElements(By.cssSelector("#similar-list a")).stream().map(a -> a.getDomAttribute("href")).toList());
  }

  @Test
  void aSourcesOwnWordsAreShownBesideTheRegistrysValues() {
    browser.go("/trial/NCT03984968");
    browser.awaitTrial();
    JsonNode sources = server.ok("/api/trials/NCT03984968").path("trial").path("sources");
    browser.find(".sources-fold summary").click();
    List<String> headings = browser.driver().findElements(By.cssSelector("#sources-table thead th")).stream()
        .map(WebElement::getText).toList();
    assertEquals("As the source wrote", headings.get(headings.size() - 1));
    List<String> shown = new ArrayList<>();
    for (WebElement row : browser.driver().findElements(By.cssSelector("#sources-table tbody tr"))) {
      List<WebElement> cells = row.findElements(By.tagName("td"));
      shown.add(cells.get(cells.size() - 1).getText());
    }
    List<String> expected = new ArrayList<>();
    sources.forEach(s -> expected.add(s.path("format").asText().equals("WEB_PAGE") ? "status: Enrolling; phases: Phase 2, Phase 1" : "—"));
    assertEquals(expected, shown);
  }

  @Test
  void recordMarkupIsShownAsText() {
    browser.go("/trial/" + PageServer.HOSTILE_ID);
    browser.awaitTrial();
    assertEquals(PageServer.HOSTILE_TITLE, browser.find("#trial h1").getText());
    assertEquals(List.of(PageServer.HOSTILE_CRITERION), texts(".criteria-exclusion > ul > li"));
    assertTrue(browser.driver().findElements(By.cssSelector("#trial script, #trial img")).isEmpty());
    assertNull(browser.script("return window.injected"), "no script from record text ran");
  }

  @Test
  void howToContactComesBeforeTheOutcomesWithLinksThatCallAndWrite() {
    browser.go("/trial/NCT03475563");
    browser.awaitTrial();
    List<String> sections = browser.driver().findElements(By.cssSelector("#trial > section > h2")).stream().map(WebElement::getText).toList();
    assertEquals(List.of("Key facts", "Contacts", "Summary", "Eligibility"), sections.subList(0, 4));
    assertTrue(sections.indexOf("Contacts") < sections.indexOf("Outcomes"), sections.toString());
    WebElement call = browser.find("#section-contacts ~ .contacts a[href^='tel:']");
    assertEquals("tel:+342746155", call.getDomAttribute("href"));
    assertEquals("+342746155", call.getText());
    assertEquals("mailto:iotaegui@vhebron.net", browser.find("#section-contacts ~ .contacts a[href^='mailto:']").getDomAttribute("href"));
    assertEquals("Principal investigator: Imanol Otaegui, MD, Hospital Universitari Vall d'hebron Barcelona, Spain",
        browser.find("#section-contacts ~ .officials li").getText());
    assertTrue(texts(".site-group li").contains("Hospital Universitari Parc Taulí, Sabadell, Barcelona 08208 · Recruiting"),
        texts(".site-group li").toString());
    assertEquals("Eduard Bosch, MD", browser.find(".site-contact").getText());
  }

  @Test
  void recordMarkdownIsRenderedWithoutItsMarks() {
    browser.go("/trial/NCT07222735");
    browser.awaitTrial();
    WebElement summary = browser.find("#section-summary ~ .prose");
    // the record's "\- To evaluate" is read as the bullet its author meant, as the registry's own page shows it
    assertEquals(List.of("To evaluate the safety of B7-H3-CAR T cell therapy after priming with hypofractionated radiation therapy (HFRT)"
        + " and lymphodepleting chemotherapy in patients ≤ 21 years of age with relapsed/refractory B7-H3+ sarcomas.",
        "To describe the antitumor activity of B7-H3-CAR T cells in combination with HFRT",
        "To determine if B7-H3-CAR T cells traffic to tumor sites after combination treatment with HFRT"),
        summary.findElements(By.tagName("li")).stream().map(WebElement::getText).toList());
    assertEquals(List.of("RAD3CAR is a phase I study designed to evaluatethe safety of B7-H3-CAR T cells and lymphodepletion in combination"
        + " with hypofractionated radiation therapy.", "Primary objective:", "Secondary objectives:"),
        summary.findElements(By.cssSelector(":scope > p")).stream().map(WebElement::getText).toList());
    assertFalse(summary.getText().contains("\\"), "no escape is shown");
  }

  @Test
  void recordMarkdownBringsNoMarkupOfItsOwn() {
    browser.go("/trial/" + PageServer.HOSTILE_ID);
    browser.awaitTrial();
    WebElement summary = browser.find("#section-summary ~ .prose");
    assertEquals(List.of("a listed point"), summary.findElements(By.tagName("li")).stream().map(WebElement::getText).toList());
    assertEquals("listed", summary.findElement(By.tagName("em")).getText());
    assertTrue(summary.getText().startsWith("A summary <script>window.injected = true</script> with a link and"), summary.getText());
    assertTrue(browser.driver().findElements(By.cssSelector("#trial script, #trial img, #trial a[href^='javascript']")).isEmpty());
    assertNull(browser.script("return window.injected"), "no script from record text ran");
  }

  @Test
  void printingGivesTheRecordAloneWithItsFoldedPartsOpen() throws IOException {
    browser.go("/trial/" + ZUMA7);
    browser.awaitTrial();
    browser.until(d -> browser.find("#similar").isDisplayed());
    browser.script("window.dispatchEvent(new Event('beforeprint'))");
    assertEquals(0L, browser.script("return document.querySelectorAll('#trial details:not([open]):not(.sources-fold)').length"));
    browser.emulatePrint(true);
    try {
      for (String hidden : List.of(".site-header", "#similar", "#section-sources")) {
        assertEquals("none", browser.script("return getComputedStyle(document.querySelector('" + hidden + "').closest('header, aside, section')).display"), hidden);
      }
      assertEquals("block", browser.script("return getComputedStyle(document.querySelector('.trial-layout')).display"));
      browser.screenshot("trial-printed", 800, false);
    } finally {
      browser.emulatePrint(false);
    }
  }

  @Test
  void aTrialWhoseSourcesGiveNoCriteriaSaysSoAndLinksTheRegistry() throws IOException {
    JsonNode record = server.ok("/api/trials/NCT03453554").path("trial");
    assertTrue(record.path("eligibility").isMissingNode(), "the record states no eligibility");
    browser.go("/trial/NCT03453554");
    browser.awaitTrial();
    WebElement notice = browser.find("#section-eligibility ~ .missing");
    assertEquals("The sources here give no eligibility criteria for this trial. Its page on ClinicalTrials.gov may list them.", notice.getText());
    assertEquals("https://clinicaltrials.gov/study/NCT03453554", notice.findElement(By.tagName("a")).getDomAttribute("href"));
    browser.screenshot("trial-without-criteria", 1280, false);
  }

  @Test
  void anUnknownTrialSaysSo() {
    browser.go("/trial/NCT00000001");
    browser.awaitTrial();
    assertEquals("No such trial", browser.find("#trial h1").getText());
    assertEquals("no trial NCT00000001", browser.find("#trial .error").getText());
    browser.go("/trial/NCT123%3Cb%3E");
    browser.awaitTrial();
    assertEquals("No such trial", browser.find("#trial h1").getText());
    assertEquals("not a trial id: 'NCT123<b>' (expected NCT and 8 digits, or PAGE- and 12 hex digits)", browser.find("#trial .error").getText());
  }

  @Test
  void theTrialPageBreaksNoAccessibilityRule() throws IOException {
    browser.go("/trial/" + ZUMA7);
    browser.awaitTrial();
    browser.until(d -> browser.find("#similar").isDisplayed());
    assertEquals(List.of(), browser.accessibilityViolations());
  }

  @Test
  void screenshotsAtDesktopAndPhoneWidthsFitTheScreen() throws IOException {
    browser.go("/trial/" + ZUMA7);
    browser.awaitTrial();
    browser.until(d -> browser.find("#similar").isDisplayed());
    assertEquals(0, browser.screenshot("trial-desktop", 1280, false));
    assertEquals(0, browser.screenshot("trial-phone", 390, true), "nothing overflows sideways on a phone");
  }

  private static List<String> texts(String css) {
    return browser.driver().findElements(By.cssSelector(css)).stream().map(e -> e.getText().lines().findFirst().orElse("")).toList();
  }

  /** The first line of each criterion the record marks with "* " at the start of a line. */
  private static List<String> topLevelBullets(String text) {
    return text.lines().filter(line -> line.startsWith("* ")).map(line -> line.substring(2).replace("\\", "").strip()).toList();
  }

  private static Map<String, Integer> sitesByCountry(JsonNode study) {
    Map<String, Integer> byCountry = new TreeMap<>();
    for (JsonNode location : study.path("protocolSection").path("contactsLocationsModule").path("locations")) {
      byCountry.merge(location.path("country").asText(), 1, Integer::sum);
    }
    return byCountry;
  }

  private static Map<String, Integer> shownSiteCounts() {
    Map<String, Integer> shown = new TreeMap<>();
    for (String heading : texts(".site-country")) {
      String[] parts = heading.split(" · ");
      shown.put(parts[0], Integer.parseInt(parts[1].split(" ")[0]));
    }
    return shown;
  }

  private static String criteria(Path folder, String nctId) {
    return study(folder, nctId).path("protocolSection").path("eligibilityModule").path("eligibilityCriteria").asText();
  }

  private static JsonNode study(Path folder, String nctId) {
    return SharedCorpus.studies(folder).stream().filter(s -> s.nctId().equals(nctId)).findFirst().orElseThrow().json();
  }
}
