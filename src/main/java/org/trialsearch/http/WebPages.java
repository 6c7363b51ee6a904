package org.trialsearch.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.trialsearch.error.InvalidRequestException;
import org.trialsearch.search.SearchService;

/**
 * The web pages: the search page at {@code /}, the trial page at {@code /trial/{id}}, and their
 * scripts and styles under {@code /assets/}, all from the jar. The pages are filled in by their
 * scripts from the JSON API; the content security policy lets no other script run.
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
  private final byte[] trialPage = resource("/web/trial.html");

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

  /** The trial page, answered 404 (with the same page, which says what is missing) when there is no such trial. */
  private void trial(Context ctx) throws IOException {
    try {
      if (!search.exists(TrialIdParam.read(ctx.pathParam("id")))) ctx.status(404);
    } catch (InvalidRequestException e) {
      ctx.status(404);
    }
    page(ctx, trialPage);
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
