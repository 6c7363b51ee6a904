package org.trialsearch.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.trialsearch.model.Json;
import org.trialsearch.search.CsvExport;
import org.trialsearch.search.FilterValues;
import org.trialsearch.search.SearchRequest;
import org.trialsearch.search.SearchService;
import org.trialsearch.search.Suggestions;

/** The HTTP API and the web pages over it: thin handlers that read typed requests, call the services and write typed answers. */
public final class ApiServer {

  /** The health answer: whether the index is open, and how many trials it holds. */
  public record Health(String status, int trials) {}

  private final SearchService search;
  private final Suggestions suggestions;
  private final FilterValues filterValues;
  private final CsvExport csvExport;
  private final WebPages pages;

  public ApiServer(SearchService search, Suggestions suggestions, FilterValues filterValues) {
    this.search = search;
    this.suggestions = suggestions;
    this.filterValues = filterValues;
    this.csvExport = new CsvExport(search);
    this.pages = new WebPages(search);
  }

  public Javalin create() {
    return Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(Json.mapper(), false));
      config.startup.showJavalinBanner = false;
      ErrorMapping.register(config);
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
    ctx.json(new Health("ok", search.trialCount()));
  }

  private void openApi(Context ctx) throws IOException {
    try (InputStream in = ApiServer.class.getResourceAsStream("/openapi.json")) {
      ctx.contentType("application/json").result(in.readAllBytes());
    }
  }
}
