package org.trialsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.trialsearch.TestServer;

/** The search page in a real headless Chromium, checked against the API's own answers. */
class SearchPageBrowserTest {

  private static final Pattern TOTAL = Pattern.compile("^([\\d,]+) trials?|^No trials");

  private static TestServer server;
  private static Browser browser;

  @BeforeAll
  static void start() throws IOException {
    server = PageServer.get();
    browser = PageServer.browser();
  }

  @BeforeEach
  void freshPage() {
    browser.go("/");
    browser.awaitSearch();
  }

  @Test
  void pickingASuggestionWithTheKeyboardFiltersByIt() {
    JsonNode suggestions = server.ok("/api/autocomplete?q=bcm&limit=8");
    int bcma = indexOf(suggestions, "BCMA", "antigen");
    WebElement box = browser.find("#q");
    box.sendKeys("bcm");
    browser.until(d -> browser.find("#suggestions").isDisplayed());
    assertEquals("true", box.getAttribute("aria-expanded"));
    assertEquals(suggestions.size(), browser.driver().findElements(By.cssSelector("#suggestions [role=option]")).size());
    for (int i = 0; i <= bcma; i++) box.sendKeys(Keys.ARROW_DOWN);
    String active = box.getAttribute("aria-activedescendant");
    assertTrue(browser.find("#" + active).getText().startsWith("BCMA"), browser.find("#" + active).getText());
    assertEquals("true", browser.find("#" + active).getAttribute("aria-selected"));

    box.sendKeys(Keys.ENTER);
    browser.until(d -> browser.location().equals("/?antigen=BCMA"));
    browser.awaitSearch();
    assertTrue(browser.find("#f-antigen-BCMA").isSelected());
    assertEquals("", box.getAttribute("value"), "the typed prefix gives way to the filter");
    assertEquals(server.ok("/api/search?antigen=BCMA").path("total").asInt(), shownTotal());
    assertEquals(suggestions.get(bcma).path("count").asInt(), shownTotal(), "the suggestion's count is the number of trials it leads to");
  }

  @Test
  void escapeClosesTheSuggestionsAndEnterSearchesTheTypedText() {
    WebElement box = browser.find("#q");
    box.sendKeys("glioblastoma");
    browser.until(d -> browser.find("#suggestions").isDisplayed());
    box.sendKeys(Keys.ESCAPE);
    browser.until(d -> !browser.find("#suggestions").isDisplayed());
    assertEquals("false", box.getAttribute("aria-expanded"));
    box.sendKeys(Keys.ENTER);
    browser.until(d -> browser.location().equals("/?q=glioblastoma"));
    browser.awaitSearch();
    assertEquals(server.ok("/api/search?q=glioblastoma").path("total").asInt(), shownTotal());
    assertEquals(hitIds("/api/search?q=glioblastoma&size=10"), shownHitIds());
  }

  @Test
  void tickingTwoPhasesAndAnAntigenShowsTheApisCount() {
    tick("#f-phase-PHASE1");
    tick("#f-phase-PHASE2");
    tick("#f-antigen-CD19");
    assertEquals("/?phase=PHASE1&phase=PHASE2&antigen=CD19", browser.location());
    JsonNode answer = server.ok("/api/search?phase=PHASE1&phase=PHASE2&antigen=CD19");
    assertEquals(answer.path("total").asInt(), shownTotal());
    assertTrue(answer.path("total").asInt() > 0);
    // Facet counts update with the selection: the other phases are counted within CD19 (drill-sideways).
    for (JsonNode value : answer.path("facets").path("phase").path("values")) {
      String id = "#f-phase-" + value.path("value").asText();
      assertEquals(value.path("count").asText(), browser.find(id + " + label .facet-count").getText(), id);
    }
    // The phase chart draws only the chosen phases, with their counts within the results.
    List<String> bars = browser.driver().findElements(By.cssSelector(".chart:nth-child(2) .bars li")).stream()
        .map(bar -> bar.findElement(By.className("bar-label")).getText() + "\n" + bar.findElement(By.className("bar-count")).getText()).toList();
    assertEquals(List.of("Phase 1\n" + count(answer, "phase", "PHASE1"), "Phase 2\n" + count(answer, "phase", "PHASE2")), bars);
    assertEquals("/api/search.csv?phase=PHASE1&phase=PHASE2&antigen=CD19", browser.find("#csv-link").getDomAttribute("href"));
  }

