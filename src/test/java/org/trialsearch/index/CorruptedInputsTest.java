package org.trialsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialsearch.Collected;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestReaders;
import org.trialsearch.ingest.IndexBuild;
import org.trialsearch.model.Trial;
import org.trialsearch.source.IngestReport;

/** Bad files beside good ones: each bad record is reported with its place and reason, no good record is lost. */
class CorruptedInputsTest {

  @TempDir
  Path dir;

  @Test
  void badRecordsAreReportedAndGoodOnesIndexed() throws IOException {
    Path sources = Files.createDirectories(dir.resolve("sources"));
    String study = Files.readString(SharedCorpus.v2().resolve("NCT00973089.json"));
    Files.writeString(sources.resolve("a-truncated.json"), "[" + study + "," + study.substring(0, 400));
    Files.writeString(sources.resolve("b-export.csv"), """
        NCT Number,Study Title,Study URL,Study Status
        NCT00000011,Good row,https://clinicaltrials.gov/study/NCT00000011,RECRUITING
        NCT00000012,"Broken quote,https://clinicaltrials.gov/study/NCT00000012,COMPLETED
        NCT00000013,Another good row,https://clinicaltrials.gov/study/NCT00000013,COMPLETED
        """);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(sources.resolve("c-bulk.zip")))) {
      zip.putNextEntry(new ZipEntry("NCT00000102.xml"));
      zip.write(Files.readAllBytes(legacyStudy()));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("readme.bin"));
      zip.write("\u0000\u0001 not xml".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    Files.writeString(sources.resolve("d-empty.json"), "");

    IndexBuild.Result result = IndexBuild.run(dir.resolve("index"), List.of(sources), TestReaders.config(), bytes -> {});

    assertEquals(4, result.trials(), "NCT00973089, two good CSV rows, NCT00000102");
    List<String> reported = result.report().skipped().stream().map(IngestReport.Skipped::toString).toList();
    assertEquals(4, reported.size(), reported.toString());
    assertEquals(true, reported.get(0).startsWith("sources/a-truncated.json #2: malformed JSON at line "), reported.get(0));
    assertEquals("sources/b-export.csv #2: malformed CSV row: a quoted cell is not closed before the next row starts", reported.get(1));
    assertEquals("sources/c-bulk.zip!/readme.bin: not a supported trial record format", reported.get(2));
    assertEquals("sources/d-empty.json: empty file", reported.get(3));
  }

  /** A value stated but unreadable is left out with a warning naming the record; the rest of the record is indexed. */
  @Test
  void unreadableStatedValuesAreReportedAndTheRecordKept() throws IOException {
    Path sources = Files.createDirectories(dir.resolve("sources"));
    String study = Files.readString(SharedCorpus.v2().resolve("NCT00973089.json"));
    Files.writeString(sources.resolve("a-study.json"), study.replace("\"date\": \"2010-05\"", "\"date\": \"sometime in 2010\"")
        .replace("\"minimumAge\": \"5 Years\"", "\"minimumAge\": \"five\""));
    Files.writeString(sources.resolve("b-export.csv"), """
        NCT Number,Study Title,Study URL,Study Status,Start Date,Enrollment
        NCT00000011,Good row,https://clinicaltrials.gov/study/NCT00000011,RECRUITING,2021-13-45,about 40
        """);
    Files.writeString(sources.resolve("c-study.xml"), Files.readString(legacyStudy())
        .replace("<minimum_age>14 Years</minimum_age>", "<minimum_age>adolescents</minimum_age>"));

    IndexBuild.Result result = IndexBuild.run(dir.resolve("index"), List.of(sources), TestReaders.config(), bytes -> {});

    assertEquals(3, result.trials());
    assertEquals(List.of(), result.report().skipped());
    List<String> warnings = result.report().warnings().stream().map(IngestReport.Skipped::toString).toList();
    assertEquals(List.of(
        "sources/a-study.json #1: unreadable minimum age 'five': the record is kept without it",
        "sources/a-study.json #1: unreadable start date 'sometime in 2010': the record is kept without it",
        "sources/b-export.csv #1: unreadable start date '2021-13-45': the record is kept without it",
        "sources/b-export.csv #1: unreadable enrollment 'about 40': the record is kept without it",
        "sources/c-study.xml #1: unreadable minimum age 'adolescents': the record is kept without it"), warnings);
    Trial kept = Collected.from(sources.resolve("a-study.json")).only();
    assertEquals(null, kept.startDate());
    assertEquals(null, kept.eligibility().minimumAgeYears());
    assertEquals(LocalDate.of(2015, 8, 19), kept.lastUpdate(), "the record's other dates are kept");
  }

  /**
   * Values longer than any index term may be: the record is indexed with them cut (ids left out),
   * each cut a line of the report; a record whose trial id is not one is skipped; the run goes on.
   */
  @Test
  void overLongValuesAreCutAndTheRunGoesOn() throws IOException {
    Path sources = Files.createDirectories(dir.resolve("sources"));
    ObjectNode study = (ObjectNode) SharedCorpus.mapper().readTree(SharedCorpus.v2().resolve("NCT00973089.json").toFile());
    ObjectNode protocol = (ObjectNode) study.path("protocolSection");
    ((ObjectNode) protocol.path("identificationModule")).put("briefTitle", "Long " + "ü".repeat(9_000))
        .set("orgStudyIdInfo", SharedCorpus.mapper().createObjectNode().put("id", "X".repeat(40_000)));
    ((ObjectNode) protocol.path("conditionsModule")).putArray("conditions").add("c".repeat(8_200)).add("Leukemia");
    ((ObjectNode) protocol.path("sponsorCollaboratorsModule").path("leadSponsor")).put("name", "S".repeat(8_192));
    Files.write(sources.resolve("a-long.json"), SharedCorpus.mapper().writeValueAsBytes(study));
    Files.writeString(sources.resolve("b-study.xml"), Files.readString(legacyStudy()).replace("<nct_id>NCT00000102</nct_id>",
        "<nct_id>" + "9".repeat(40_000) + "</nct_id>"));

    IndexBuild.Result result = IndexBuild.run(dir.resolve("index"), List.of(sources), TestReaders.config(), bytes -> {});

    assertEquals(1, result.trials());
    List<String> warnings = result.report().warnings().stream().map(IngestReport.Skipped::toString).toList();
    assertEquals(List.of(
        "sources/a-long.json #1: org study id of 40000 characters left out (an id has at most 200)",
        "sources/a-long.json #1: brief title cut to 1000 characters (it had 9005)",
        "sources/a-long.json #1: conditions cut to 1000 characters (it had 8200)",
        "sources/a-long.json #1: sponsor cut to 1000 characters (it had 8192)"), warnings);
    List<String> skipped = result.report().skipped().stream().map(IngestReport.Skipped::toString).toList();
    assertEquals(List.of("sources/b-study.xml #1: not a trial id: '9999999999999999999999999999999999999999… (40000 characters)' (expected NCT and 8 digits)"), skipped);
    Trial kept = Collected.from(sources.resolve("a-long.json")).only();
    assertEquals("Long " + "ü".repeat(995), kept.briefTitle());
    assertEquals(List.of("c".repeat(1000), "Leukemia"), kept.conditions());
    assertEquals(null, kept.ids().orgStudyId());
  }

  /** One real legacy study, copied out of the bulk zip. */
  private Path legacyStudy() throws IOException {
    try (var zip = new java.util.zip.ZipFile(SharedCorpus.LEGACY_XML_ZIP.toFile())) {
      return Files.write(dir.resolve("study.xml"), zip.getInputStream(zip.getEntry("NCT0000xxxx/NCT00000102.xml")).readAllBytes());
    }
  }
}
