package org.trialsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialsearch.SharedCorpus;

/** {@code serve} with no index builds one from the sample data and answers searches: what a newcomer sees first. */
class ServeCommandTest {

  private static final Pattern SERVING = Pattern.compile("Serving .* on http://localhost:(\\d+)/");

  @TempDir
  Path dir;

  @Test
  void servesTheSampleTrialsWhenNoIndexExists() throws Exception {
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "serve", "--index", dir.resolve("index").toString(), "--port", "0"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      int port = portFrom(process);
      JsonNode answer = get(port, "/api/search?q=leukemia");
      assertEquals(4, answer.path("total").asInt());
      for (String dim : List.of("phase", "status", "antigen", "country", "age_group")) {
        assertTrue(answer.path("facets").path(dim).path("values").size() > 0, dim);
      }
      assertEquals(10, get(port, "/api/health").path("trials").asInt());
    } finally {
      process.destroy();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server stops on SIGTERM");
    }
  }

  private static int portFrom(Process process) throws Exception {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          Matcher m = SERVING.matcher(line);
          if (m.find()) port.complete(Integer.parseInt(m.group(1)));
        }
        port.completeExceptionally(new AssertionError("the server stopped before serving"));
      } catch (Exception e) {
        port.completeExceptionally(e);
      }
    });
    reader.setDaemon(true);
    reader.start();
    Integer found = port.get(2, TimeUnit.MINUTES);
    assertNotNull(found);
    return found;
  }

  private static JsonNode get(int port, String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return SharedCorpus.parse(response.body());
  }
}
