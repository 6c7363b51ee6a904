package org.trialsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trialsearch.Poll;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestServer;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.ingest.IndexBuild;

/** A full rebuild from files runs while the server answers from the old index; the server switches to the new one at once, with no failed request. */
class RebuildWhileServingTest {

  @Test
  void theServerAnswersThroughoutARebuildAndThenServesTheNewIndex() throws Exception {
    TestServer server = TestServer.start(List.of(SharedCorpus.SAMPLE_DATA));
    try {
      assertEquals(10, server.ok("/api/health").path("trials").asInt());
      int before = server.ok("/api/search?q=lymphoma&phase=PHASE2").path("total").asInt();
      AtomicBoolean reading = new AtomicBoolean(true);
      AtomicInteger answered = new AtomicInteger();
      ConcurrentHashMap<Integer, Integer> statuses = new ConcurrentHashMap<>();
      ConcurrentHashMap<Integer, Boolean> totalsSeen = new ConcurrentHashMap<>();
      Thread reader = new Thread(() -> {
        while (reading.get()) {
          TestServer.Answer answer = server.get("/api/search?q=lymphoma&phase=PHASE2");
          statuses.merge(answer.status(), 1, Integer::sum);
          if (answer.status() == 200) totalsSeen.put(answer.json().path("total").asInt(), true);
          answered.incrementAndGet();
        }
      });
      reader.start();

      IndexBuild.Result rebuilt = IndexBuild.run(server.indexDir(), List.of(SharedCorpus.v2(), SharedCorpus.SAMPLE_DATA),
          ConfigSource.folder(Path.of("index-config")), bytes -> {});
      int servedDuringBuild = answered.get();
      Poll.until("the server serves the rebuilt index", () -> server.ok("/api/health").path("trials").asInt() == rebuilt.trials());
      int after = server.ok("/api/search?q=lymphoma&phase=PHASE2").path("total").asInt();
      Poll.until("the reader sees the rebuilt index", () -> totalsSeen.containsKey(after));
      reading.set(false);
      reader.join();

      assertTrue(servedDuringBuild > 10, "searches were answered while the new index was built: " + servedDuringBuild);
      assertEquals(List.of(200), List.copyOf(statuses.keySet()), "every search answered 200: " + statuses);
      assertTrue(after > before, before + " -> " + after);
      assertEquals(java.util.Set.of(before, after), totalsSeen.keySet(), "each answer came whole from one index or the other");
      Poll.until("the old generation is removed", () -> generations(server.indexDir()) == 1);
    } finally {
      server.close();
    }
  }

  private static long generations(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(p -> p.getFileName().toString().startsWith("gen-")).count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
