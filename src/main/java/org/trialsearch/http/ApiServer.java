package org.trialsearch.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.trialsearch.http.CsvExport;
import org.trialsearch.index.TrialIndex;
import org.trialsearch.model.Json;
import org.trialsearch.search.FilterValues;
import org.trialsearch.search.SearchRequest;
import org.trialsearch.search.SearchService;
import org.trialsearch.suggest.Suggestions;
import org.trialsearch.write.TrialWrites;

/** The HTTP API and the web pages over it: thin handlers that read typed requests, call the services and write typed answers. */
public final class ApiServer {

  /** The health answer: whether the index is open, how many trials it holds, and when it was last committed. */
  public record Health(String status, int trials, Instant lastCommit) {}

  /** How long stopping waits for requests under way. */
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

  private final SearchService search;
  private final Suggestions suggestions;
  private final FilterValues filterValues;
  private final CsvExport csvExport;
  private final WebPages pages;
  private final WriteApi writes;
  private final RequestMetrics metrics;
  private final HttpSettings settings;
  private final TrialIndex index;

  public ApiServer(SearchService search, Suggestions suggestions, FilterValues filterValues, TrialWrites writes, TrialIndex index,
      HttpSettings settings) {
    this.search = search;
    this.suggestions = suggestions;
    this.filterValues = filterValues;
    this.csvExport = new CsvExport(search);
    this.pages = new WebPages(search);
    this.writes = new WriteApi(writes, new WriteAccess(settings.writeToken()));
    this.metrics = new RequestMetrics(index, search::trialCount);
    this.settings = settings;
    this.index = index;
  }

  public Javalin create() {
    return Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(Json.mapper(), false));
      config.startup.showJavalinBanner = false;
      config.http.maxRequestSize = settings.maxBodyBytes();
      config.jetty.modifyServer(ApiServer::graceful);
      if (!settings.corsOrigins().isEmpty()) {
        config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
          List<String> origins = settings.corsOrigins();
          rule.allowHost(origins.get(0), origins.subList(1, origins.size()).toArray(String[]::new));
        }));
      }
      ErrorMapping.register(config, settings.maxBodyBytes(), metrics);
      metrics.register(config);
      writes.register(config);
      config.routes.get("/api/search", this::search);
      config.routes.get("/api/search.csv", this::searchCsv);
      config.routes.get("/api/trials/{nctId}", this::trial);
      config.routes.get("/api/trials/{nctId}/similar", this::similar);
      config.routes.get("/api/autocomplete", this::autocomplete);
      config.routes.get("/api/health", this::health);
      config.routes.get("/openapi.json", this::openApi);
      pages.register(config);
    });
  }

  /**
   * Errors Jetty answers itself come as JSON; stopping lets requests under way finish (up to the
   * stop timeout) while new ones are refused.
   */
  private static void graceful(Server server) {
    server.setErrorHandler(new JsonErrorHandler());
    server.setStopTimeout(STOP_TIMEOUT.toMillis());
    server.insertHandler(new GracefulHandler());
  }

  private void search(Context ctx) throws IOException {
    ctx.json(search.search(SearchParams.read(ctx, filterValues)));
  }

  /** Streams every matching trial; the first row goes out before the last is read. */
  private void searchCsv(Context ctx) throws IOException {
    SearchRequest request = SearchParams.read(ctx, filterValues);
    ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"trials.csv\"");
    try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
      csvExport.write(request, out);
    }
  }

  private void trial(Context ctx) throws IOException {
    ctx.json(search.trial(trialId(ctx)));
  }

  private void similar(Context ctx) throws IOException {
    ctx.json(search.similar(trialId(ctx), SearchParams.integer(ctx, "limit", 10)));
  }

  private static String trialId(Context ctx) {
    return TrialIdParam.read(ctx.pathParam("nctId"));
  }

  private void autocomplete(Context ctx) throws IOException {
    int limit = SearchParams.integer(ctx, "limit", 10);
    ctx.json(suggestions.suggest(ctx.queryParam("q"), limit, ctx.queryParam("kind"), SearchParams.filters(ctx, filterValues)));
  }

  private void health(Context ctx) throws IOException {
    ctx.json(new Health("ok", search.trialCount(), index.lastCommit()));
  }

  private void openApi(Context ctx) throws IOException {
    try (InputStream in = ApiServer.class.getResourceAsStream("/openapi.json")) {
      ctx.contentType("application/json").result(in.readAllBytes());
    }
  }
}
