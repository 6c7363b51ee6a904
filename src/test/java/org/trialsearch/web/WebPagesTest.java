package org.trialsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestServer;

/** The pages and their files as HTTP answers: types, security headers, and nothing outside the assets folder. */
class WebPagesTest {

  private static TestServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server = PageServer.get();
  }

  @Test
  void theSearchPageIsServedWithAPolicyThatAllowsOnlyItsOwnScripts() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertEquals("text/html;charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'self';"));
    assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertTrue(page.body().contains("<script type=\"module\" src=\"/assets/search.js\"></script>"));
  }

  @Test
  void aTrialPageIs404WhenThereIsNoSuchTrial() throws Exception {
    assertEquals(200, get("/trial/NCT03391466").statusCode());
    assertEquals(200, get("/trial/nct03391466").statusCode(), "ids are read in any case, as the API reads them");
    HttpResponse<String> missing = get("/trial/NCT00000001");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("/assets/trial.js"), "the page itself says what is missing");
    assertEquals(404, get("/trial/not-an-id").statusCode());
  }

  @Test
  void aTrialPageComesFromTheServerWithItsTitlePreviewTagsAndStructuredData() throws Exception {
    JsonNode record = server.ok("/api/trials/NCT03391466");
    String title = record.path("trial").path("briefTitle").asText();
    HttpResponse<String> page = get("/trial/NCT03391466");
    Document html = Jsoup.parse(page.body());
    assertEquals(title + " · trialsearch", html.title());
    assertEquals(title, html.selectFirst("meta[property=og:title]").attr("content"));
    assertEquals(title, html.selectFirst("#trial h1").text());
    String description = html.selectFirst("meta[name=description]").attr("content");
    assertEquals(description, html.selectFirst("meta[property=og:description]").attr("content"));
    assertTrue(description.length() <= 200 && record.path("trial").path("briefSummary").asText().startsWith(description.replace("…", "")),
        description);
    assertTrue(html.selectFirst("meta[property=og:url]").attr("content").endsWith("/trial/NCT03391466"));
    JsonNode ld = SharedCorpus.mapper().readTree(html.selectFirst("script[type=application/ld+json]").data());
    assertEquals("MedicalTrial", ld.path("@type").asText());
    assertEquals("NCT03391466", ld.path("identifier").asText());
    assertEquals(title, ld.path("name").asText());
    assertEquals("COMPLETED", record.path("facets").path("status").asText());
    assertEquals("https://schema.org/Completed", ld.path("status").asText());
    assertEquals("Phase 3", ld.path("phase").asText());
    assertEquals(record.path("trial").path("sponsor").path("lead").asText(), ld.path("sponsor").path("name").asText());
    // the record is there to read without any script
    String inclusion = record.path("trial").path("eligibility").path("inclusion").asText();
    String firstCriterion = inclusion.lines().filter(line -> line.startsWith("* ")).findFirst().orElseThrow().substring(2).replace("\\", "");
    assertEquals(firstCriterion, html.selectFirst(".criteria-inclusion > ul > li").ownText());
  }

  @Test
  void aMissingTrialsPageLinksTheRegistry() throws Exception {
    Document html = Jsoup.parse(get("/trial/NCT00000001").body());
    assertEquals("no trial NCT00000001", html.selectFirst("#trial .error").text());
    assertEquals("https://clinicaltrials.gov/study/NCT00000001", html.selectFirst("#trial a[href^=https://clinicaltrials.gov]").attr("href"));
    assertEquals("noindex", html.selectFirst("meta[name=robots]").attr("content"));
  }

  @Test
  void assetsAreServedWithTheirTypes() throws Exception {
    assertEquals("text/javascript", get("/assets/search.js").headers().firstValue("Content-Type").orElseThrow());
    assertTrue(get("/assets/style.css").headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"));
    assertEquals(404, get("/assets/missing.js").statusCode());
  }

  @Test
  void nothingOutsideTheAssetsFolderCanBeRead() throws Exception {
    for (String path : new String[] {"/assets/..%2fsearch.html", "/assets/..%2f..%2fopenapi.json", "/assets/%2e%2e/search.html",
        "/assets/..%5csearch.html", "/assets/%2e%2e%2f%2e%2e%2forg/trialsearch/TrialSearchServer.class", "/assets/../web/search.html"}) {
      HttpResponse<String> answer = get(path);
      assertTrue(answer.statusCode() == 404 || answer.statusCode() == 400, path + " answered " + answer.statusCode());
      assertTrue(!answer.body().contains("<html") && !answer.body().contains("\"openapi\""), path);
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
