package org.trialsearch.source.ctgov;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Pages through the ClinicalTrials.gov API v2 {@code /studies} endpoint for a query, following
 * {@code nextPageToken}, and writes every study as newline-delimited JSON, which the indexer reads.
 * Rate limits (429) and server errors are retried with growing pauses, honouring
 * {@code Retry-After}; the file appears only once every page is in.
 */
public final class RegistryFetcher {

  public static final URI DEFAULT_BASE = URI.create("https://clinicaltrials.gov/api/v2/");

  /** How many pages and studies a fetch wrote, and how many requests it retried. */
  public record Result(int pages, int studies, int retries) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
      .followRedirects(HttpClient.Redirect.NORMAL).build();
  private final URI base;
  private final int maxRetries;
  private final Duration firstPause;

  public RegistryFetcher(URI base, int maxRetries, Duration firstPause) {
    this.base = base;
    this.maxRetries = maxRetries;
    this.firstPause = firstPause;
  }

  /** Fetches every page of the query (API parameters such as {@code query.term}) into the file. */
  public Result fetch(Map<String, String> query, int pageSize, int maxPages, Path out) throws IOException, InterruptedException {
    Path partial = Files.createTempFile(out.toAbsolutePath().getParent(), ".fetch-", ".ndjson");
    int pages = 0;
    int studies = 0;
    int[] retries = {0};
    try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      String token = null;
      do {
        Map<String, String> params = new LinkedHashMap<>(query);
        params.put("format", "json");
        params.put("pageSize", String.valueOf(pageSize));
        if (token != null) params.put("pageToken", token);
        try (InputStream page = get(base.resolve("studies?" + encode(params)), retries)) {
          PageCopy copy = copyStudies(page, writer);
          studies += copy.studies;
          token = copy.nextPageToken;
        }
        pages++;
      } while (token != null && pages < maxPages);
    } catch (IOException | InterruptedException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return new Result(pages, studies, retries[0]);
  }

  private InputStream get(URI uri, int[] retries) throws IOException, InterruptedException {
    Duration pause = firstPause;
    for (int attempt = 0; ; attempt++) {
      HttpResponse<InputStream> response;
      try {
        response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
            .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        if (attempt >= maxRetries) throw new IOException("cannot reach " + uri.getHost() + ": " + e.getMessage(), e);
        retries[0]++;
        Thread.sleep(pause.toMillis());
        pause = pause.multipliedBy(2);
        continue;
      }
      int status = response.statusCode();
      if (status == 200) return response.body();
      String body = new String(response.body().readNBytes(500), StandardCharsets.UTF_8);
      response.body().close();
      boolean retryable = status == 429 || status >= 500;
      if (!retryable || attempt >= maxRetries) {
        throw new IOException("the registry answered " + status + (retryable ? " after " + attempt + " retries" : "") + ": " + body.strip());
      }
      retries[0]++;
      Thread.sleep(retryAfter(response).orElse(pause).toMillis());
      pause = pause.multipliedBy(2);
    }
  }

  private static java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(v -> {
      try {
        return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
      } catch (NumberFormatException e) {
        return java.util.Optional.empty();
      }
    });
  }

  private record PageCopy(int studies, String nextPageToken) {}

  /** Streams the page's studies to the writer, one per line, and reads its next-page token. */
  private static PageCopy copyStudies(InputStream page, BufferedWriter writer) throws IOException {
    int studies = 0;
    String token = null;
    try (JsonParser parser = FACTORY.createParser(page)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) throw new IOException("the registry answered something other than a page of studies");
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("studies") && value == JsonToken.START_ARRAY) {
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            JsonNode study = MAPPER.readTree(parser);
            writer.write(MAPPER.writeValueAsString(study));
            writer.newLine();
            studies++;
          }
        } else if (field.equals("nextPageToken") && value == JsonToken.VALUE_STRING) {
          token = parser.getText();
        } else {
          parser.skipChildren();
        }
      }
    }
    return new PageCopy(studies, token);
  }

  private static String encode(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