  @Test
  void sortAndPagesLiveInTheAddressAndBackReturnsToThem() {
    new Select(browser.find("#sort")).selectByValue("start_date");
    browser.until(d -> browser.location().equals("/?sort=start_date"));
    browser.awaitSearch();
    assertEquals(hitIds("/api/search?sort=start_date&size=10"), shownHitIds());

    browser.find("#pager a[rel=next]").click();
    browser.until(d -> browser.location().equals("/?sort=start_date&page=2"));
    browser.awaitSearch();
    assertEquals(hitIds("/api/search?sort=start_date&size=10&page=2"), shownHitIds());
    assertEquals("11", browser.find("#hits").getDomProperty("start"));
    assertEquals("2", browser.find("#pager a[aria-current=page]").getText());

    browser.driver().navigate().back();
    browser.until(d -> browser.location().equals("/?sort=start_date"));
    browser.awaitSearch();
    assertEquals(hitIds("/api/search?sort=start_date&size=10"), shownHitIds());
    browser.driver().navigate().forward();
    browser.until(d -> browser.location().equals("/?sort=start_date&page=2"));
    browser.awaitSearch();
    assertEquals(hitIds("/api/search?sort=start_date&size=10&page=2"), shownHitIds());
  }

  @Test
  void aTrialPageAndBackShowTheSameSearch() {
    browser.go("/?q=lymphoma&phase=PHASE2");
    browser.awaitSearch();
    List<String> before = shownHitIds();
    String first = before.get(0);
    browser.find(".hit-title a").click();
    browser.until(d -> browser.location().equals("/trial/" + first));
    browser.awaitTrial();
    assertEquals(server.ok("/api/trials/" + first).path("trial").path("briefTitle").asText(), browser.find("#trial h1").getText());

    browser.driver().navigate().back();
    browser.until(d -> browser.location().equals("/?q=lymphoma&phase=PHASE2"));
    browser.awaitSearch();
    assertEquals("lymphoma", browser.find("#q").getAttribute("value"));
    assertTrue(browser.find("#f-phase-PHASE2").isSelected());
    assertEquals(before, shownHitIds());
    assertEquals(server.ok("/api/search?q=lymphoma&phase=PHASE2").path("total").asInt(), shownTotal());
  }

