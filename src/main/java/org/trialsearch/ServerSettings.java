package org.trialsearch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.trialsearch.http.HttpSettings;
import org.trialsearch.index.TrialIndex;

/**
 * How a server runs, beyond its index and vocabulary.
 *
 * @param http the address, write token, CORS origins and body limit of the HTTP API
 * @param refreshInterval how stale searches may be behind writes
 * @param queryBudget how long one search may run before it is stopped and refused
 */
public record ServerSettings(HttpSettings http, Duration refreshInterval, Duration queryBudget) {

  public ServerSettings {
    if (refreshInterval.isNegative() || refreshInterval.isZero()) throw new IllegalArgumentException("the refresh interval must be positive");
    if (queryBudget.isNegative() || queryBudget.isZero()) throw new IllegalArgumentException("the query time budget must be positive");
  }

  public static ServerSettings defaults() {
    return new ServerSettings(new HttpSettings(HttpSettings.LOOPBACK, Optional.empty(), List.of(), 32L << 20), TrialIndex.DEFAULT_REFRESH,
        Duration.ofSeconds(5));
  }

  public ServerSettings withHost(String host) {
    return new ServerSettings(new HttpSettings(host, http.writeToken(), http.corsOrigins(), http.maxBodyBytes()), refreshInterval, queryBudget);
  }

  public ServerSettings withWriteToken(String token) {
    return new ServerSettings(new HttpSettings(http.host(), Optional.ofNullable(token), http.corsOrigins(), http.maxBodyBytes()), refreshInterval,
        queryBudget);
  }

  public ServerSettings withCorsOrigins(List<String> origins) {
    return new ServerSettings(new HttpSettings(http.host(), http.writeToken(), origins, http.maxBodyBytes()), refreshInterval, queryBudget);
  }

  public ServerSettings withLimits(long bodyBytes, Duration budget) {
    return new ServerSettings(new HttpSettings(http.host(), http.writeToken(), http.corsOrigins(), bodyBytes), refreshInterval, budget);
  }

  public ServerSettings withRefreshInterval(Duration interval) {
    return new ServerSettings(http, interval, queryBudget);
  }
}
