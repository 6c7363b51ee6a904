package org.trialsearch.http;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.trialsearch.enrich.EnrichedTrial;
import org.trialsearch.error.InvalidRequestException;
import org.trialsearch.error.NotFoundException;
import org.trialsearch.search.SearchService;
import org.trialsearch.web.TrialView;

/**
 * The web pages: the search page at {@code /}, the trial page at {@code /trial/{id}}, and their
 * scripts and styles under {@code /assets/}, all from the jar. The search page is filled in by its
 * script from the JSON API; the trial page comes whole from the server (readable without
 * JavaScript, and by link previews and search engines), and its script adds similar trials. The
 * content security policy lets no other script run.
 */
final class WebPages {

  /** Only this server's own scripts, styles and API; no inline script, no framing. */
  private static final Map<String, String> SECURITY_HEADERS = Map.of(
      "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "same-origin");

  private final SearchService search;
  private final byte[] searchPage = resource("/web/search.html");
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  WebPages(SearchService search) {
    this.search = search;
  }

  void register(JavalinConfig config, Routes routes) {
    config.staticFiles.add(files -> {
      files.hostedPath = "/assets";
      files.directory = "/web/assets";
      files.location = Location.CLASSPATH;
      files.headers = Map.of("Cache-Control", "no-cache", "X-Content-Type-Options", "nosniff");
    });
    routes.page("/", ctx -> page(ctx, searchPage));
    routes.page("/trial/{id}", this::trial);
  }

  /** The trial page; 404 with a page that says what is missing when there is no such trial. */
  private void trial(Context ctx) throws IOException {
    String asWritten = ctx.pathParam("id");
    String id;
    EnrichedTrial record;
    try {
      id = TrialIdParam.read(asWritten);
    } catch (InvalidRequestException e) {
      missing(ctx, asWritten, e.getMessage(), null);
      return;
    }
    try {
      record = search.trial(id);
    } catch (NotFoundException e) {
      missing(ctx, id, e.getMessage(), TrialView.registryUrl(id));
      return;
    }
    String path = "/trial/" + record.trial().nctId();
    String pageUrl = ctx.host() == null ? path : ctx.scheme() + "://" + ctx.host() + path; // an HTTP/1.0 client may send no host
    render(ctx, "trial.jte", Map.of("view", new TrialView(record, pageUrl)));
  }

  private void missing(Context ctx, String id, String message, String registryUrl) {
    ctx.status(404);
    Map<String, Object> params = new HashMap<>();
    params.put("id", id);
    params.put("message", message);
    params.put("registryUrl", registryUrl);
    render(ctx, "missingTrial.jte", params);
  }

  private void render(Context ctx, String template, Map<String, Object> params) {
    StringOutput html = new StringOutput();
    templates.render(template, params, html);
    page(ctx, html.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void page(Context ctx, byte[] html) {
    SECURITY_HEADERS.forEach(ctx::header);
    ctx.header("Cache-Control", "no-cache").contentType("text/html; charset=utf-8").result(html);
  }

  private static byte[] resource(String path) {
    try (InputStream in = WebPages.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("missing from the build: " + path);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
