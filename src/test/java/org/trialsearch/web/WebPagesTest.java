package org.trialsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
