package org.trialsearch.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.trialsearch.ServerProcess;
import org.trialsearch.SharedCorpus;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.http.HttpSettings;
import org.trialsearch.ingest.IndexBuild;

/**
 * The load test: the server in its own JVM over the whole shared corpus, 64 client connections from
 * this JVM for 60 seconds over a realistic mix (searches with filters, criteria queries, trial
 * pages, autocomplete, CSV pages) while a writer PUTs new trials and measures how long each takes
 * to become searchable. Reports throughput, latency percentiles, errors, write visibility lag and
 * the server's heap after a full GC before and after; fails on any error or on heap growth over
 * 10%. Run: {@code mvn -q -Pbench test-compile exec:exec@load} (options: -Dload.args="--seconds 60 --connections 64").
 */
public final class LoadTest {

  private static final String TOKEN = "load-test-token";
  private static final Path INDEX = Path.of("target", "load-index");
  private static final Path REPORT = Path.of("target", "load-report.txt");
  /** No request may take longer; one that does counts as an error. */
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final int seconds;
  private final int connections;
  private final List<String> mix;

  private LoadTest(int seconds, int connections, List<String> mix) {
    this.seconds = seconds;
    this.connections = connections;
    this.mix = mix;
  }

  public static void main(String[] args) throws Exception {
    int seconds = intArg(args, "--seconds", 60);
    int connections = intArg(args, "--connections", 64);
    System.out.println("Building the index of the shared corpus into " + INDEX + " ...");
    IndexBuild.Result build = IndexBuild.run(INDEX, List.of(SharedCorpus.ROOT, SharedCorpus.SEEDS), ConfigSource.folder(Path.of("index-config")), b -> {});
    System.out.println("  " + build.trials() + " trials in " + build.took().toSeconds() + " s");
    int status;
    try (ServerProcess server = ServerProcess.start(INDEX, Map.of(HttpSettings.TOKEN_VARIABLE, TOKEN))) {
      status = new LoadTest(seconds, connections, QueryMix.build(new Random(42))).run(server);
      server.stop();
    }
    System.exit(status);
  }

  private int run(ServerProcess server) throws Exception {
    String base = "http://localhost:" + server.port();
    System.out.println("Warming up for 15 s ...");
    drive(base, 15, null);
    long heapBefore = heapAfterFullGc(server, base);
    System.out.printf("Load: %d connections for %d s, writes going on ...%n", connections, seconds);
    Writer writer = new Writer(base);
    Thread writing = new Thread(writer, "writer");
    writing.start();
    Result result = drive(base, seconds, writer);
    writer.stop.set(true);
    writing.join();
    long heapAfter = heapAfterFullGc(server, base);
    String report = report(result, writer, heapBefore, heapAfter);
    System.out.println(report);
    Files.writeString(REPORT, report);
    double growth = (heapAfter - heapBefore) / (double) heapBefore;
    return result.errors.get() == 0 && writer.errors.get() == 0 && growth <= 0.10 ? 0 : 1;
  }

  /** What the readers measured: every latency in microseconds, and the failed requests. */
  private record Result(long[] latencies, AtomicLong errors, List<String> firstErrors, double elapsedSeconds) {}

