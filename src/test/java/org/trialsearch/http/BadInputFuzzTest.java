package org.trialsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.ServerSettings;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestServer;
import org.trialsearch.index.Fields;

/**
 * Ten thousand generated malformed and hostile requests, from a generator for each kind of input
 * that has broken a server like this one: parameters of every type with nasty values, filter values
 * that normalise to nothing, path escapes that are not escapes, unknown or illegal body charsets,
 * over-long values in written records, Lucene-syntax storms (fuzzy, regular expressions,
 * explanations, exports), every method on every path, unknown parameters, and broken HTTP. Every
 * answer must be a 2xx, or a 4xx with a JSON error of the same status (the trial page's own 404
 * page aside); never a 5xx; and the server must answer as before afterwards.
 * The seed is printed; {@code -Dfuzz.seed=N} replays a run.
 */
class BadInputFuzzTest {

  private static final String TOKEN = "fuzz-token";
  private static final int REQUESTS = 10_000;
  private static final String[] PATHS = {
      "/api/search", "/api/search.csv", "/api/autocomplete", "/api/trials/", "/api/health", "/trial/", "/assets/", "/", "/openapi.json",
      "/metrics", "/api/trials", "/api/nothing"};
  private static final String[] PARAMS = {
      "q", "syntax", "phase", "status", "antigen", "country", "age_group", "modality", "condition", "start_year", "age", "start_from",
      "start_to", "updated_since", "page", "size", "sort", "cursor", "explain", "limit", "kind", "format", "zzz", "", "q[]", "size%00"};
  private static final String[] NASTY = {
      "\"", "((", "))", "[", "]}", "{", "title:", "title:\"", "inclusion:(", "*", "?", "~", "~2", "^", "^-1", "\\", "/", "/[a-/", "AND",
      "OR NOT", "-", "+", "!", "&&", "||", ":", "::", "id:NCT", "99999999999999999999", "-1", "0", "NaN", "1e309", "-0", "2147483648",
      "lucene", "forgiving", "relevance", "start_date", "true", "maybe", "CD19", "PHASE1", "Phase 1/Phase 2", "ü", "😀", "\u0000", "\u202e",
      "\r\n", "%", "%%", "%ZZ", "<script>", "'; DROP TABLE trials; --", "${jndi:ldap://x}", "../../etc/passwd", "..%2f..%2f", "%2e%2e/",
      "NCT00000000", "PAGE-ABCDEF123456", "2021-13-45", "2021-02-30", "20210", "\t", " ", "a".repeat(1200), "x OR ".repeat(2000)};
  private static final String[] CONTENT_TYPES = {
      "application/json", "application/xml", "text/csv", "text/html", "text/plain", "application/zip", "image/png", "", "application/json; charset=latin1",
      "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "*/*", "application/json;;;"};
  private static final String[] METHODS = {"GET", "GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"};
  private static final String[] ANY_METHOD = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "BREW"};
  private static final String[] ODD_VALUES = {"-", "++!", "%E2%80%8B", "%C2%A0", "%20", "%09", "%00", "%EF%BB%BF", "%E2%80%AE", "_", "()", "%F0%9F%98%80",
      "%CC%81", "..", "%2F", "%5C", "*", "%25", "%E3%80%80", "%E2%81%A0"};
  private static final String[] ODD_ESCAPES = {"%u0041", "%", "%Z", "%4", "%%", "%G1", "%u", "%2", "%c0%af", "%25u0041", "%ZZ%ZZ", "%E0%A4"};
  private static final String[] CHARSETS = {"bogus", "@@", "\"utf-8", "utf-8\"", "", "UTF-16", "utf-32", "ISO-8859-1", "windows-1252", "x-unknown",
      "\"\"", "utf8", "latin1", "UTF-7", "ebcdic-cp-us", "a".repeat(300), "ü", "utf-8;charset=bogus"};
  private static final String[] PATTERN_TERMS = {"patient~2", "disease~2", "cell~1", "lympho*", "*oma", "/.*/", "/[a-z]+/", "leuk?mia", "[a TO z]",
      "{a TO b}", "ab~2", "c*", "title:/.{2,5}/", "criteria:t*", "x~", "\"acute leukemia\"~5", "a*b*c*", "inclusion:[0 TO 9]"};

