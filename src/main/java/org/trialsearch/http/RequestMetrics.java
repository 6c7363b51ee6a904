package org.trialsearch.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trialsearch.index.TrialIndex;
import org.trialsearch.model.Json;

/**
 * Request counts and latencies per route, the index's size, trial count and last commit, and the
 * JVM's memory and collections, served at {@code /metrics} in Prometheus' text format; and one
 * structured (JSON) log line per request.
 */
final class RequestMetrics {

  private static final Logger REQUESTS = LoggerFactory.getLogger("trialsearch.requests");

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter overBudget = Counter.builder("trialsearch.searches.over.budget")
      .description("searches stopped at the query time budget and answered 503").register(registry);

  RequestMetrics(TrialIndex index, TrialCount trials) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    // strong references: the registry holds gauge targets weakly, and the counter is a lambda nothing else keeps
    Gauge.builder("trialsearch.trials", trials, t -> orNaN(t::count)).strongReference(true).description("trials in the index").register(registry);
    Gauge.builder("trialsearch.index.size", index, i -> orNaN(i::sizeOnDisk)).baseUnit("bytes").description("bytes on disk of the index in use").register(registry);
    Gauge.builder("trialsearch.index.last.commit", index, i -> i.lastCommit().toEpochMilli() / 1000.0).baseUnit("seconds")
        .description("when the index was last committed, in seconds since the epoch").register(registry);
  }

  /** Counts a search stopped at the time budget. */
  void searchOverBudget() {
    overBudget.increment();
  }

  /** The trial count, as the search service knows it. */
  interface TrialCount {
    long count() throws IOException;
  }

  private interface Reading {
    long read() throws IOException;
  }

  private static double orNaN(Reading reading) {
    try {
      return reading.read();
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  void register(JavalinConfig config, Routes routes) {
    config.requestLogger.http(this::record);
    routes.get("/metrics", Routes.NONE, ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
  }

  private void record(Context ctx, Float millis) {
    String route = route(ctx);
    Timer.builder("http.server.requests")
        .tag("method", ctx.method().name()).tag("route", route).tag("status", String.valueOf(ctx.statusCode()))
        .publishPercentileHistogram()
        .register(registry)
        .record(Duration.ofNanos((long) (millis * 1_000_000)));
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("method", ctx.method().name());
    line.put("path", ctx.path());
    line.put("route", route);
    line.put("status", ctx.statusCode());
    line.put("ms", Math.round(millis * 100) / 100.0);
    if (ctx.queryString() != null) line.put("query", ctx.queryString());
    line.put("remote", ctx.ip());
    try {
      REQUESTS.info(Json.mapper().writeValueAsString(line));
    } catch (IOException e) {
      REQUESTS.warn("request log line failed: {}", e.getMessage());
    }
  }

  /** The route template, so that metrics have one series per route, not per trial id. */
  private static String route(Context ctx) {
    var endpoint = ctx.endpoints().lastHttpEndpoint();
    if (endpoint != null && !endpoint.path.equals("*")) return endpoint.path;
    return ctx.path().startsWith("/assets/") ? "/assets/*" : "unmatched";
  }
}
