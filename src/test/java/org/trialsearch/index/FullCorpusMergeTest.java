package org.trialsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestServer;
import org.trialsearch.source.IngestReport;

/**
 * One index over every file of the shared corpus and the seed pages: one trial per NCT id whatever
 * the number of sources, checked against ids and files read here with plain regular expressions.
 */
class FullCorpusMergeTest {

  private static final Pattern XML_ID = Pattern.compile("<nct_id>(NCT\\d{8})</nct_id>");
  private static final Pattern CSV_ROW_ID = Pattern.compile("^(?:\\d+,)?\"?(NCT\\d{8})\"?,");
  /** The seeds that state an NCT id, and the one without whose title names a tracker trial. */
  private static final Map<String, String> SEED_IDS = Map.of(
      "000_919e1ae99469d85e.txt", "NCT02746952", "002_ff8cf98ace098634.txt", "NCT06649227",
      "003_f0ff8c014b9948cc.txt", "NCT03984968", "001_7caf559a2190110e.txt", "NCT04150497");

  private static TestServer server;
  /** NCT id => the trial-record files it appears in (site lists aside). */
  private static final Map<String, Set<String>> filesById = new HashMap<>();
  private static final Set<String> siteListIds = new HashSet<>();

  @BeforeAll
  static void readIdsAndBuild() throws IOException {
    for (SharedCorpus.Study study : SharedCorpus.studies(SharedCorpus.v2())) note(study.nctId(), study.file());
    try (ZipFile zip = new ZipFile(SharedCorpus.LEGACY_XML_ZIP.toFile())) {
      for (ZipEntry entry : zip.stream().filter(e -> !e.isDirectory()).toList()) {
        try (InputStream in = zip.getInputStream(entry)) {
          Matcher m = XML_ID.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          if (m.find()) note(m.group(1), entry.getName());
        }
      }
    }
    try (Stream<Path> csvs = Files.list(SharedCorpus.CSV)) {
      for (Path csv : csvs.toList()) rowIds(csv).forEach(id -> note(id, csv.toString()));
    }
    rowIds(SharedCorpus.TRACKER.resolve("trials.csv")).forEach(id -> note(id, "trials.csv"));
    siteListIds.addAll(rowIds(SharedCorpus.TRACKER.resolve("sites.csv")));
    SEED_IDS.forEach((seed, id) -> note(id, seed));
    server = TestServer.fullCorpus();
  }

  private static void note(String id, String file) {
    filesById.computeIfAbsent(id, k -> new HashSet<>()).add(file);
  }

