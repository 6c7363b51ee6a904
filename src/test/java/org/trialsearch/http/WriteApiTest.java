package org.trialsearch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.Poll;
import org.trialsearch.ServerSettings;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestServer;
import org.trialsearch.TestServer.Answer;

/** PUT, POST and DELETE of trials: visible within the refresh interval, durable once answered, merged with what files gave. */
class WriteApiTest {

  private static final String TOKEN = "correct horse battery staple";
  private static final long BODY_LIMIT = 1 << 20;

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(List.of(SharedCorpus.v2()), ServerSettings.defaults().withWriteToken(TOKEN).withLimits(BODY_LIMIT, Duration.ofSeconds(5)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aTrialPutAtRunTimeIsSearchableCountedAndSuggested() throws IOException {
    int bcmaBefore = count(server.ok("/api/search?size=1"), "antigen", "BCMA");
    ObjectNode study = study("NCT00465816.json");
    identification(study).put("nctId", "NCT09990001").put("briefTitle", "Zorblaxiximab anti-BCMA CAR-T cells in relapsed multiple myeloma");
    Answer answer = put("NCT09990001", study);
    assertEquals(200, answer.status(), answer.body());
    assertEquals("[\"NCT09990001\"]", answer.json().path("written").toString());

    Duration lag = Poll.until("the new trial is searchable", () -> server.ok("/api/search?q=zorblaxiximab").path("total").asInt() == 1);
    System.out.println("visible after " + lag.toMillis() + " ms");
    JsonNode all = server.ok("/api/search?size=1");
    assertEquals(bcmaBefore + 1, count(all, "antigen", "BCMA"), "facet counts include it");
    Poll.until("autocomplete offers its title", () -> server.ok("/api/autocomplete?q=zorblax").toString().contains("Zorblaxiximab anti-BCMA"));
    assertEquals(bcmaBefore + 1, server.ok("/api/search?antigen=BCMA&size=1").path("total").asInt());
  }

  @Test
  void putKeepsWhatFilesGaveAndReplacesTheApisEarlierWord() {
    String id = "NCT05515185";
    JsonNode before = server.ok("/api/trials/" + id);
    String criteria = before.path("trial").path("eligibility").path("criteria").asText();
    assertTrue(criteria.startsWith("Inclusion Criteria"));

    assertEquals(200, put(id, minimalStudy(id, "B7-H3 CAR-T cells, as corrected by its sponsor", "COMPLETED")).status());
    Poll.until("the corrected title is served", () -> server.ok("/api/trials/" + id).path("trial").path("briefTitle").asText().contains("corrected"));
    JsonNode after = server.ok("/api/trials/" + id);
    assertEquals("COMPLETED", after.path("trial").path("status").asText());
    assertEquals(criteria, after.path("trial").path("eligibility").path("criteria").asText(), "the file's criteria stay");
    JsonNode sources = after.path("trial").path("sources");
    assertEquals(2, sources.size());
    int api = sources.get(0).path("file").asText().startsWith("api:PUT ") ? 0 : 1;
    assertEquals(api, after.path("fieldSources").path("briefTitle").asInt());
    assertEquals(1 - api, after.path("fieldSources").path("eligibility.criteria").asInt());

    assertEquals(200, put(id, minimalStudy(id, "B7-H3 CAR-T cells, corrected twice", "COMPLETED")).status());
    Poll.until("the second correction is served", () -> server.ok("/api/trials/" + id).path("trial").path("briefTitle").asText().endsWith("twice"));
    assertEquals(2, server.ok("/api/trials/" + id).path("trial").path("sources").size(), "the API's earlier word is replaced, not added");
  }

  @Test
  void aBatchIsWrittenInAnyFormatTheIndexerReads() throws IOException {
    List<String> lines = Files.readAllLines(SharedCorpus.CSV.resolve("sponsor-ctg-studies.csv"), StandardCharsets.UTF_8);
    String csv = String.join("\n", lines.subList(0, 4)) + "\n";
    List<String> ids = new ArrayList<>();
    for (String line : lines.subList(1, 4)) ids.add(line.replaceAll("^\"?(NCT\\d{8}).*", "$1"));
    Answer written = server.send("POST", "/api/trials", "text/csv", csv.getBytes(StandardCharsets.UTF_8), TOKEN);
    assertEquals(200, written.status(), written.body());
    assertEquals(ids.toString(), written.json().path("written").toString().replace("\"", "").replace(",", ", "));
    for (String id : ids) Poll.until(id + " is served", () -> server.get("/api/trials/" + id).status() == 200);

    byte[] xml;
    try (ZipFile zip = new ZipFile(SharedCorpus.LEGACY_XML_ZIP.toFile())) {
      xml = zip.getInputStream(zip.getEntry("NCT0000xxxx/NCT00000102.xml")).readAllBytes();
    }
    Answer fromXml = server.send("POST", "/api/trials?format=xml", "application/octet-stream", xml, TOKEN);
    assertEquals(200, fromXml.status(), fromXml.body());
    assertEquals("[\"NCT00000102\"]", fromXml.json().path("written").toString());
  }

  @Test
  void deleteRemovesTheTrial() {
    String id = "NCT00973089";
    assertEquals(200, server.get("/api/trials/" + id).status());
    Answer deleted = server.send("DELETE", "/api/trials/" + id, null, null, TOKEN);
    assertEquals(200, deleted.status(), deleted.body());
    assertEquals("[\"" + id + "\"]", deleted.json().path("deleted").toString());
    Poll.until("the trial is gone", () -> server.get("/api/trials/" + id).status() == 404);
    assertEquals(0, server.ok("/api/search?q=id:" + id).path("total").asInt());
    assertError(server.send("DELETE", "/api/trials/" + id, null, null, TOKEN), 404, "no trial " + id);
  }

  @Test
  void acknowledgedWritesSurviveARestart() {
    ObjectNode study = study("NCT02210780.json");
    identification(study).put("nctId", "NCT09990002");
    assertEquals(200, put("NCT09990002", study).status());
    server = server.restart();
    assertEquals(200, server.get("/api/trials/NCT09990002").status(), "served straight after the restart");
  }

  @Test
  void writesNeedTheServersToken() {
    byte[] body = minimalStudy("NCT09990003", "Title", "RECRUITING").toString().getBytes(StandardCharsets.UTF_8);
    Answer none = server.send("PUT", "/api/trials/NCT09990003", "application/json", body, null);
    assertError(none, 401, "writes need the server's write token as 'Authorization: Bearer <token>'");
    assertError(server.send("PUT", "/api/trials/NCT09990003", "application/json", body, "wrong"), 403, "this token does not allow writes");
    assertError(server.send("DELETE", "/api/trials/NCT05515185", null, null, TOKEN + "x"), 403, "this token does not allow writes");
    Answer disabled = TestServer.v2Corpus().send("PUT", "/api/trials/NCT09990003", "application/json", body, TOKEN);
    assertEquals(403, disabled.status());
    assertTrue(disabled.json().path("error").path("message").asText().contains(HttpSettings.TOKEN_VARIABLE), disabled.body());
  }

  @Test
  void badBodiesAreRefusedSayingWhy() {
    assertError(putRaw("NCT09990004", "application/json", minimalStudy("NCT09990005", "T", "RECRUITING").toString()), 400,
        "the study's nctId NCT09990005 is not the NCT09990004 of the address");
    String two = "[" + minimalStudy("NCT09990004", "A", "RECRUITING") + "," + minimalStudy("NCT09990006", "B", "RECRUITING") + "]";
    assertError(putRaw("NCT09990004", "application/json", two), 400, "PUT takes one study; the body holds 2 (POST /api/trials takes batches)");
    assertEquals(415, putRaw("NCT09990004", "text/plain", "hello").status());
    assertError(putRaw("NCT09990004", "application/json", ""), 400, "the body is empty");
    Answer truncated = putRaw("NCT09990004", "application/json", "{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT099");
    assertEquals(400, truncated.status(), truncated.body());
    assertTrue(truncated.json().path("error").path("message").asText().startsWith("the body holds no readable study: "), truncated.body());
    assertEquals(400, putRaw("NCT09990004", "application/json", "[".repeat(100_000) + "]".repeat(100_000)).status());
    assertError(server.send("POST", "/api/trials?format=pdf", "application/pdf", new byte[] {1}, TOKEN), 400,
        "unknown format 'pdf'; expected one of json|xml|csv|html|text|zip");
    assertEquals(415, server.send("POST", "/api/trials", "image/png", new byte[] {1}, TOKEN).status());
    assertError(server.send("POST", "/api/trials", "application/json", new byte[(int) BODY_LIMIT + 1], TOKEN), 413,
        "the body is larger than the limit of " + BODY_LIMIT + " bytes (--max-body-mb)");
  }

  /** An over-long value is cut as it is read, and the answer says so; the trial is written. */
  @Test
  void aWriteWithAnOverLongTitleIsCutAndSaysSo() throws IOException {
    ObjectNode study = study("NCT00465816.json");
    identification(study).put("nctId", "NCT09990003").put("briefTitle", "T".repeat(8_192));
    ((ObjectNode) identification(study).path("orgStudyIdInfo")).put("id", "9".repeat(32_767));
    Answer answer = put("NCT09990003", study);
    assertEquals(200, answer.status(), answer.body());
    assertEquals("[\"NCT09990003\"]", answer.json().path("written").toString());
    List<String> warnings = new ArrayList<>();
    answer.json().path("warnings").forEach(w -> warnings.add(w.path("reason").asText()));
    assertEquals(List.of("org study id of 32767 characters left out (an id has at most 200)",
        "brief title cut to 1000 characters (it had 8192)"), warnings);
    Poll.until("the trial is there", () -> server.get("/api/trials/NCT09990003").status() == 200);
    assertEquals("T".repeat(1000), server.ok("/api/trials/NCT09990003").path("trial").path("briefTitle").asText());
  }

  private static Answer put(String id, JsonNode study) {
    return putRaw(id, "application/json", study.toString());
  }

  private static Answer putRaw(String id, String contentType, String body) {
    return server.send("PUT", "/api/trials/" + id, contentType, body.getBytes(StandardCharsets.UTF_8), TOKEN);
  }

  private static void assertError(Answer answer, int status, String message) {
    assertEquals(status, answer.status(), answer.body());
    assertNotNull(answer.json(), answer.body());
    assertEquals(status, answer.json().path("error").path("status").asInt());
    if (message != null) assertEquals(message, answer.json().path("error").path("message").asText());
  }

  private static ObjectNode study(String file) {
    try {
      return (ObjectNode) SharedCorpus.mapper().readTree(SharedCorpus.v2().resolve(file).toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ObjectNode identification(ObjectNode study) {
    return (ObjectNode) study.path("protocolSection").path("identificationModule");
  }

  /** The least a study may say: its id, a title and a status, updated today. */
  private static ObjectNode minimalStudy(String id, String title, String status) {
    ObjectNode study = SharedCorpus.mapper().createObjectNode();
    ObjectNode protocol = study.putObject("protocolSection");
    protocol.putObject("identificationModule").put("nctId", id).put("briefTitle", title);
    protocol.putObject("statusModule").put("overallStatus", status).putObject("lastUpdatePostDateStruct").put("date", "2026-11-01");
    return study;
  }

  private static int count(JsonNode answer, String dim, String value) {
    for (JsonNode v : answer.path("facets").path(dim).path("values")) if (v.path("value").asText().equals(value)) return v.path("count").asInt();
    return 0;
  }
}
