package org.trialsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The benchmark's HTTP client on loopback: the JDK's blocking connection, which keeps connections
 * alive per thread and costs the shared cores least (java.net.http's client took about 3 ms of
 * CPU per search here, more than the server's HTTP layer). Timed searches read the answer whole
 * without parsing it; checks parse it.
 */
final class HttpJson {

  static final ObjectMapper JSON = new ObjectMapper();

  private final String base;

  HttpJson(String base) {
    this.base = base;
  }

  /** The answer's body; an exception for any status but 200. */
  byte[] get(String pathAndQuery) throws IOException {
    return send("GET", pathAndQuery, null, null);
  }

  JsonNode getJson(String pathAndQuery) throws IOException {
    return JSON.readTree(get(pathAndQuery));
  }

  byte[] post(String pathAndQuery, String contentType, byte[] body) throws IOException {
    return send("POST", pathAndQuery, contentType, body);
  }

  private byte[] send(String method, String pathAndQuery, String contentType, byte[] body) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(base + pathAndQuery).toURL().openConnection();
    connection.setRequestMethod(method);
    connection.setConnectTimeout(10_000);
    connection.setReadTimeout(30 * 60_000);
    if (body != null) {
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", contentType);
      connection.setFixedLengthStreamingMode(body.length);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      }
    }
    int status = connection.getResponseCode();
    if (status != 200) {
      try (InputStream error = connection.getErrorStream()) {
        String message = error == null ? "" : new String(error.readAllBytes(), StandardCharsets.UTF_8);
        throw new IOException(method + " " + pathAndQuery + " answered " + status + ": " + message);
      }
    }
    try (InputStream in = connection.getInputStream()) {
      return in.readAllBytes();
    }
  }
}