  private static List<String> rowIds(Path csv) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
      Matcher m = CSV_ROW_ID.matcher(line);
      if (m.find()) ids.add(m.group(1));
    }
    return ids;
  }

  @Test
  void everyNctIdIsOneTrialAndTheUnmatchedPageOneMore() {
    assertEquals(14370, filesById.size());
    assertEquals(filesById.size() + 1, server.build().trials());
    assertEquals(filesById.size() + 1, server.ok("/api/health").path("trials").asInt());
  }

  @Test
  void trialsFoundInSeveralFilesAreCountedOnce() {
    long inSeveralFiles = filesById.values().stream().filter(files -> files.size() > 1).count();
    assertEquals(208, inSeveralFiles);
    assertEquals(inSeveralFiles, server.build().trialsFromSeveralFiles());
  }

  @Test
  void siteRowsOfTrialsNoRecordDescribesAreReportedNotIndexed() {
    Set<String> orphans = new HashSet<>(siteListIds);
    orphans.removeAll(filesById.keySet());
    assertEquals(468, orphans.size(), "470 ids of the site list are not in trials.csv; 2 of those are in other sources");
    List<IngestReport.Skipped> reported = server.build().report().skipped().stream()
        .filter(s -> s.reason().startsWith("site rows of ")).toList();
    assertEquals(orphans.size(), reported.size());
    String example = orphans.iterator().next();
    assertEquals(404, server.get("/api/trials/" + example).status());
  }

  @Test
  void aTrialInTheXmlZipAndACsvExportAppearsOnceWithTheXmlCriteria() {
    String id = filesById.entrySet().stream()
        .filter(e -> e.getValue().stream().anyMatch(f -> f.endsWith(".xml")) && e.getValue().stream().anyMatch(f -> f.endsWith(".csv") && f.contains("ctgov-csv")))
        .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
    JsonNode hits = server.ok("/api/search?q=" + id);
    assertEquals(1, hits.path("total").asInt(), id);
    JsonNode record = server.ok("/api/trials/" + id);
    JsonNode criteriaSource = source(record, "eligibility.criteria");
    assertEquals("CTGOV_XML", criteriaSource.path("format").asText(), id);
    assertTrue(formats(record).contains("CTGOV_CSV"), id);
  }

  @Test
  void theSeedPagesJoinTheirTrials() {
    for (String id : List.of("NCT02746952", "NCT06649227", "NCT03984968")) {
      JsonNode record = server.ok("/api/trials/" + id);
      assertTrue(formats(record).contains("WEB_PAGE"), id);
      assertTrue(formats(record).size() > 1, id + " " + formats(record));
    }
    JsonNode balli = server.ok("/api/trials/NCT04150497");
    JsonNode page = null;
    for (JsonNode s : balli.path("trial").path("sources")) if (s.path("format").asText().equals("WEB_PAGE")) page = s;
    assertEquals("TITLE", page.path("linkedBy").asText());
    assertTrue(page.path("file").asText().endsWith("001_7caf559a2190110e.txt"));
    JsonNode unmatched = server.ok("/api/search?q=" + SearchEnc.enc("\"CAR-T Cell Therapy Targeting to CD19 for R/R ALL\"") + "&size=1");
    assertTrue(unmatched.path("hits").get(0).path("nctId").asText().startsWith("PAGE-"));
  }

  @Test
  void theTrackerSiteListAddsSitesWithCoordinates() {
    JsonNode record = server.ok("/api/trials/NCT00019136");
    JsonNode site = record.path("trial").path("sites").get(0);
    assertEquals("Bethesda", site.path("city").asText());
    assertEquals(38.98067, site.path("latitude").asDouble());
    assertTrue(formats(record).contains("TRACKER_CSV"));
  }

  @Test
  void eachFieldComesFromTheNewestDatedRecordThatHasIt() {
    int checked = 0;
    for (Map.Entry<String, Set<String>> e : filesById.entrySet()) {
      if (e.getValue().size() < 2 || checked >= 40) continue;
      JsonNode record = server.ok("/api/trials/" + e.getKey());
      String newest = null;
      for (JsonNode s : record.path("trial").path("sources")) {
        String date = s.path("lastUpdate").asText("");
        if (!s.path("sitesOnly").asBoolean() && (newest == null || date.compareTo(newest) > 0)) newest = date;
      }
      JsonNode statusSource = source(record, "status");
      assertEquals(newest, statusSource.path("lastUpdate").asText(""), e.getKey());
      checked++;
    }
    assertEquals(40, checked);
  }

  @Test
  void anOlderExportDoesNotOverwriteANewerStatus() {
    // the classic export (updated 2017) says "Completed"; the tracker's record, updated 2020, says withdrawn
    JsonNode record = server.ok("/api/trials/NCT02547948");
    assertTrue(formats(record).contains("CTGOV_CSV") && formats(record).contains("TRACKER_CSV"), formats(record).toString());
    assertEquals("WITHDRAWN", record.path("facets").path("status").asText());
    assertTrue(source(record, "status").path("lastUpdate").asText().compareTo("2020-07-16") >= 0);
  }

  private static JsonNode source(JsonNode record, String field) {
    return record.path("trial").path("sources").get(record.path("fieldSources").path(field).asInt());
  }

  private static List<String> formats(JsonNode record) {
    List<String> out = new ArrayList<>();
    record.path("trial").path("sources").forEach(s -> out.add(s.path("format").asText()));
    return out;
  }

  /** URL encoding for query strings. */
  private static final class SearchEnc {
    static String enc(String text) {
      return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
  }
}
