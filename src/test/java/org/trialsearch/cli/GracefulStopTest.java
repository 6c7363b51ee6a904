package org.trialsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialsearch.ServerProcess;
import org.trialsearch.SharedCorpus;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.http.HttpSettings;
import org.trialsearch.ingest.IndexBuild;

/** SIGTERM while a large write is under way: the write finishes and is answered, the index is committed, and all of it is there after a restart. */
class GracefulStopTest {

  private static final String TOKEN = "graceful-token";
  private static final int TRIALS = 300;

  @TempDir
  Path dir;

  @Test
  void aWriteUnderWayWhenTheServerIsToldToStopFinishes() throws Exception {
    Path index = dir.resolve("index");
    IndexBuild.run(index, List.of(SharedCorpus.SAMPLE_DATA), ConfigSource.folder(Path.of("index-config")), bytes -> {});
    String template = Files.readString(SharedCorpus.v2().resolve("NCT02210780.json"));
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < TRIALS; i++) batch.append(i == 0 ? "" : ",").append(template.replace("NCT02210780", String.format("NCT0997%04d", i)));
    String body = batch.append("]").toString();

    Map<String, String> environment = Map.of(HttpSettings.TOKEN_VARIABLE, TOKEN);
    ServerProcess server = ServerProcess.start(index, environment);
    int written;
    // the body goes out in two halves, so the request is surely under way when SIGTERM arrives
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("localhost", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/trials HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAuthorization: Bearer " + TOKEN
          + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(bytes, 0, bytes.length / 2);
      out.flush();
      Thread.sleep(500);
      Thread stopping = new Thread(() -> {
        try {
          server.stop();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      stopping.start();
      Thread.sleep(500); // SIGTERM is in; the server waits for this request
      assertTrue(server.process().isAlive(), "the server waits for the request under way");
      out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      stopping.join();
      assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
      written = SharedCorpus.parse(answer.substring(answer.indexOf("\r\n\r\n") + 4)).path("written").size();
    }
    assertEquals(TRIALS, written);
    assertTrue(server.output().stream().anyMatch(line -> line.contains("Stopped: requests under way finished, index committed")), server.output().toString());

    try (ServerProcess restarted = ServerProcess.start(index, environment)) {
      JsonNode health = SharedCorpus.parse(HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + restarted.port() + "/api/health")).build(), HttpResponse.BodyHandlers.ofString()).body());
      assertEquals(10 + TRIALS, health.path("trials").asInt());
    }
  }
}
