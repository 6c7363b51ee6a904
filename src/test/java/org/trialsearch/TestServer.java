package org.trialsearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.ingest.IndexBuild;

/**
 * A real server on a free port over an index built from source files. The index of the shared
 * API v2 corpus is built once per test run and shared by every test class that asks for it.
 */
public final class TestServer {

  /** An HTTP answer: status, parsed JSON body, and headers. */
  public record Answer(int status, JsonNode json, String contentType, String body, HttpHeaders headers) {}

  private static TestServer v2Corpus;
  private static TestServer fullCorpus;

  private final TrialSearchServer server;
  private final IndexBuild.Result build;
  private final Path indexDir;
  private final ConfigSource config;
  private final ServerSettings settings;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestServer(TrialSearchServer server, IndexBuild.Result build, Path indexDir, ConfigSource config, ServerSettings settings) {
    this.server = server;
    this.build = build;
    this.indexDir = indexDir;
    this.config = config;
    this.settings = settings;
  }

  public static synchronized TestServer v2Corpus() {
    if (v2Corpus == null) {
      v2Corpus = start(List.of(SharedCorpus.v2()));
      Runtime.getRuntime().addShutdownHook(new Thread(v2Corpus::close));
    }
    return v2Corpus;
  }

  /** Every file of the shared corpus and the seed pages, in one index. */
  public static synchronized TestServer fullCorpus() {
    if (fullCorpus == null) {
      fullCorpus = start(List.of(SharedCorpus.v2().getParent(), SharedCorpus.SEEDS));
      Runtime.getRuntime().addShutdownHook(new Thread(fullCorpus::close));
    }
    return fullCorpus;
  }

  public static TestServer start(List<Path> sources) {
    return start(sources, ConfigSource.folder(Path.of("index-config")));
  }

  public static TestServer start(List<Path> sources, ConfigSource config) {
    return start(sources, config, ServerSettings.defaults());
  }

  public static TestServer start(List<Path> sources, ServerSettings settings) {
    return start(sources, ConfigSource.folder(Path.of("index-config")), settings);
  }

  public static TestServer start(List<Path> sources, ConfigSource config, ServerSettings settings) {
    try {
      Path dir = Files.createTempDirectory("trialsearch-test-index");
      IndexBuild.Result build = IndexBuild.run(dir, sources, config, bytes -> {});
      return new TestServer(TrialSearchServer.start(dir, 0, config, settings), build, dir, config, settings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops this server and starts a new one on the same index folder, as after a restart. */
  public TestServer restart() {
    close();
    try {
      return new TestServer(TrialSearchServer.start(indexDir, 0, config, settings), build, indexDir, config, settings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path indexDir() {
    return indexDir;
  }

  public IndexBuild.Result build() {
    return build;
  }

  public int port() {
    return server.port();
  }

  /** GET a path with its query string, already encoded. */
  public Answer get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + pathAndQuery)).GET().build());
  }

  /** A request with a body (null for none), a content type and a bearer token (null for none). */
  public Answer send(String method, String pathAndQuery, String contentType, byte[] body, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + pathAndQuery))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) request.header("Content-Type", contentType);
    if (token != null) request.header("Authorization", "Bearer " + token);
    return send(request.build());
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      String type = response.headers().firstValue("Content-Type").orElse("");
      JsonNode json = type.startsWith("application/json") ? SharedCorpus.parse(response.body()) : null;
      return new Answer(response.statusCode(), json, type, response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET that must answer 200. */
  public JsonNode ok(String pathAndQuery) {
    Answer answer = get(pathAndQuery);
    if (answer.status() != 200) throw new AssertionError("GET " + pathAndQuery + " answered " + answer.status() + ": " + answer.json());
    return answer.json();
  }

  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
