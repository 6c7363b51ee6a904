package org.trialsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialsearch.ServerProcess;
import org.trialsearch.SharedCorpus;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.http.HttpSettings;
import org.trialsearch.index.IndexFolder;
import org.trialsearch.ingest.IndexBuild;

/**
 * Kills the server with SIGKILL while a client writes batches, at random moments, 20 times: each
 * time the index must open, pass Lucene's CheckIndex, and hold every trial whose write was
 * acknowledged. The seed is printed; {@code -Dcrash.seed=N} replays a run.
 */
class CrashSafetyTest {

  private static final int RUNS = 20;
  private static final int BATCH = 5;
  private static final String TOKEN = "crash-test-token";

  @TempDir
  Path dir;

  @Test
  void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
    long seed = Long.getLong("crash.seed", System.nanoTime());
    System.out.println("crash seed " + seed + " (replay with -Dcrash.seed=" + seed + ")");
    Random random = new Random(seed);
    Path index = dir.resolve("index");
    IndexBuild.run(index, List.of(SharedCorpus.SAMPLE_DATA), ConfigSource.folder(Path.of("index-config")), bytes -> {});
    String template = Files.readString(SharedCorpus.v2().resolve("NCT02210780.json"));
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger nextId = new AtomicInteger();
    int lost = 0;
    ServerProcess server = start(index);
    try {
      for (int run = 1; run <= RUNS; run++) {
        int before = acknowledged.size();
        AtomicBoolean writing = new AtomicBoolean(true);
        int port = server.port();
        Thread writer = new Thread(() -> writeUntilStopped(port, template, nextId, acknowledged, writing), "crash-writer");
        writer.start();
        long killAfter = 100 + random.nextInt(1500);
        Thread.sleep(killAfter);
        server.kill();
        writing.set(false);
        writer.join();

        CheckIndex.Status status = check(index);
        assertTrue(status.clean, "run " + run + ": CheckIndex found problems (seed " + seed + ")");
        server = start(index);
        List<String> missing = new ArrayList<>();
        for (String id : acknowledged) if (status(server.port(), "/api/trials/" + id) != 200) missing.add(id);
        lost += missing.size();
        System.out.printf("run %d: killed after %d ms, %d writes acknowledged in this run, %d in all, %d missing%n",
            run, killAfter, acknowledged.size() - before, acknowledged.size(), missing.size());
        assertEquals(List.of(), missing, "run " + run + ": acknowledged writes lost (seed " + seed + ")");
      }
      assertTrue(acknowledged.size() > RUNS, "the writer got writes through: " + acknowledged.size());
      assertEquals(0, lost);
    } finally {
      server.close();
    }
  }

  private static ServerProcess start(Path index) throws Exception {
    return ServerProcess.start(index, Map.of(HttpSettings.TOKEN_VARIABLE, TOKEN));
  }

  /** POSTs batches of new trials until told to stop or the server dies; records the ids of every batch answered 200. */
  private static void writeUntilStopped(int port, String template, AtomicInteger nextId, Set<String> acknowledged, AtomicBoolean writing) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    while (writing.get()) {
      List<String> ids = new ArrayList<>();
      StringBuilder batch = new StringBuilder("[");
      for (int i = 0; i < BATCH; i++) {
        String id = String.format("NCT0998%04d", nextId.getAndIncrement());
        ids.add(id);
        batch.append(i == 0 ? "" : ",").append(template.replace("NCT02210780", id));
      }
      try {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/trials"))
            .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(batch.append("]").toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) acknowledged.addAll(ids);
      } catch (Exception killed) {
        return; // the server is gone: this batch was never acknowledged
      }
    }
  }

  private static CheckIndex.Status check(Path index) throws Exception {
    Path generation = IndexFolder.at(index).current();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (Directory directory = FSDirectory.open(generation); CheckIndex checker = new CheckIndex(directory)) {
      checker.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
      CheckIndex.Status status = checker.checkIndex();
      if (!status.clean) System.out.println(log.toString(StandardCharsets.UTF_8));
      return status;
    }
  }

  private static int status(int port, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
