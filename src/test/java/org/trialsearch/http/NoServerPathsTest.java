package org.trialsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestServer;

/**
 * A trial's sources are named from the folder that was indexed, never by where the files lie on
 * the server's disk: checked in the record and the page of every trial of the shared corpus,
 * indexed by absolute paths.
 */
class NoServerPathsTest {

  private static final Path CORPUS = SharedCorpus.ROOT.toAbsolutePath().normalize();
  private static final Path SEEDS = SharedCorpus.SEEDS.toAbsolutePath().normalize();
  /** What every absolute path of this machine starts with, as an answer would hold it. */
  private static final String DISK = CORPUS.getParent().getParent().toString();

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(List.of(CORPUS, SEEDS));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void noAnswerAboutAnyTrialNamesAPathOnTheServersDisk() {
    List<String> ids = allIds();
    assertEquals(server.build().trials(), ids.size());
    for (String id : ids) {
      TestServer.Answer answer = server.get("/api/trials/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
      assertEquals(200, answer.status(), id);
      assertFalse(answer.body().contains(DISK), id + ": " + answer.body());
      for (JsonNode source : answer.json().path("trial").path("sources")) {
        String file = source.path("file").asText();
        assertTrue(file.startsWith("corpus/") || file.startsWith("seeds/"), id + ": " + file);
      }
      TestServer.Answer page = server.get("/trial/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
      assertEquals(200, page.status(), id);
      assertFalse(page.body().contains(DISK), id + "'s page");
    }
  }

  @Test
  void aSourceIsNamedFromTheFolderThatWasIndexed() {
    JsonNode sources = server.ok("/api/trials/NCT02746952").path("trial").path("sources");
    List<String> files = new ArrayList<>();
    sources.forEach(s -> files.add(s.path("file").asText() + " #" + s.path("position").asInt()));
    assertTrue(files.contains("seeds/000_919e1ae99469d85e.txt #1"), files.toString());
  }

  private static List<String> allIds() {
    List<String> ids = new ArrayList<>();
    JsonNode page = server.ok("/api/search?size=100&sort=last_update");
    while (true) {
      page.path("hits").forEach(hit -> ids.add(hit.path("nctId").asText()));
      String cursor = page.path("nextCursor").asText(null);
      if (cursor == null || page.path("hits").isEmpty()) return ids;
      page = server.ok("/api/search?size=100&sort=last_update&cursor=" + cursor);
    }
  }
}