  @Test
  void aStaleOpenStatusShowsItsLastKnownValueAndDate() throws IOException {
    // a trial the sources call recruiting, not verified for two years: the registry's rule makes it Unknown
    JsonNode stale = null;
    for (JsonNode hit : server.ok("/api/search?status=UNKNOWN&size=100&sort=last_update").path("hits")) {
      if (hit.path("statusStated").asText().equals("RECRUITING") && hit.hasNonNull("statusAsOf")) {
        stale = hit;
        break;
      }
    }
    assertNotNull(stale, "the corpus has a recruiting trial not verified for two years");
    LocalDate asOf = LocalDate.parse(stale.path("statusAsOf").asText());
    assertTrue(asOf.isBefore(LocalDate.now(ZoneOffset.UTC).minusYears(2)), asOf.toString());
    String expected = "Unknown status (last known: Recruiting, as of "
        + asOf.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH)) + ")";
    String id = stale.path("nctId").asText();
    browser.go("/?q=" + id);
    browser.awaitSearch();
    assertEquals(expected, browser.find(".hit .facts .status").getText());
    browser.go("/trial/" + id);
    browser.awaitTrial();
    assertEquals(expected, browser.find(".trial-header .status").getText());
    browser.screenshot("trial-stale-status", 1280, false);
    // every card says as of when
    browser.go("/?status=RECRUITING");
    browser.awaitSearch();
    for (WebElement status : browser.driver().findElements(By.cssSelector(".hit .facts .status"))) {
      assertTrue(status.getText().matches("Recruiting, as of [A-Z][a-z]+ \\d{4}"), status.getText());
    }
  }

  @Test
  void theHomePageSaysWhatTheSiteIsAndShowsRecruitingTrialsFirst() throws IOException {
    assertTrue(browser.find("#intro").isDisplayed());
    assertEquals("Find CAR-T and other cell therapy trials", browser.find("#intro h2").getText());
    assertEquals("recruiting", browser.find("#sort").getDomProperty("value"));
    List<String> expected = hitIds("/api/search?sort=recruiting&size=10");
    assertEquals(expected, shownHitIds());
    assertEquals("RECRUITING", server.ok("/api/trials/" + expected.get(0)).path("facets").path("status").asText());
    browser.screenshot("home-desktop", 1280, false);
    browser.go("/?q=lymphoma");
    browser.awaitSearch();
    assertFalse(browser.find("#intro").isDisplayed(), "a search shows its results alone");
    assertEquals("relevance", browser.find("#sort").getDomProperty("value"));
  }

  @Test
  void facetsHavePlainNamesWithTheRegistrysTermsInATooltip() {
    WebElement antigen = browser.driver().findElements(By.cssSelector(".facet legend")).stream()
        .filter(l -> l.getText().equals("Target antigen")).findFirst().orElseThrow();
    assertTrue(antigen.getDomAttribute("title").startsWith("CAR target antigen (registry term):"), antigen.getDomAttribute("title"));
    for (WebElement notStated : browser.driver().findElements(By.cssSelector(".not-stated"))) {
      assertTrue(notStated.getText().matches("No information: [\\d,]+ trials?"), notStated.getText());
    }
  }

  @Test
  void onAPhoneTheChartsComeAfterTheResults() {
    browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(400, 900));
    try {
      browser.go("/?antigen=CD19");
      browser.awaitSearch();
      double hitsBottom = ((Number) browser.script("return document.getElementById('hits').getBoundingClientRect().bottom")).doubleValue();
      double chartsTop = ((Number) browser.script("return document.getElementById('charts').getBoundingClientRect().top")).doubleValue();
      assertTrue(chartsTop >= hitsBottom, chartsTop + " < " + hitsBottom);
    } finally {
      browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }
  }

  @Test
  void aSearchThatFindsNothingOffersWhatToDropWithItsCount() {
    JsonNode answer = server.ok("/api/search?q=glioblastoma&antigen=BCMA");
    assertEquals(0, answer.path("total").asInt());
    List<String> expected = new ArrayList<>();
    for (JsonNode way : answer.path("waysOut")) {
      String what = way.path("drop").asText().equals("q") ? "without the words “glioblastoma”" : "without target antigen: BCMA";
      int total = way.path("total").asInt();
      expected.add(what + " · " + total + (total == 1 ? " trial" : " trials"));
    }
    assertEquals(2, expected.size(), answer.path("waysOut").toString());
    browser.go("/?q=glioblastoma&antigen=BCMA");
    browser.awaitSearch();
    assertEquals("No trials found", browser.find("#result-count").getText());
    assertEquals(expected, browser.driver().findElements(By.cssSelector("#ways-out li")).stream().map(WebElement::getText).toList());
    browser.driver().findElements(By.cssSelector("#ways-out a")).stream()
        .filter(a -> a.getText().equals("without target antigen: BCMA")).findFirst().orElseThrow().click();
    browser.until(d -> browser.location().equals("/?q=glioblastoma"));
    browser.awaitSearch();
    assertTrue(browser.find("#result-count").getText().startsWith(server.ok("/api/search?q=glioblastoma").path("total").asInt() + " trials"));
    assertFalse(browser.find("#ways-out").isDisplayed());
  }

  @Test
  void aCriteriaSearchSaysHowManyTrialsHaveCriteriaToMatch() {
    JsonNode coverage = server.ok("/api/search?q=exclusion%3Ahepatitis").path("criteriaCoverage");
    int trials = coverage.path("trials").asInt();
    int withCriteria = coverage.path("withCriteria").asInt();
    assertTrue(withCriteria < trials, coverage.toString());
    browser.go("/?q=exclusion%3Ahepatitis");
    browser.awaitSearch();
    assertEquals("Only " + String.format(Locale.ENGLISH, "%,d", withCriteria) + " of the " + String.format(Locale.ENGLISH, "%,d", trials)
        + " trials your filters keep have eligibility criteria text in these sources; a criteria search (inclusion:, exclusion:) can only match those.",
        browser.find("#criteria-coverage").getText());
  }

  @Test
  void snippetsMarkTheMatchedWordsAndShowRecordMarkupAsText() {
    browser.go("/?q=" + PageServer.HOSTILE_ID);
    browser.awaitSearch();
    assertEquals(PageServer.HOSTILE_TITLE, browser.find(".hit-title a").getText());
    browser.go("/?q=" + PageServer.HOSTILE_ID + "%20exclusion%3A%22hepatitis%20B%22");
    browser.awaitSearch();
    WebElement hostile = browser.find(".hit");
    assertEquals("* " + PageServer.HOSTILE_CRITERION, hostile.findElement(By.cssSelector(".snippets dd .snippet")).getText());
    assertEquals("hepatitis B", hostile.findElement(By.cssSelector(".snippets mark")).getText());
    assertTrue(hostile.findElements(By.cssSelector(".snippets script, .hit-title img")).isEmpty());
    assertNull(browser.script("return window.injected"), "no script from record text ran");
  }

  @Test
  void aMisspeltQueryOffersTheCorrection() {
    JsonNode answer = server.ok("/api/search?q=glioblastma");
    String corrected = answer.path("didYouMean").path("query").asText();
    assertEquals("glioblastoma", corrected);
    browser.go("/?q=glioblastma");
    browser.awaitSearch();
    WebElement offer = browser.find("#did-you-mean");
    assertEquals("Did you mean glioblastoma (" + answer.path("didYouMean").path("total").asInt() + " trials)?", offer.getText());
    offer.findElement(By.tagName("a")).click();
    browser.until(d -> browser.location().equals("/?q=glioblastoma"));
    browser.awaitSearch();
    assertEquals(answer.path("didYouMean").path("total").asInt(), shownTotal());
  }

  /** The API refuses unknown parameters; the page passes on only its own, whatever else its address carries. */
  @Test
  void anAddressCarryingOtherParametersStillSearches() {
    browser.go("/?q=glioblastoma&utm_source=newsletter&size=3");
    browser.awaitSearch();
    assertTrue(browser.find("#error").getAttribute("hidden") != null, "no error shown");
    assertEquals(server.ok("/api/search?q=glioblastoma").path("total").asInt(), shownTotal());
    assertEquals(hitIds("/api/search?q=glioblastoma&size=10"), shownHitIds(), "the page asks for its own page size");
    assertEquals("/api/search.csv?q=glioblastoma", browser.find("#csv-link").getDomAttribute("href"));
  }

  @Test
  void patientAgeAndFiltersWorkFromTheKeyboard() {
    WebElement age = browser.find("#age");
    age.sendKeys("10", Keys.ENTER);
    browser.until(d -> browser.location().equals("/?age=10"));
    browser.awaitSearch();
    assertEquals(server.ok("/api/search?age=10").path("total").asInt(), shownTotal());

    WebElement recruiting = browser.find("#f-status-RECRUITING");
    recruiting.sendKeys(Keys.SPACE);
    browser.until(d -> browser.location().equals("/?age=10&status=RECRUITING"));
    browser.awaitSearch();
    assertEquals(server.ok("/api/search?age=10&status=RECRUITING").path("total").asInt(), shownTotal());
    assertEquals("f-status-RECRUITING", browser.script("return document.activeElement.id"), "focus stays on the box just ticked");

    browser.find(".chip[aria-label='Remove patient age 10']").sendKeys(Keys.ENTER);
    browser.until(d -> browser.location().equals("/?status=RECRUITING"));
  }

  @Test
  void theSearchPageBreaksNoAccessibilityRule() throws IOException {
    browser.go("/?q=lymphoma&phase=PHASE2&page=1");
    browser.awaitSearch();
    assertEquals(List.of(), browser.accessibilityViolations());
    browser.find("#q").clear();
    browser.find("#q").sendKeys("lymph");
    browser.until(d -> browser.find("#suggestions").isDisplayed());
    browser.find("#q").sendKeys(Keys.ARROW_DOWN);
    assertEquals(List.of(), browser.accessibilityViolations(), "with the suggestions open");
  }

  @Test
  void screenshotsAtDesktopAndPhoneWidthsFitTheScreen() throws IOException {
    browser.go("/?q=lymphoma&antigen=CD19");
    browser.awaitSearch();
    assertEquals(0, browser.screenshot("search-desktop", 1280, false));
    browser.go("/?q=lymphoma");
    browser.awaitSearch();
    assertEquals(0, browser.screenshot("search-phone", 390, true), "nothing overflows sideways on a phone");
  }

  @Test
  void onANarrowScreenTheFiltersFoldBehindAButton() throws IOException {
    browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(400, 900));
    try {
      browser.go("/");
      browser.awaitSearch();
      assertFalse(browser.find("#filters").isDisplayed());
      WebElement toggle = browser.find("#filters-toggle");
      toggle.sendKeys(Keys.ENTER);
      browser.until(d -> browser.find("#filters").isDisplayed());
      assertEquals("true", toggle.getAttribute("aria-expanded"));
      assertEquals(List.of(), browser.accessibilityViolations());
      browser.screenshot("search-phone-filters", 390, true);
      browser.find("#filters-done").sendKeys(Keys.ENTER);
      browser.until(d -> !browser.find("#filters").isDisplayed());
      assertEquals("results", browser.script("return document.activeElement.id"), "the reader lands on the results");
      assertEquals("false", toggle.getAttribute("aria-expanded"));
    } finally {
      browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }
  }

  private void tick(String checkbox) {
    String before = browser.location();
    browser.find(checkbox).click();
    browser.until(d -> !browser.location().equals(before));
    browser.awaitSearch();
    assertTrue(browser.find(checkbox).isSelected(), checkbox);
  }

  private static String count(JsonNode answer, String dim, String value) {
    for (JsonNode v : answer.path("facets").path(dim).path("values")) {
      if (v.path("value").asText().equals(value)) return v.path("count").asText();
    }
    throw new AssertionError(dim + "=" + value + " is not counted");
  }

  private static int shownTotal() {
    Matcher m = TOTAL.matcher(browser.find("#result-count").getText());
    if (!m.find()) throw new AssertionError("no count in '" + browser.find("#result-count").getText() + "'");
    return m.group(1) == null ? 0 : Integer.parseInt(m.group(1).replace(",", ""));
  }

  private static List<String> shownHitIds() {
    return browser.driver().findElements(By.cssSelector(".hit .nct")).stream().map(WebElement::getText).toList();
  }

  private static List<String> hitIds(String apiPath) {
    List<String> ids = new ArrayList<>();
    server.ok(apiPath).path("hits").forEach(hit -> ids.add(hit.path("nctId").asText()));
    return ids;
  }

  private static int indexOf(JsonNode suggestions, String text, String kind) {
    for (int i = 0; i < suggestions.size(); i++) {
      if (suggestions.get(i).path("text").asText().equals(text) && suggestions.get(i).path("kind").asText().equals(kind)) return i;
    }
    throw new AssertionError(text + " is not suggested: " + suggestions);
  }
}
