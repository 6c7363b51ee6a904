package org.trialsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialsearch.ServerProcess;
import org.trialsearch.SharedCorpus;

/** {@code serve} with no index builds one from the sample data and answers searches: what a newcomer sees first. */
class ServeCommandTest {

  @TempDir
  Path dir;

  @Test
  void servesTheSampleTrialsWhenNoIndexExists() throws Exception {
    try (ServerProcess server = ServerProcess.start(dir.resolve("index"), Map.of())) {
      JsonNode answer = get(server.port(), "/api/search?q=leukemia");
      assertEquals(4, answer.path("total").asInt());
      for (String dim : List.of("phase", "status", "antigen", "country", "age_group")) {
        assertTrue(answer.path("facets").path(dim).path("values").size() > 0, dim);
      }
      assertEquals(10, get(server.port(), "/api/health").path("trials").asInt());
      server.stop();
      assertTrue(server.output().stream().anyMatch(line -> line.contains("Stopped: requests under way finished, index committed")), "a clean stop on SIGTERM: " + server.output());
    }
  }

  private static JsonNode get(int port, String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return SharedCorpus.parse(response.body());
  }
}
