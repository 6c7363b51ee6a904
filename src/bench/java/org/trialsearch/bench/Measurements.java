package org.trialsearch.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How a system is timed: single-client latency per query kind, closed-loop throughput with N
 * clients for a fixed time, autocomplete latency. Every figure is the median over rounds, after a
 * warm-up; a failed request counts as an error, never as a fast answer.
 */
final class Measurements {

  /** Milliseconds at the 50th and 99th percentile, and failed requests. */
  record Latency(double p50, double p99, long errors) {}

  /** Requests per second, and failed requests. */
  record Throughput(double perSecond, long errors) {}

  @FunctionalInterface
  interface Request<T> {
    void send(T item) throws Exception;
  }

  /** The first few distinct failures seen, for the campaign to print: an error count alone says nothing of why. */
  static final java.util.Set<String> FAILURES = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private Measurements() {}

  /**
   * Longest a round of single-client latency may take: a system that needs seconds per search
   * (PostgreSQL and SQLite on the large corpora) answers a sample of the workload instead of all of it.
   */
  static final Duration ROUND_LIMIT = Duration.ofSeconds(60);

  /**
   * Sends every item once, or for this long at least, whichever is later, but no longer than a round
   * may take, from this many clients at once. A fresh server JVM on 2 cores took about two minutes
   * of 16-client load to reach its steady rate; warmed by one client for 15 s, it was still getting
   * faster through its 16-client rounds. Warming at the heaviest load measured also compiles the
   * paths only concurrent searches take.
   */
  static <T> void warmUp(List<T> items, Request<T> request, int clients, Duration atLeast) throws Exception {
    long start = System.nanoTime();
    long end = start + atLeast.toNanos();
    long limit = start + Math.max(atLeast.toNanos(), ROUND_LIMIT.toNanos());
    AtomicLong next = new AtomicLong();
    Callable<Void> client = () -> {
      for (long i = next.getAndIncrement(); (i < items.size() || System.nanoTime() < end) && System.nanoTime() < limit;
          i = next.getAndIncrement()) {
        try {
          request.send(items.get((int) (i % items.size())));
        } catch (Exception e) {
          // counted when measured
        }
      }
      return null;
    };
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      together(pool, clients, client);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Runs this many copies of one client at once and waits for all of them; a client's failure is thrown here. */
  private static void together(ExecutorService pool, int clients, Callable<Void> client) throws Exception {
    for (Future<Void> f : pool.invokeAll(Collections.nCopies(clients, client))) f.get();
  }

  /**
   * Latency per kind (and "all") of one client sending the queries in turn, in an order shuffled
   * the same way for every system so that a round cut short by {@link #ROUND_LIMIT} still samples
   * every kind; the median of the rounds' percentiles.
   */
  static Map<String, Latency> latencyByKind(List<BenchQuery> queries, Request<BenchQuery> request, int rounds) {
    Map<String, List<Latency>> perRound = new LinkedHashMap<>();
    List<BenchQuery> shuffled = new ArrayList<>(queries);
    java.util.Collections.shuffle(shuffled, new java.util.Random(42));
    for (int round = 0; round < rounds; round++) {
      Map<String, List<Double>> millis = new LinkedHashMap<>();
      Map<String, Long> errors = new LinkedHashMap<>();
      long limit = System.nanoTime() + ROUND_LIMIT.toNanos();
      for (BenchQuery query : shuffled) {
        if (System.nanoTime() > limit) break;
        long start = System.nanoTime();
        boolean ok = attempt(request, query);
        double took = (System.nanoTime() - start) / 1e6;
        for (String kind : List.of(query.kind(), "all")) {
          if (ok) millis.computeIfAbsent(kind, k -> new ArrayList<>()).add(took);
          else errors.merge(kind, 1L, Long::sum);
        }
      }
      millis.forEach((kind, list) -> perRound.computeIfAbsent(kind, k -> new ArrayList<>())
          .add(new Latency(percentile(list, 50), percentile(list, 99), errors.getOrDefault(kind, 0L))));
    }
    Map<String, Latency> median = new LinkedHashMap<>();
    perRound.forEach((kind, list) -> median.put(kind, new Latency(median(list.stream().mapToDouble(Latency::p50).toArray()),
        median(list.stream().mapToDouble(Latency::p99).toArray()), list.stream().mapToLong(Latency::errors).sum())));
    return median;
  }

  static Latency latency(List<String> prefixes, Request<String> request, int rounds) {
    Map<String, Latency> byKind = latencyByKind(prefixes.stream().map(p -> new BenchQuery("all", p, Map.of(), null)).toList(),
        q -> request.send(q.text()), rounds);
    return byKind.get("all");
  }

  /** Closed loop: each client sends the next query as soon as its answer is in; queries taken in turn from a shared counter. */
  static Throughput throughput(List<BenchQuery> queries, Request<BenchQuery> request, int clients, Duration duration, int rounds)
      throws Exception {
    double[] rates = new double[rounds];
    long errors = 0;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      for (int round = 0; round < rounds; round++) {
        AtomicLong next = new AtomicLong(round * 7919L);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        together(pool, clients, () -> {
          while (System.nanoTime() < end) {
            BenchQuery query = queries.get((int) (next.getAndIncrement() % queries.size()));
            if (attempt(request, query)) done.incrementAndGet();
            else failed.incrementAndGet();
          }
          return null;
        });
        rates[round] = done.get() / ((System.nanoTime() - start) / 1e9);
        errors += failed.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return new Throughput(median(rates), errors);
  }

  private static <T> boolean attempt(Request<T> request, T item) {
    try {
      request.send(item);
      return true;
    } catch (Exception e) {
      if (FAILURES.size() < 5) FAILURES.add(e.toString().lines().findFirst().orElse("") + " (" + item + ")");
      return false;
    }
  }

  static double percentile(List<Double> values, double p) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) return Double.NaN;
    int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
