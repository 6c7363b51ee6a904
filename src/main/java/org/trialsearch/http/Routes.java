package org.trialsearch.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.search.spell.LevenshteinDistance;
import org.trialsearch.error.InvalidRequestException;

/**
 * The routes of the API, each with the query parameters it reads: a request with any other is
 * answered 400 naming it, so that a misspelt {@code antigne=} or an unsupported {@code near=}
 * does not silently give every trial. Each GET route also answers HEAD (the same answer, no body).
 */
final class Routes {

  /** For routes that read no query parameter. */
  static final List<String> NONE = List.of();

  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance();

  private final JavalinConfig config;

  Routes(JavalinConfig config) {
    this.config = config;
  }

  void get(String path, List<String> parameters, Handler handler) {
    Handler checked = checked(parameters, handler);
    config.routes.get(path, checked);
    config.routes.head(path, checked);
  }

  /** A web page: it may carry any parameters (a page's address is shared and tagged), and its script asks the API only with known ones. */
  void page(String path, Handler handler) {
    config.routes.get(path, handler);
    config.routes.head(path, handler);
  }

  void put(String path, List<String> parameters, Handler handler) {
    config.routes.put(path, checked(parameters, handler));
  }

  void post(String path, List<String> parameters, Handler handler) {
    config.routes.post(path, checked(parameters, handler));
  }

  void delete(String path, List<String> parameters, Handler handler) {
    config.routes.delete(path, checked(parameters, handler));
  }

  private static Handler checked(List<String> parameters, Handler handler) {
    return ctx -> {
      onlyThese(ctx, parameters);
      handler.handle(ctx);
    };
  }

  private static void onlyThese(Context ctx, List<String> known) {
    for (String name : ctx.queryParamMap().keySet()) {
      if (known.contains(name)) continue;
      if (known.isEmpty()) throw new InvalidRequestException("unknown parameter '" + name + "': " + ctx.path() + " takes none");
      String closest = known.stream().max(Comparator.comparingDouble(k -> DISTANCE.getDistance(k, name))).orElseThrow();
      String hint = DISTANCE.getDistance(closest, name) >= 0.6f ? " (did you mean '" + closest + "'?)" : "";
      throw new InvalidRequestException("unknown parameter '" + name + "'" + hint + "; " + ctx.path() + " takes " + String.join(", ", known));
    }
  }
}
