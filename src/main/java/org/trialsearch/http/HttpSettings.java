package org.trialsearch.http;

import java.util.List;
import java.util.Optional;

/**
 * How the HTTP API answers, beyond the services behind it.
 *
 * @param writeToken the token writes must present; none means writes are refused
 * @param corsOrigins origins whose pages may call the API from a browser; none means CORS stays off
 * @param maxBodyBytes the largest request body taken
 */
public record HttpSettings(Optional<String> writeToken, List<String> corsOrigins, long maxBodyBytes) {

  /** The environment variable a server takes its write token from. */
  public static final String TOKEN_VARIABLE = "TRIALSEARCH_WRITE_TOKEN";

  public HttpSettings {
    writeToken = writeToken.filter(t -> !t.isBlank()).map(String::strip);
    corsOrigins = List.copyOf(corsOrigins);
    if (maxBodyBytes < 1) throw new IllegalArgumentException("the body limit must be positive");
  }
}