  private Result drive(String base, int forSeconds, Writer writer) throws InterruptedException {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong errors = new AtomicLong();
    List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
    List<long[]> perThread = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(connections);
    long start = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      int seed = c;
      Thread reader = new Thread(() -> {
        // one client, so one keep-alive connection, per thread
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Random random = new Random(seed);
        long[] latencies = new long[1 << 16];
        int n = 0;
        while (running.get()) {
          String path = mix.get(random.nextInt(mix.size()));
          long t = System.nanoTime();
          try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) fail(errors, firstErrors, answer.statusCode() + " " + path);
          } catch (IOException e) {
            fail(errors, firstErrors, e + " " + path);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
          if (n == latencies.length) latencies = Arrays.copyOf(latencies, n * 2);
          latencies[n++] = (System.nanoTime() - t) / 1000;
        }
        perThread.add(Arrays.copyOf(latencies, n));
        done.countDown();
      }, "reader-" + c);
      reader.start();
    }
    Thread.sleep(forSeconds * 1000L);
    running.set(false);
    done.await();
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Result(all, errors, firstErrors, elapsed);
  }

  private static void fail(AtomicLong errors, List<String> firstErrors, String what) {
    errors.incrementAndGet();
    if (firstErrors.size() < 10) firstErrors.add(what);
  }

  /** PUTs a new trial every 100 ms and measures how long until a search finds it. */
  private static final class Writer implements Runnable {
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicLong errors = new AtomicLong();
    final List<Long> lagsMillis = Collections.synchronizedList(new ArrayList<>());
    final List<Long> ackMillis = Collections.synchronizedList(new ArrayList<>());
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String template;

    Writer(String base) throws IOException {
      this.base = base;
      this.template = Files.readString(SharedCorpus.V2_JSON.resolve("NCT02210780.json"));
    }

    @Override
    public void run() {
      int n = 0;
      while (!stop.get()) {
        String id = String.format("NCT0996%04d", n);
        String word = "loadmarker" + letters(n++);
        String body = template.replace("NCT02210780", id).replace("Study of Dupilumab", "Study of " + word + " Dupilumab");
        try {
          long t = System.nanoTime();
          HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base + "/api/trials/" + id))
              .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
              .PUT(HttpRequest.BodyPublishers.ofString(body)).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
          if (put.statusCode() != 200) {
            errors.incrementAndGet();
            System.out.println("write answered " + put.statusCode() + ": " + put.body());
            continue;
          }
          long acked = System.nanoTime();
          ackMillis.add((acked - t) / 1_000_000);
          while (total(word) != 1) {
            if (System.nanoTime() - acked > TIMEOUT.toNanos()) throw new IOException(id + " not searchable within " + TIMEOUT);
            Thread.sleep(5);
          }
          lagsMillis.add((System.nanoTime() - acked) / 1_000_000);
          Thread.sleep(100);
        } catch (IOException e) {
          errors.incrementAndGet();
          System.out.println("write failed: " + e.getMessage());
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    /** 0 -> "a", 25 -> "z", 26 -> "ba": a word of letters only, one per write. */
    private static String letters(int n) {
      StringBuilder word = new StringBuilder();
      do {
        word.insert(0, (char) ('a' + n % 26));
        n /= 26;
      } while (n > 0);
      return word.toString();
    }

    private int total(String word) throws IOException, InterruptedException {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/search?size=1&q=" + word)).timeout(TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString());
      return SharedCorpus.parse(answer.body()).path("total").asInt();
    }
  }

  /** Runs a full GC in the server (jcmd), then reads its heap in use from /metrics. */
  private static long heapAfterFullGc(ServerProcess server, String base) throws Exception {
    Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
    for (int i = 0; i < 2; i++) new ProcessBuilder(jcmd.toString(), String.valueOf(server.process().pid()), "GC.run").start().waitFor();
    String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    long used = 0;
    for (String line : metrics.split("\n")) {
      if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"")) used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
    return used;
  }

  private String report(Result result, Writer writer, long heapBefore, long heapAfter) {
    long[] l = result.latencies;
    List<Long> lags = new ArrayList<>(writer.lagsMillis);
    Collections.sort(lags);
    List<Long> acks = new ArrayList<>(writer.ackMillis);
    Collections.sort(acks);
    StringBuilder out = new StringBuilder();
    out.append(String.format("Load test: %d connections, %.1f s, %d cores, JDK %s%n", connections, result.elapsedSeconds,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
    out.append(String.format("  reads: %d requests, %.0f per second, errors %d%n", l.length, l.length / result.elapsedSeconds, result.errors.get()));
    out.append(String.format("  latency ms: p50 %.2f, p90 %.2f, p99 %.2f, max %.2f%n", pct(l, 50), pct(l, 90), pct(l, 99), l.length == 0 ? 0 : l[l.length - 1] / 1000.0));
    out.append(String.format("  writes: %d acknowledged (PUT, durable), errors %d; acknowledgement ms p50 %s, p99 %s%n", acks.size(), writer.errors.get(),
        pct(acks, 50), pct(acks, 99)));
    out.append(String.format("  write -> searchable lag ms: p50 %s, p99 %s, max %s%n", pct(lags, 50), pct(lags, 99), lags.isEmpty() ? "-" : lags.get(lags.size() - 1)));
    out.append(String.format("  server heap after full GC: %.1f MiB before, %.1f MiB after (%+.1f%%)%n", heapBefore / 1048576.0, heapAfter / 1048576.0,
        100.0 * (heapAfter - heapBefore) / heapBefore));
    if (!result.firstErrors.isEmpty()) out.append("  first errors: ").append(result.firstErrors).append('\n');
    return out.toString();
  }

  private static double pct(long[] sorted, int p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
  }

  private static String pct(List<Long> sorted, int p) {
    return sorted.isEmpty() ? "-" : String.valueOf(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
    return fallback;
  }

  /** The requests readers draw from: what the web page and API users send, built from the relevance queries and the vocabulary. */
  static final class QueryMix {
    private static final String[] FILTERS = {
        "", "", "&antigen=CD19", "&antigen=BCMA", "&phase=PHASE1&phase=PHASE2", "&status=RECRUITING", "&country=United%20States",
        "&country=China&antigen=CD19", "&age=10", "&age=70&status=RECRUITING", "&age_group=CHILD", "&modality=CAR-T&phase=PHASE2"};
    private static final String[] PREFIXES = {"lym", "leuk", "bcm", "tisa", "kymr", "myel", "glio", "cd1", "b-c", "acute l", "novar", "chin"};

    static List<String> build(Random random) throws IOException {
      List<String> queries = new ArrayList<>();
      JsonNode judged = SharedCorpus.mapper().readTree(Path.of("src", "test", "resources", "relevance", "judgements.json").toFile());
      for (JsonNode q : judged.path("queries")) queries.add(q.path("q").asText());
      queries.addAll(List.of("", "", "inclusion:ECOG", "exclusion:\"hepatitis B\"", "inclusion:\"measurable disease\" -exclusion:HIV",
          "criteria:\"prior CAR-T\"", "\"multiple myeloma\" BCMA", "lymphoma OR leukemia", "CD19 -CD22"));
      List<String> mix = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String q = URLEncoder.encode(queries.get(random.nextInt(queries.size())), StandardCharsets.UTF_8);
        String filters = FILTERS[random.nextInt(FILTERS.length)];
        int kind = random.nextInt(20);
        if (kind < 13) mix.add("/api/search?q=" + q + filters + (random.nextInt(5) == 0 ? "&page=2" : ""));
        else if (kind < 17) mix.add("/api/autocomplete?q=" + URLEncoder.encode(PREFIXES[random.nextInt(PREFIXES.length)], StandardCharsets.UTF_8) + filters);
        else if (kind < 19) mix.add("/api/search?q=" + q + "&sort=start_date" + filters);
        else mix.add("/api/trials/NCT05515185");
      }
      return mix;
    }
  }
}
