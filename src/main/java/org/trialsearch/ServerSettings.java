package org.trialsearch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.trialsearch.index.TrialIndex;

/**
 * How a server runs, beyond its index and vocabulary.
 *
 * @param writeToken the token writes must present; none means writes are refused
 * @param corsOrigins origins whose pages may call the API from a browser; none means CORS stays off
 * @param refreshInterval how stale searches may be behind writes
 * @param maxBodyBytes the largest request body taken
 * @param queryBudget how long one search may run before it is stopped and refused
 */
public record ServerSettings(Optional<String> writeToken, List<String> corsOrigins, Duration refreshInterval, long maxBodyBytes, Duration queryBudget) {

  public static final String TOKEN_VARIABLE = "TRIALSEARCH_WRITE_TOKEN";

  public ServerSettings {
    writeToken = writeToken.filter(t -> !t.isBlank()).map(String::strip);
    corsOrigins = List.copyOf(corsOrigins);
    if (refreshInterval.isNegative() || refreshInterval.isZero()) throw new IllegalArgumentException("the refresh interval must be positive");
    if (maxBodyBytes < 1) throw new IllegalArgumentException("the body limit must be positive");
    if (queryBudget.isNegative() || queryBudget.isZero()) throw new IllegalArgumentException("the query time budget must be positive");
  }

  public static ServerSettings defaults() {
    return new ServerSettings(Optional.empty(), List.of(), TrialIndex.DEFAULT_REFRESH, 32L << 20, Duration.ofSeconds(5));
  }

  public ServerSettings withWriteToken(String token) {
    return new ServerSettings(Optional.ofNullable(token), corsOrigins, refreshInterval, maxBodyBytes, queryBudget);
  }

  public ServerSettings withCorsOrigins(List<String> origins) {
    return new ServerSettings(writeToken, origins, refreshInterval, maxBodyBytes, queryBudget);
  }

  public ServerSettings withLimits(long bodyBytes, Duration budget) {
    return new ServerSettings(writeToken, corsOrigins, refreshInterval, bodyBytes, budget);
  }

  public ServerSettings withRefreshInterval(Duration interval) {
    return new ServerSettings(writeToken, corsOrigins, interval, maxBodyBytes, queryBudget);
  }
}
