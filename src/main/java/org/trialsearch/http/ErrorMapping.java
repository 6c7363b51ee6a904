package org.trialsearch.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trialsearch.error.InvalidRequestException;
import org.trialsearch.error.NotFoundException;
import org.trialsearch.error.OverBudgetException;
import org.trialsearch.write.UnsupportedBodyException;

/**
 * Every error answer is decided here: bad requests 400, unknown things 404, bodies in no readable
 * format 415, refused writes 401/403, a method a path does not take 405 with {@code Allow}, a body
 * over the limit 413, a search past the time budget 503
 * with {@code Retry-After} (counted in the metrics), each with a message that says what was wrong
 * (errors Jetty answers before any route get the same shape from {@link JsonErrorHandler});
 * anything else is a bug, logged with its stack and answered 500 without one.
 */
final class ErrorMapping {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  /** How {@code Allow} lists methods: reads first, then writes. */
  private static final List<String> METHOD_ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

  private ErrorMapping() {}

  static void register(JavalinConfig config, long maxBodyBytes, RequestMetrics metrics) {
    config.routes.exception(InvalidRequestException.class, (e, ctx) -> answer(ctx, 400, e.getMessage(), e.position()));
    config.routes.exception(OverBudgetException.class, (e, ctx) -> {
      metrics.searchOverBudget();
      ctx.header("Retry-After", String.valueOf(OverBudgetException.RETRY_AFTER.toSeconds()));
      answer(ctx, 503, e.getMessage(), null);
    });
    config.routes.exception(NotFoundException.class, (e, ctx) -> answer(ctx, 404, e.getMessage(), null));
    config.routes.exception(UnsupportedBodyException.class, (e, ctx) -> answer(ctx, 415, e.getMessage(), null));
    config.routes.exception(MethodNotAllowedResponse.class, (e, ctx) -> {
      List<String> named = List.of(String.join(",", e.getDetails().values()).split("[,\\s]+"));
      String allowed = String.join(", ", METHOD_ORDER.stream().filter(named::contains).toList());
      ctx.header("Allow", allowed);
      answer(ctx, 405, ctx.method().name() + " is not allowed on " + ctx.path() + "; it takes " + allowed, null);
    });
    config.routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, e.getStatus(),
        e.getStatus() == 413 ? "the body is larger than the limit of " + maxBodyBytes + " bytes (--max-body-mb)" : e.getMessage(), null));
    config.routes.exception(Exception.class, (e, ctx) -> {
      if (endedEarly(e)) {
        answer(ctx, 400, "the request body ended before the length it declared", null);
        return;
      }
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      answer(ctx, 500, "internal error", null);
    });
  }

  /** A client that declared a body longer than it sent (or went away while sending it). */
  private static boolean endedEarly(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.io.EOFException) return true;
    }
    return false;
  }

  private static void answer(Context ctx, int status, String message, Integer position) {
    ctx.status(status).json(ApiError.of(status, message, position));
  }
}
