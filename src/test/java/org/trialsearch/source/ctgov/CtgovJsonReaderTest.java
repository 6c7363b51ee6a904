package org.trialsearch.source.ctgov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialsearch.Collected;
import org.trialsearch.SharedCorpus;
import org.trialsearch.model.Contact;
import org.trialsearch.model.Official;
import org.trialsearch.model.Site;
import org.trialsearch.source.IngestReport;

class CtgovJsonReaderTest {

  private static String first;
  private static String second;
  private static final List<String> IDS = List.of("NCT00973089", "NCT03418623");

  @TempDir
  Path dir;

  @BeforeAll
  static void readTwoRealStudies() throws IOException {
    Path v2 = SharedCorpus.v2();
    first = compact(Files.readString(v2.resolve("NCT00973089.json")));
    second = compact(Files.readString(v2.resolve("NCT03418623.json")));
  }

  private static String compact(String json) throws IOException {
    return SharedCorpus.mapper().writeValueAsString(SharedCorpus.mapper().readTree(json));
  }

  @Test
  void readsASingleStudyObject() throws IOException {
    assertEquals(List.of("NCT00973089"), read(write("one.json", first)).ids());
  }

  @Test
  void readsAnArrayOfStudies() throws IOException {
    assertEquals(IDS, read(write("array.json", "[" + first + ",\n" + second + "]")).ids());
  }

  @Test
  void readsAnApiPageAndIgnoresItsToken() throws IOException {
    String page = "{\"studies\": [" + first + "," + second + "], \"nextPageToken\": \"NF0g5JGBlPMs\", \"totalCount\": 2}";
    Collected sink = read(write("page.json", page));
    assertEquals(IDS, sink.ids());
    assertEquals(List.of(), sink.skipped);
  }

  @Test
  void readsNewlineDelimitedStudies() throws IOException {
    assertEquals(IDS, read(write("studies.ndjson", first + "\n" + second + "\n")).ids());
  }

  @Test
  void readsStudiesInsideAZipAndAFolder() throws IOException {
    Path zip = dir.resolve("studies.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      entry(out, "a/NCT00973089.json", first);
      entry(out, "b/page.json", "{\"studies\": [" + second + "]}");
    }
    Collected sink = read(dir);
    assertEquals(IDS, sink.ids());
    assertTrue(sink.trials.get(1).sources().get(0).file().endsWith("studies.zip!/b/page.json"));
  }

  @Test
  void malformedJsonIsReportedWithItsPlaceAndEarlierStudiesAreKept() throws IOException {
    String truncated = "[" + first + ",\n" + second.substring(0, second.length() / 2);
    Collected sink = read(write("truncated.json", truncated));
    assertEquals(List.of("NCT00973089"), sink.ids());
    assertEquals(1, sink.skipped.size());
    IngestReport.Skipped skipped = sink.skipped.get(0);
    assertEquals(2, skipped.position());
    assertTrue(skipped.reason().startsWith("malformed JSON at line 2, column "), skipped.reason());
  }

  @Test
  void classicApiFilesAreReportedAsUnsupported() throws IOException {
    Collected sink = read(SharedCorpus.CLASSIC_JSON);
    assertEquals(List.of(), sink.ids());
    assertEquals(3, sink.skipped.size());
    sink.skipped.forEach(s -> assertTrue(s.reason().contains("classic ClinicalTrials.gov API format is not supported"), s.reason()));
  }

  @Test
  void emptyFilesAndNonTrialFilesAreReported() throws IOException {
    write("empty.json", "");
    write("notes.md", "not a trial");
    write("notes.txt", "Meeting notes\n\nNothing about any study here.");
    write("other.json", "{\"name\": \"not a study\"}");
    Collected sink = read(dir);
    assertEquals(List.of(), sink.ids());
    assertEquals(List.of("empty file", "not a supported trial record format",
            "no trial found in the page (no NCT id, and not a title with trial details)", "not a ClinicalTrials.gov study: no protocolSection"),
        sink.skipped.stream().map(IngestReport.Skipped::reason).toList());
  }

  @Test
  void aPartialRecordKeepsWhatItHas() throws IOException {
    Collected sink = read(SharedCorpus.v2().resolve("NCT03453554.json"));
    var trial = sink.trials.get(0);
    assertEquals("NCT03453554", trial.nctId());
    assertNull(trial.eligibility());
    assertEquals(List.of(), trial.conditions());
  }

  @Test
  void studyFieldsAreMappedFromARealRecord() throws IOException {
    Path file = write("page.json", "{\"studies\": [" + compact(Files.readString(SharedCorpus.v2().resolve("NCT04207047.json"))) + "]}");
    var trial = read(file).trials.get(0);
    var json = SharedCorpus.mapper().readTree(Files.readString(SharedCorpus.v2().resolve("NCT04207047.json"))).path("protocolSection");
    assertEquals(json.path("identificationModule").path("briefTitle").asText(), trial.briefTitle());
    assertEquals(json.path("statusModule").path("overallStatus").asText(), trial.status());
    assertEquals(json.path("conditionsModule").path("conditions").size(), trial.conditions().size());
    assertEquals(json.path("contactsLocationsModule").path("locations").size(), trial.sites().size());
    assertEquals(json.path("armsInterventionsModule").path("interventions").size(), trial.interventions().size());
  }

  @Test
  void contactsOfficialsPostalCodesAndTheVerifiedDateAreKept() throws IOException {
    var trial = read(SharedCorpus.v2().resolve("NCT03475563.json")).trials.get(0);
    assertEquals(List.of(new Contact("Imanol Otaegui, MD", "CONTACT", "+342746155", null, "iotaegui@vhebron.net"),
        new Contact("Imanol Otaegui", "CONTACT", null, null, null)), trial.centralContacts());
    assertEquals(List.of(new Official("Imanol Otaegui, MD", "PRINCIPAL_INVESTIGATOR", "Hospital Universitari Vall d'hebron Barcelona, Spain")),
        trial.overallOfficials());
    assertEquals(new Site("Hospital Universitari Parc Taulí", "Sabadell", "Barcelona", "08208", "Spain", "RECRUITING", 41.54329, 2.10942,
        List.of(new Contact("Eduard Bosch, MD", "CONTACT", null, null, null))), trial.sites().get(0));
    assertEquals("2019-11-01", trial.statusVerified().toString());
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    OutputStream out = zip;
    out.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static Collected read(Path path) {
    return Collected.from(path);
  }

}
