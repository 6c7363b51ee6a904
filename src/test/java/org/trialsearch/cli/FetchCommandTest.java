package org.trialsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestReaders;
import org.trialsearch.ingest.IndexBuild;
import picocli.CommandLine;

/** {@code fetch} against a local stand-in for the registry that replays pages built from real studies. */
class FetchCommandTest {

  @TempDir
  Path dir;

  private HttpServer stub;
  private final List<String> queries = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger requests = new AtomicInteger();
  private List<JsonNode> studies;

  @BeforeEach
  void startStub() throws IOException {
    studies = SharedCorpus.studies(SharedCorpus.v2().resolve("b7h3-ccr8-targets-ctg-studies.json")).stream().map(SharedCorpus.Study::json).toList();
    stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stub.createContext("/api/v2/studies", this::answer);
    stub.start();
  }

  @AfterEach
  void stopStub() {
    stub.stop(0);
  }

  /** First request: 429. Then two pages of 40 and 24 studies, the first with a next-page token. */
  private void answer(HttpExchange exchange) throws IOException {
    String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
    queries.add(query);
    if (requests.getAndIncrement() == 0) {
      exchange.getResponseHeaders().add("Retry-After", "0");
      send(exchange, 429, "{\"message\": \"too many requests\"}");
      return;
    }
    boolean second = query.contains("pageToken=page2");
    ObjectNode page = SharedCorpus.mapper().createObjectNode();
    ArrayNode array = page.putArray("studies");
    studies.subList(second ? 40 : 0, second ? studies.size() : 40).forEach(array::add);
    if (!second) page.put("nextPageToken", "page2");
    send(exchange, 200, SharedCorpus.mapper().writeValueAsString(page));
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void pagesThroughTheQueryRetryingARateLimitAndWritesAFileTheIndexerReads() throws IOException {
    Path out = dir.resolve("car-t.ndjson");
    StringWriter printed = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(printed));
    int exit = cli.execute("fetch", "--query", "chimeric antigen receptor", "--param", "filter.overallStatus=RECRUITING",
        "--page-size", "40", "--out", out.toString(), "--base-url", "http://127.0.0.1:" + stub.getAddress().getPort() + "/api/v2");
    assertEquals(0, exit);
    assertEquals(3, requests.get());
    assertTrue(queries.get(1).contains("query.term=chimeric antigen receptor"), queries.get(1));
    assertTrue(queries.get(1).contains("filter.overallStatus=RECRUITING") && queries.get(1).contains("pageSize=40"), queries.get(1));
    assertTrue(queries.get(2).contains("pageToken=page2"), queries.get(2));
    assertEquals(64, Files.readAllLines(out).size());
    IndexBuild.Result indexed = IndexBuild.run(dir.resolve("index"), List.of(out), TestReaders.config(), bytes -> {});
    assertEquals(64, indexed.report().recordsRead());
    assertEquals(63, indexed.trials(), "one study is in the file twice");
  }

  @Test
  void aRegistryErrorLeavesNoPartialFile() {
    stub.removeContext("/api/v2/studies");
    stub.createContext("/api/v2/studies", exchange -> send(exchange, 400, "{\"message\": \"bad filter\"}"));
    Path out = dir.resolve("none.ndjson");
    StringWriter errors = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setErr(new PrintWriter(errors));
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println("error: " + e.getMessage());
      return 1;
    });
    int exit = cli.execute("fetch", "--query", "x", "--out", out.toString(), "--base-url", "http://127.0.0.1:" + stub.getAddress().getPort() + "/api/v2/");
    assertEquals(1, exit);
    assertTrue(errors.toString().contains("the registry answered 400: {\"message\": \"bad filter\"}"), errors.toString());
    assertTrue(Files.notExists(out));
    try (var left = Files.list(dir)) {
      assertEquals(0, left.filter(p -> p.getFileName().toString().startsWith(".fetch-")).count());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
