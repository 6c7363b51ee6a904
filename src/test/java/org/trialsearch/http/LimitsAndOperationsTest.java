package org.trialsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.ServerSettings;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestServer;
import org.trialsearch.TestServer.Answer;

/** Limits that name themselves, CORS only when configured, Jetty's own errors as JSON, metrics and health. */
class LimitsAndOperationsTest {

  private static TestServer sample;
  private static TestServer strict;

  @BeforeAll
  static void start() {
    sample = TestServer.start(List.of(SharedCorpus.SAMPLE_DATA), ServerSettings.defaults());
    strict = TestServer.start(List.of(SharedCorpus.SAMPLE_DATA), ServerSettings.defaults()
        .withLimits(1 << 20, Duration.ofNanos(1)).withCorsOrigins(List.of("https://trials.example.org")));
  }

  @AfterAll
  static void stop() {
    sample.close();
    strict.close();
  }

  /** Not the client's fault: the server says when to try again, and counts it. */
  @Test
  void aSearchOverItsTimeBudgetIsUnavailableForAMomentNamingTheBudget() {
    double before = overBudget(strict);
    Answer answer = strict.get("/api/search?q=lymphoma&phase=PHASE2");
    assertEquals(503, answer.status(), answer.body());
    assertEquals(503, answer.json().path("error").path("status").asInt());
    assertEquals("the search ran longer than the time budget of 0 ms per query (--query-budget-ms) and was stopped;"
        + " try again in a moment, or narrow it", answer.json().path("error").path("message").asText());
    assertEquals("1", answer.headers().firstValue("Retry-After").orElse(null));
    assertEquals(before + 1, overBudget(strict));
    assertEquals(200, sample.get("/api/search?q=lymphoma&phase=PHASE2").status(), "within the default budget");
    assertEquals(0.0, overBudget(sample));
  }

  private static double overBudget(TestServer server) {
    Matcher count = Pattern.compile("(?m)^trialsearch_searches_over_budget_total (\\S+)$").matcher(server.get("/metrics").body());
    assertTrue(count.find(), "the metric is there from the start");
    return Double.parseDouble(count.group(1));
  }

  @Test
  void corsIsOffUnlessAnOriginIsConfigured() throws Exception {
    assertEquals(null, withOrigin(sample, "https://trials.example.org").headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertEquals("https://trials.example.org",
        withOrigin(strict, "https://trials.example.org").headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertEquals(null, withOrigin(strict, "https://elsewhere.example.com").headers().firstValue("Access-Control-Allow-Origin").orElse(null));
  }

  @Test
  void requestsJettyRefusesItselfAreAnsweredInJson() throws Exception {
    assertJsonError(400, "GET /api/trials/%E0%A4 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertJsonError(400, "GET /api/search HTTP/1.1\r\nHost: x\r\nBad Header\r\nConnection: close\r\n\r\n");
    String lenient = raw(sample.port(), "GET /api/search?q=%FF%FE HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    assertTrue(lenient.startsWith("HTTP/1.1 200"), "a query string that is not UTF-8 is read with replacement characters");
  }

  private static void assertJsonError(int expected, String request) throws Exception {
    String answer = raw(sample.port(), request.getBytes(StandardCharsets.ISO_8859_1));
    Matcher status = Pattern.compile("^HTTP/1.1 (\\d{3})").matcher(answer);
    assertTrue(status.find(), answer);
    assertEquals(expected, Integer.parseInt(status.group(1)), answer);
    assertTrue(answer.contains("Content-Type: application/json"), answer);
    assertTrue(answer.contains("{\"error\":{\"status\":" + expected), answer);
  }

  @Test
  void metricsCountRequestsPerRouteAndDescribeTheIndex() throws Exception {
    sample.ok("/api/search?q=leukemia");
    sample.ok("/api/trials/NCT03391466");
    String metrics = sample.get("/metrics").body();
    assertTrue(Pattern.compile("http_server_requests_seconds_count\\{method=\"GET\",route=\"/api/search\",status=\"200\"} [1-9]").matcher(metrics).find(), metrics);
    assertTrue(metrics.contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/trials/{nctId}\",status=\"200\"}"), "one series per route, not per id");
    assertTrue(metrics.contains("trialsearch_trials 10.0"), metrics);
    assertTrue(Pattern.compile("trialsearch_index_size_bytes [1-9]").matcher(metrics).find());
    assertTrue(metrics.contains("jvm_memory_used_bytes{area=\"heap\""));
  }

  /** The default is this machine only; --host 0.0.0.0 opens every interface. */
  @Test
  void theServerListensWhereItIsTold() throws Exception {
    String lan = otherAddressOfThisMachine();
    assumeTrue(lan != null, "the machine has no address but loopback");
    assertEquals(200, status("127.0.0.1", sample.port()));
    assertEquals(-1, status(lan, sample.port()), "refused on " + lan);
    TestServer everywhere = TestServer.start(List.of(SharedCorpus.SAMPLE_DATA), ServerSettings.defaults().withHost("0.0.0.0"));
    try {
      assertEquals(200, status(lan, everywhere.port()));
      assertEquals(200, status("127.0.0.1", everywhere.port()));
    } finally {
      everywhere.close();
    }
  }

  /** The status of GET /api/health at that address, or -1 when the connection is refused. */
  private static int status(String host, int port) throws Exception {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/api/health")).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.net.ConnectException refused) {
      return -1;
    }
  }

  private static String otherAddressOfThisMachine() throws Exception {
    for (var network : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
      if (!network.isUp() || network.isLoopback()) continue;
      for (var address : java.util.Collections.list(network.getInetAddresses())) {
        if (address instanceof java.net.Inet4Address && !address.isLoopbackAddress()) return address.getHostAddress();
      }
    }
    return null;
  }

  @Test
  void healthSaysTheIndexIsOpenAndWhenItWasCommitted() {
    JsonNode health = sample.ok("/api/health");
    assertEquals("ok", health.path("status").asText());
    assertEquals(10, health.path("trials").asInt());
    assertFalse(Instant.parse(health.path("lastCommit").asText()).isAfter(Instant.now()));
  }

  private static HttpResponse<String> withOrigin(TestServer server, String origin) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/search?q=leukemia"))
        .header("Origin", origin).build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Sends bytes no HTTP client would send, and reads the whole answer. The server may answer and
   * close before it has read everything (a header or body over a limit): what it answered counts.
   */
  static String raw(int port, byte[] request) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      try {
        OutputStream out = socket.getOutputStream();
        out.write(request);
        out.flush();
        socket.shutdownOutput(); // a short body ends here, as when a client goes away
      } catch (java.net.SocketException closedEarly) {
        // the server stopped reading; its answer, if any, is still there to read
      }
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      try {
        socket.getInputStream().transferTo(answer);
      } catch (java.net.SocketException reset) {
        // a reset after the answer: keep what arrived
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
