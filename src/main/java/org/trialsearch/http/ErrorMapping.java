package org.trialsearch.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trialsearch.search.InvalidRequestException;
import org.trialsearch.search.NotFoundException;

/**
 * Every error answer is decided here: bad requests 400 and unknown things 404 with a message that
 * says what was wrong; anything else is a bug, logged with its stack and answered 500 without one.
 */
final class ErrorMapping {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  static void register(JavalinConfig config) {
    config.routes.exception(InvalidRequestException.class, (e, ctx) -> answer(ctx, 400, e.getMessage(), e.position()));
    config.routes.exception(NotFoundException.class, (e, ctx) -> answer(ctx, 404, e.getMessage(), null));
    config.routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, e.getStatus(), e.getMessage(), null));
    config.routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      answer(ctx, 500, "internal error", null);
    });
  }

  private static void answer(Context ctx, int status, String message, Integer position) {
    ctx.status(status).json(ApiError.of(status, message, position));
  }
}
