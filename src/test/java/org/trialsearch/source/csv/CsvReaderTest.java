package org.trialsearch.source.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialsearch.Collected;
import org.trialsearch.SharedCorpus;
import org.trialsearch.model.Site;
import org.trialsearch.model.SourceFormat;
import org.trialsearch.model.Trial;

class CsvReaderTest {

  @TempDir
  Path dir;

  @Test
  void currentWebsiteExportWithAgeGroupsAndPhases() {
    Collected mrd = Collected.from(SharedCorpus.CSV.resolve("mrd-ctg-studies.csv"));
    assertEquals(245, mrd.trials.size());
    assertEquals(List.of(), mrd.skipped);
    Trial t = mrd.trial("NCT03796390");
    assertEquals(SourceFormat.CTGOV_CSV, t.sources().get(0).format());
    assertEquals("Study Evaluating Safety and Efficacy of CAR-T Cells Targeting CD123 in Patients With Acute Myelocytic Leukemia", t.briefTitle());
    assertEquals("UNKNOWN", t.status());
    assertEquals(List.of("CHILD", "ADULT", "OLDER_ADULT"), t.eligibility().stdAges());
    assertEquals(Boolean.TRUE, t.eligibility().agesStated());
    assertNull(t.eligibility().minimumAgeYears());
    assertEquals("Hebei Senlang Biotechnology Inc., Ltd.", t.sponsor().lead());
    assertEquals(List.of("Hebei Yanda Ludaopei Hospital"), t.sponsor().collaborators());
    assertEquals("BIOLOGICAL", t.interventions().get(0).type());
    assertEquals("CD123 CAR-T cells", t.interventions().get(0).name());
  }

  @Test
  void currentWebsiteExportWithFewColumnsStatesNoAgesOrPhases() {
    Collected sponsor = Collected.from(SharedCorpus.CSV.resolve("sponsor-ctg-studies.csv"));
    assertEquals(4145, sponsor.trials.size());
    Trial t = sponsor.trial("NCT02667496");
    assertEquals("WITHDRAWN", t.status());
    assertEquals(List.of(), t.phases());
    assertNull(t.eligibility(), "no age columns: ages are not stated, not open");
    assertEquals(List.of("Sargramostim GZ402664", "Placebo", "Florbetapir F18"), t.interventions().stream().map(i -> i.name()).toList());
  }

  @Test
  void classicWebsiteExportWithLocationsAndAgeRanges() {
    Collected classic = Collected.from(SharedCorpus.CSV.resolve("classic-SearchResults.csv"));
    assertEquals(100, classic.trials.size());
    Trial t = classic.trial("NCT05712642");
    assertEquals("Completed", t.status());
    assertEquals(List.of("Phase 3"), t.phases());
    assertEquals(0.537, t.eligibility().minimumAgeYears());
    assertEquals(0.767, t.eligibility().maximumAgeYears());
    assertEquals(List.of("CHILD"), t.eligibility().stdAges());
    assertEquals("2023-02-03", t.lastUpdate().toString());
    assertEquals("2020-02-01", t.startDate().toString());
    assertEquals("Cairo University", t.sponsor().lead());
    Trial withSites = Collected.from(SharedCorpus.CSV.resolve("b-cell-classic-SearchResults.csv")).trial("NCT00162656");
    assertEquals(new Site("Morgan Stanley Childrens Hospital of New York Presbyterian", "New York", "New York", "United States", null, null, null),
        withSites.sites().get(0));
    assertEquals(new Site("Institut Gustave Roussy", "Villejuif", null, "France", null, null, null), withSites.sites().get(1));
    assertEquals(6.0 / 12, withSites.eligibility().minimumAgeYears());
  }

  @Test
  void aStrayQuoteInAWholeRowIsReadLeniently() {
    Collected bcell = Collected.from(SharedCorpus.CSV.resolve("b-cell-classic-SearchResults.csv"));
    assertEquals(1000, bcell.trials.size());
    assertEquals(List.of(565, 695), bcell.warnings.stream().map(w -> w.position()).toList());
    assertEquals("Axicabtagene Ciloleucel Expanded Access Study", bcell.trial("NCT03153462").briefTitle());
  }

  @Test
  void trackerExportsAreRecognisedAndTheSiteListOnlyAddsSites() {
    Collected trials = Collected.from(SharedCorpus.TRACKER.resolve("trials.csv"));
    assertEquals(1810, trials.trials.size());
    Trial t = trials.trial("NCT00019136");
    assertEquals(SourceFormat.TRACKER_CSV, t.sources().get(0).format());
    assertEquals(List.of("MOv-gamma chimeric receptor gene", "aldesleukin", "therapeutic allogeneic lymphocytes"),
        t.interventions().stream().map(i -> i.name()).toList());
    assertEquals(18.0, t.eligibility().minimumAgeYears());
    assertEquals("2015-04-29", t.lastUpdate().toString());
    Collected sites = Collected.from(SharedCorpus.TRACKER.resolve("sites.csv"));
    assertEquals(8796, sites.trials.size());
    Trial site = sites.trials.get(0);
    assertTrue(site.sources().get(0).sitesOnly());
    assertNull(site.briefTitle(), "the site list's title column is not mapped");
    assertEquals(new Site("Warren Grant Magnuson Clinical Center - NCI Clinical Studies Support", "Bethesda", "Maryland", "United States", null,
        38.98067, -77.10026), site.sites().get(0));
  }

  @Test
  void aBrokenQuoteCostsOneRow() throws IOException {
    Path file = Files.writeString(dir.resolve("export.csv"), """
        NCT Number,Study Title,Study URL,Study Status
        NCT00000001,First,https://clinicaltrials.gov/study/NCT00000001,RECRUITING
        NCT00000002,"Second, with a quote that never closes,https://clinicaltrials.gov/study/NCT00000002,COMPLETED
        NCT00000003,"Third, over
        two lines",https://clinicaltrials.gov/study/NCT00000003,COMPLETED
        """);
    Collected collected = Collected.from(file);
    assertEquals(List.of("NCT00000001", "NCT00000003"), collected.trials.stream().map(Trial::nctId).toList());
    assertEquals("Third, over\ntwo lines", collected.trial("NCT00000003").briefTitle());
    assertEquals(2, collected.skipped.get(0).position());
    assertEquals("malformed CSV row: a quoted cell is not closed before the next row starts", collected.skipped.get(0).reason());
  }

  @Test
  void anUnknownColumnSetIsReportedWithItsColumns() throws IOException {
    Path file = Files.writeString(dir.resolve("other.csv"), "Trial,Name\nNCT00000001,x\n");
    Collected collected = Collected.from(file);
    assertEquals(List.of(), collected.trials);
    assertEquals("unknown CSV columns (Trial, Name, ...); add a mapping for this export to index-config/csv/", collected.skipped.get(0).reason());
  }
}
