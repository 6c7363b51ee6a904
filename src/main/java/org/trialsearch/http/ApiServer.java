package org.trialsearch.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.trialsearch.http.CsvExport;
import org.trialsearch.index.Fields;
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

  /** What autocomplete reads: the text, how many, which kind, and the search's facet filters. */
  private static final List<String> AUTOCOMPLETE_PARAMETERS =
      Stream.concat(Stream.of("q", "limit", "kind"), Fields.FACET_DIMENSIONS.stream()).toList();

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
      config.http.prefer405over404 = true;
      config.jetty.modifyServer(ApiServer::graceful);
      if (!settings.corsOrigins().isEmpty()) {
        config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
          List<String> origins = settings.corsOrigins();
          rule.allowHost(origins.get(0), origins.subList(1, origins.size()).toArray(String[]::new));
        }));
      }
      ErrorMapping.register(config, settings.maxBodyBytes(), metrics);
      RequestChecks.register(config);
      Routes routes = new Routes(config);
      metrics.register(config, routes);
      writes.register(routes);
      routes.get("/api/search", SearchParams.NAMES, this::search);
      routes.get("/api/search.csv", SearchParams.EXPORT_NAMES, this::searchCsv);
      routes.get("/api/trials/{nctId}", Routes.NONE, this::trial);
      routes.get("/api/trials/{nctId}/similar", List.of("limit"), this::similar);
      routes.get("/api/autocomplete", AUTOCOMPLETE_PARAMETERS, this::autocomplete);
      routes.get("/api/health", Routes.NONE, this::health);
      routes.get("/openapi.json", Routes.NONE, this::openApi);
      pages.register(config, routes);
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
    csvExport.write(SearchParams.read(ctx, filterValues), ctx);
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