  private static TestServer server;
  private static byte[] realStudy;

  @BeforeAll
  static void start() throws IOException {
    server = TestServer.start(List.of(SharedCorpus.SAMPLE_DATA), ServerSettings.defaults().withWriteToken(TOKEN).withLimits(256 << 10, Duration.ofSeconds(5)));
    realStudy = Files.readAllBytes(SharedCorpus.v2().resolve("NCT02210780.json"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void noGeneratedRequestGetsA5xxOrANonJsonError() throws Exception {
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    System.out.println("fuzz seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
    Random random = new Random(seed);
    JsonNode before = server.ok("/api/search?q=leukemia&antigen=CD19");
    List<String> failures = new ArrayList<>();
    int tried = 0;
    Map<String, Integer> statuses = new TreeMap<>();
    for (int i = 0; i < REQUESTS; i++) {
      byte[] request = switch (random.nextInt(10)) {
        case 0 -> brokenRequest(random);
        case 1 -> emptyFilterValue(random);
        case 2 -> oddPathEscape(random);
        case 3 -> oddCharset(random);
        case 4 -> random.nextInt(4) == 0 ? overLongRecord(random) : anyMethod(random);
        case 5 -> patternStorm(random);
        case 6 -> unknownParameter(random);
        default -> request(random);
      };
      String answer = LimitsAndOperationsTest.raw(server.port(), request);
      tried++;
      Matcher status = STATUS.matcher(answer);
      statuses.merge(status.find() ? status.group(1) : "none", 1, Integer::sum);
      String problem = problem(answer, request);
      if (problem != null && failures.size() < 20) failures.add(problem + "\n  request: " + printable(request));
    }
    System.out.println("fuzz: " + tried + " requests, " + failures.size() + " bad answers; statuses " + statuses);
    assertEquals(List.of(), failures, "seed " + seed);
    JsonNode after = server.ok("/api/search?q=leukemia&antigen=CD19");
    assertEquals(before.path("total"), after.path("total"), "the server answers as before");
    // the same trials; two of nearly equal score may change places, since the trials the fuzz wrote move word statistics
    assertEquals(ids(before).stream().sorted().toList(), ids(after).stream().sorted().toList(), "the same trials");
    assertEquals(200, server.get("/api/health").status());
  }

  /** A request line and headers a client could send, with generated path, query, method, content type and body. */
  private static byte[] request(Random random) {
    String method = pick(random, METHODS);
    StringBuilder target = new StringBuilder(pick(random, PATHS));
    if (target.toString().endsWith("/") && target.length() > 1) target.append(encode(random, word(random)));
    if (random.nextInt(3) == 0 && target.toString().startsWith("/api/trials/")) target.append(random.nextBoolean() ? "/similar" : "/x");
    int params = random.nextInt(5);
    for (int p = 0; p < params; p++) {
      target.append(p == 0 ? '?' : '&').append(encode(random, pick(random, PARAMS))).append('=').append(encode(random, word(random)));
    }
    byte[] body = method.equals("POST") || method.equals("PUT") ? body(random) : new byte[0];
    StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    if (random.nextBoolean()) head.append("Authorization: Bearer ").append(random.nextInt(4) == 0 ? "wrong" : TOKEN).append("\r\n");
    if (body.length > 0 || random.nextBoolean()) head.append("Content-Type: ").append(pick(random, CONTENT_TYPES)).append("\r\n");
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    return concat(head.toString().getBytes(StandardCharsets.ISO_8859_1), body);
  }

  /** A filter value that folds to nothing, for a random dimension, on search, export or autocomplete. */
  private static byte[] emptyFilterValue(Random random) {
    String path = pick(random, new String[] {"/api/search?", "/api/search.csv?", "/api/autocomplete?q=car&"});
    String dim = Fields.FACET_DIMENSIONS.get(random.nextInt(Fields.FACET_DIMENSIONS.size()));
    return get(path + dim + "=" + pick(random, ODD_VALUES) + (random.nextBoolean() ? pick(random, ODD_VALUES) : ""));
  }

  /** A path with an escape that is not %XX, by any method, on a route with a path parameter or none. */
  private static byte[] oddPathEscape(Random random) {
    String path = pick(random, new String[] {"/api/trials/x", "/api/trials/NCT0", "/trial/", "/api/search", "/assets/", "/"}) + pick(random, ODD_ESCAPES)
        + (random.nextBoolean() ? "/similar" : "");
    return raw(pick(random, ANY_METHOD), path, random.nextBoolean() ? "application/json" : null, random.nextBoolean() ? realStudy : new byte[0], true);
  }

  /** A write whose Content-Type names a charset, known or not, legal or not. */
  private static byte[] oddCharset(Random random) {
    boolean put = random.nextBoolean();
    String type = (put || random.nextBoolean() ? "application/json" : pick(random, new String[] {"text/csv", "text/plain", "application/xml"}))
        + "; charset=" + pick(random, CHARSETS);
    return raw(put ? "PUT" : "POST", put ? "/api/trials/NCT02210780" : "/api/trials", type, random.nextBoolean() ? realStudy : body(random), true);
  }

  /** A record with a value longer than any index term may be, written by PUT or POST. */
  private static byte[] overLongRecord(Random random) {
    String id = "NCT0998" + (1000 + random.nextInt(9000));
    String huge = pick(random, new String[] {"T", "ü", "😀", "a b ", "\\\""}).repeat(2_000 + random.nextInt(12_000));
    String field = pick(random, new String[] {"briefTitle", "officialTitle", "acronym"});
    String study = new String(realStudy, StandardCharsets.UTF_8).replace("NCT02210780", id)
        .replaceFirst("\"" + field + "\":\\s*\"[^\"]*\"", "\"" + field + "\": \"" + java.util.regex.Matcher.quoteReplacement(huge) + "\"");
    if (random.nextBoolean()) study = study.replace("\"orgStudyIdInfo\": {", "\"orgStudyIdInfo\": {\"id\": \"" + "9".repeat(33_000) + "\", \"x\":");
    boolean put = random.nextBoolean();
    return raw(put ? "PUT" : "POST", put ? "/api/trials/" + id : "/api/trials", "application/json", study.getBytes(StandardCharsets.UTF_8), true);
  }

  /** Any method, including ones HTTP does not know, on any path. */
  private static byte[] anyMethod(Random random) {
    return raw(pick(random, ANY_METHOD), pick(random, PATHS) + (random.nextBoolean() ? "NCT02210780" : ""), null, new byte[0], random.nextBoolean());
  }

  /** Lucene syntax with pattern terms in number: fuzzy, wildcards, regular expressions, ranges; with explanations, pages and exports. */
  private static byte[] patternStorm(Random random) {
    StringBuilder q = new StringBuilder();
    for (int i = 0, n = 1 + random.nextInt(20); i < n; i++) q.append(pick(random, PATTERN_TERMS)).append(random.nextInt(4) == 0 ? " OR " : " ");
    String path = random.nextInt(4) == 0 ? "/api/search.csv?" : "/api/search?" + (random.nextBoolean() ? "explain=true&size=" + (1 + random.nextInt(25)) + "&" : "");
    return get(path + "syntax=lucene&q=" + encode(random, q.toString()));
  }

  /** A parameter the route does not take, sometimes a near miss of one it does. */
  private static byte[] unknownParameter(Random random) {
    String name = pick(random, new String[] {"antigne", "near", "radius_km", "facets", "q ", "Q", "sizes", "pag", "limt", "utm_source", "%00", "a[b]", "%FF"});
    return get(pick(random, PATHS) + "?" + name + "=" + encode(random, word(random)));
  }

  private static byte[] get(String target) {
    return ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] raw(String method, String target, String contentType, byte[] body, boolean token) {
    StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    if (token) head.append("Authorization: Bearer ").append(TOKEN).append("\r\n");
    if (contentType != null) head.append("Content-Type: ").append(contentType).append("\r\n");
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    return concat(head.toString().getBytes(StandardCharsets.UTF_8), body);
  }

  /** Bodies: truncated real studies, deep nesting, random bytes, other formats' garbage, a DTD bomb. */
  private static byte[] body(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> java.util.Arrays.copyOf(realStudy, random.nextInt(realStudy.length));
      case 1 -> ("[".repeat(5000 + random.nextInt(50000))).getBytes(StandardCharsets.UTF_8);
      case 2 -> {
        byte[] bytes = new byte[random.nextInt(2000)];
        random.nextBytes(bytes);
        yield bytes;
      }
      case 3 -> "NCT Number,Title\n\"NCT0999\n,\"\"\"".getBytes(StandardCharsets.UTF_8);
      case 4 -> "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><clinical_study>&b;</clinical_study>"
          .getBytes(StandardCharsets.UTF_8);
      case 5 -> new String(realStudy, StandardCharsets.UTF_8).replace("NCT02210780", "NCT0999" + (1000 + random.nextInt(9000))).getBytes(StandardCharsets.UTF_8);
      case 6 -> ("{\"protocolSection\":{\"identificationModule\":{\"nctId\":" + pick(random, NASTY).length() + "}}}").getBytes(StandardCharsets.UTF_8);
      default -> new byte[0];
    };
  }

  /** Requests that break HTTP itself: bytes that are not UTF-8 in the path, bad request lines, oversized or malformed headers, short bodies. */
  private static byte[] brokenRequest(Random random) {
    String text = switch (random.nextInt(7)) {
      case 0 -> "GET /api/trials/%C3%28%FF HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
      case 1 -> "GET /api/search?q=\u00ff\u00fe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
      case 2 -> "BREW /pot HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
      case 3 -> "GET /api/search HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n";
      case 4 -> "POST /api/trials HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: 500\r\nConnection: close\r\n\r\n{\"short\":";
      case 5 -> "GET /api/search HTTP/1.1\r\nHost: x\r\nNo colon here\r\nConnection: close\r\n\r\n";
      default -> "GET " + "/a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    };
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static final Pattern STATUS = Pattern.compile("^HTTP/1.1 (\\d{3})");

  /** What is wrong with an answer, or null when it is a 2xx or a 4xx with a matching JSON error. */
  private static String problem(String answer, byte[] request) {
    Matcher m = STATUS.matcher(answer);
    if (!m.find()) return answer.isEmpty() ? null : "no status line: " + answer.substring(0, Math.min(200, answer.length()));
    int status = Integer.parseInt(m.group(1));
    if (status >= 200 && status < 300) return null;
    if (status < 400 || status >= 500) return "answered " + status + ": " + answer.substring(0, Math.min(400, answer.length()));
    String sent = new String(request, StandardCharsets.ISO_8859_1);
    if (sent.startsWith("HEAD ")) return null;
    if (status == 404 && sent.matches("(?s)GET /trial/[^ ?]*[ ?].*") && answer.contains("<script type=\"module\" src=\"/assets/trial.js\">")) {
      return null; // the trial page says itself that there is no such trial
    }
    int body = answer.indexOf("\r\n\r\n");
    String json = body < 0 ? "" : answer.substring(body + 4);
    if (answer.toLowerCase().contains("transfer-encoding: chunked")) json = json.replaceAll("(?m)^[0-9a-f]+\r$", "").replace("\r\n", "");
    if (!json.contains("{\"error\":{\"status\":" + status)) return status + " without its JSON error: " + answer.substring(0, Math.min(400, answer.length()));
    return null;
  }

  private static List<String> ids(JsonNode answer) {
    List<String> ids = new ArrayList<>();
    answer.path("hits").forEach(hit -> ids.add(hit.path("nctId").asText()));
    return ids;
  }

  private static String word(Random random) {
    StringBuilder word = new StringBuilder();
    int parts = 1 + random.nextInt(3);
    for (int i = 0; i < parts; i++) word.append(pick(random, NASTY)).append(random.nextBoolean() ? " " : "");
    return word.toString();
  }

  /** Percent-encodes every byte of the UTF-8 text, and now and then appends a byte that is not UTF-8. */
  private static String encode(Random random, String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) out.append('%').append(String.format("%02X", b & 0xff));
    if (random.nextInt(20) == 0) out.append("%FF%C3");
    return out.toString();
  }

  private static String pick(Random random, String[] options) {
    return options[random.nextInt(options.length)];
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  private static String printable(byte[] request) {
    String text = new String(request, StandardCharsets.ISO_8859_1);
    return text.substring(0, Math.min(300, text.length())).replace("\r\n", " | ");
  }
}
