package org.trialsearch.http;

import java.util.List;
import java.util.Optional;

/**
 * How the HTTP API answers, beyond the services behind it.
 *
 * @param host the address to listen on: a host name or IP address, or 0.0.0.0 for every interface
 * @param writeToken the token writes must present; none means writes are refused
 * @param corsOrigins origins whose pages may call the API from a browser; none means CORS stays off
 * @param maxBodyBytes the largest request body taken
 */
public record HttpSettings(String host, Optional<String> writeToken, List<String> corsOrigins, long maxBodyBytes) {

  /** Only this machine: listening on other interfaces is a choice (--host). */
  public static final String LOOPBACK = "127.0.0.1";

  /** The environment variable a server takes its write token from. */
  public static final String TOKEN_VARIABLE = "TRIALSEARCH_WRITE_TOKEN";

  public HttpSettings {
    if (host == null || host.isBlank()) throw new IllegalArgumentException("the host to listen on must be named");
    writeToken = writeToken.filter(t -> !t.isBlank()).map(String::strip);
    corsOrigins = List.copyOf(corsOrigins);
    if (maxBodyBytes < 1) throw new IllegalArgumentException("the body limit must be positive");
  }
}
