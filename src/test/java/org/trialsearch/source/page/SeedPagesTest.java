package org.trialsearch.source.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialsearch.Collected;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestReaders;
import org.trialsearch.enrich.Enricher;
import org.trialsearch.enrich.TrialFacets;
import org.trialsearch.model.Intervention;
import org.trialsearch.model.SourceRef;
import org.trialsearch.model.Trial;
import org.trialsearch.vocabulary.Vocabulary;

/** The five seed pages, each from another site and layout, read field by field. */
class SeedPagesTest {

  /** A fixed "today", so that the two-year rule of open statuses gives these pages the same facets every day. */
  private final Enricher enricher = new Enricher(Vocabulary.load(TestReaders.config()), Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

  @TempDir
  Path dir;

  @Test
  void classicRegistryPage() {
    Trial t = seed("000_919e1ae99469d85e.txt");
    TrialFacets f = enricher.facets(t);
    assertEquals("NCT02746952", t.nctId());
    assertEquals("COMPLETED", f.status());
    assertEquals("2021-09-01", t.statusVerified().toString(), "Last Verified: | September 2021 |");
    assertEquals("2021-09-01", f.statusAsOf().toString());
    assertEquals(List.of("PHASE1"), f.phases());
    assertEquals(List.of("CD19"), f.antigens());
    assertEquals(List.of("United States", "France", "Japan", "United Kingdom"), f.countries());
    assertEquals(16.0, t.eligibility().minimumAgeYears());
    assertEquals(69.0, t.eligibility().maximumAgeYears());
    assertEquals("Dose Escalation Study of UCART19 in Adult Patients With Relapsed / Refractory B-cell Acute Lymphoblastic Leukaemia (CALM)", t.briefTitle());
    assertTrue(t.officialTitle().startsWith("Phase I, Open Label, Dose-escalation Study Followed by a Safety Expansion Part"));
    assertEquals(List.of("B-cell Acute Lymphoblastic Leukemia"), t.conditions());
    assertEquals(List.of("UCART19"), names(t));
    assertEquals(25, t.enrollment());
    assertEquals("2016-08-01", t.startDate().toString());
    assertEquals("2021-10-01", t.lastUpdate().toString());
    assertEquals("2016-000296-24", t.ids().eudractNumber());
    assertTrue(t.eligibility().inclusion().startsWith("- Male or female participant\n- Age ≥ 16 years"), t.eligibility().inclusion());
    assertTrue(t.eligibility().exclusion().endsWith("- Burkitt cell or mixed lineage acute leukaemia"), t.eligibility().exclusion());
  }

  @Test
  void websiteCsvRowLaidOutAsLinesWithoutAnId() {
    Trial t = seed("001_7caf559a2190110e.txt");
    TrialFacets f = enricher.facets(t);
    assertTrue(t.nctId().startsWith("PAGE-"), t.nctId());
    assertEquals(SourceRef.LinkedBy.CONTENT, t.sources().get(0).linkedBy());
    assertNull(f.status());
    assertEquals(List.of("PHASE1", "PHASE2"), f.phases());
    assertEquals(List.of("CD22"), f.antigens());
    assertEquals(List.of(), f.countries());
    assertNull(t.eligibility());
    assertEquals(false, f.agesStated());
    assertEquals("Phase 1/2 Study of UCART22 in Patients With Relapsed or Refractory CD22+ B-cell Acute Lymphoblastic Leukemia (BALLI-01)", t.briefTitle());
    assertEquals("BALLI-01", t.acronym());
    assertEquals(List.of("B-cell Acute Lymphoblastic Leukemia"), t.conditions());
    assertEquals(List.of("UCART22", "CLLS52"), names(t));
    assertTrue(t.briefSummary().startsWith("This is a first-in-human, open-label, dose escalation and expansion study of UCART22"));
  }

  @Test
  void portalPageWithStackedLabels() {
    Trial t = seed("002_ff8cf98ace098634.txt");
    TrialFacets f = enricher.facets(t);
    assertEquals("NCT06649227", t.nctId());
    assertEquals("RECRUITING", f.status());
    assertEquals(List.of("PHASE1"), f.phases());
    assertEquals(List.of("CD19"), f.antigens());
    assertEquals(List.of("France"), f.countries());
    assertEquals(18.0, t.eligibility().minimumAgeYears());
    assertNull(t.eligibility().maximumAgeYears());
    assertEquals(true, f.agesStated());
    assertEquals("Study Investigating the Safety of CD19 CAR-T Cells in Relapsed/Refractory AML Expressing CD19", t.briefTitle());
    assertEquals(List.of("Relapsed Adult AML"), t.conditions());
    assertEquals(List.of("CAR-T cell therapy"), names(t));
    assertEquals(5, t.enrollment());
    assertEquals("2025-07-10", t.startDate().toString());
    assertEquals("2025-12-05", t.lastUpdate().toString());
    assertEquals("University Hospital, Lille", t.sponsor().lead());
    assertEquals("2023-509212-29-01", t.ids().ctisNumber());
    assertTrue(t.eligibility().exclusion().startsWith("- Patient unable to sign the informed consent,"));
    assertTrue(t.eligibility().exclusion().endsWith("- Absence of medical insurance cover."));
    assertTrue(t.briefSummary().startsWith("Refractory/Relapsed (R/R) acute myeloid leukemia (AML)"), t.briefSummary());
  }

  @Test
  void veevaPortalPage() {
    Trial t = seed("003_f0ff8c014b9948cc.txt");
    TrialFacets f = enricher.facets(t);
    assertEquals("NCT03984968", t.nctId());
    assertEquals("Enrolling", t.status());
    assertEquals("RECRUITING", f.statusStated());
    assertEquals(null, f.statusAsOf(), "the card states no date");
    assertEquals("UNKNOWN", f.status(), "an open status of no stated date may be out of date");
    assertEquals(List.of("PHASE1", "PHASE2"), f.phases());
    assertEquals(List.of("CD19"), f.antigens());
    assertEquals(List.of(), f.countries());
    assertEquals(15.0, t.eligibility().minimumAgeYears());
    assertEquals(65.0, t.eligibility().maximumAgeYears());
    assertEquals("CD19 CAR-T Consolidation Therapy for Acute Lymphoblastic Leukemia", t.briefTitle());
    assertEquals(List.of("Acute Lymphoblastic Leukemia, Adult B-Cell"), t.conditions());
    assertEquals(34, t.enrollment());
    assertEquals("SZCART01", t.ids().orgStudyId());
    assertTrue(t.eligibility().inclusion().startsWith("- 15-65 years of age at the time of signing informed consent"));
    assertTrue(t.eligibility().exclusion().endsWith("- Other contraindications that are considered inappropriate to participate in this trial"));
  }

  @Test
  void portalPageWithoutAnIdOrAges() {
    Trial t = seed("004_73a28da1f571af30.txt");
    TrialFacets f = enricher.facets(t);
    assertTrue(t.nctId().startsWith("PAGE-"));
    assertEquals("RECRUITING", f.statusStated());
    assertEquals("2020-07-01", f.statusAsOf().toString(), "Last Update | Jul 01 | 2020");
    assertEquals("UNKNOWN", f.status(), "recruiting as of 2020: not verified for two years");
    assertEquals(List.of("PHASE1", "PHASE2"), f.phases());
    assertEquals(List.of("CD19"), f.antigens());
    assertEquals(List.of(), f.countries());
    assertEquals(false, f.agesStated(), "criteria but no ages: not open to every age");
    assertNull(t.eligibility().minimumAgeYears());
    assertEquals("CAR-T Cell Therapy Targeting to CD19 for R/R ALL", t.briefTitle());
    assertEquals("CD19-targeting Chimeric Antigen Receptor T-cell Therapy for Patients With Refractory and Relapsed B-cell Acute Lymphoblastic Leukemia",
        t.officialTitle());
    assertEquals(50, t.enrollment());
    assertEquals("2015-12-01", t.startDate().toString());
    assertEquals("2020-07-01", t.lastUpdate().toString());
    assertTrue(t.eligibility().inclusion().startsWith("Diagnosed as CD19+ B-cell acute lymphoblastic leukemia;"));
    assertTrue(t.eligibility().exclusion().endsWith("(according to investigator's judgement)."), t.eligibility().exclusion());
  }

  @Test
  void theSamePageAlwaysGetsTheSameId() {
    assertEquals(seed("004_73a28da1f571af30.txt").nctId(), seed("004_73a28da1f571af30.txt").nctId());
    assertTrue(!seed("004_73a28da1f571af30.txt").nctId().equals(seed("001_7caf559a2190110e.txt").nctId()));
  }

  @Test
  void anHtmlCopyReadsLikeItsText() throws IOException {
    String text = Files.readString(SharedCorpus.SEEDS.resolve("002_ff8cf98ace098634.txt"));
    String html = "<html><body>" + text.lines().map(l -> "<p>" + l.replace("&", "&amp;").replace("<", "&lt;") + "</p>")
        .collect(Collectors.joining("\n")) + "</body></html>";
    Files.writeString(dir.resolve("page.html"), html);
    Trial fromHtml = Collected.from(dir.resolve("page.html")).only();
    Trial fromText = seed("002_ff8cf98ace098634.txt");
    assertEquals(fromText.nctId(), fromHtml.nctId());
    assertEquals(fromText.status(), fromHtml.status());
    assertEquals(fromText.eligibility().minimumAgeYears(), fromHtml.eligibility().minimumAgeYears());
    assertEquals(fromText.conditions(), fromHtml.conditions());
  }

  @Test
  void aPageWithoutATrialIsReported() throws IOException {
    Files.writeString(dir.resolve("about.html"), "<html><body><h1>About us</h1><p>We build search tools.</p></body></html>");
    Collected collected = Collected.from(dir.resolve("about.html"));
    assertEquals(List.of(), collected.trials);
    assertEquals("no trial found in the page (no NCT id, and not a title with trial details)", collected.skipped.get(0).reason());
  }

  private static Trial seed(String file) {
    return Collected.from(SharedCorpus.SEEDS.resolve(file)).only();
  }

  private static List<String> names(Trial trial) {
    return trial.interventions().stream().map(Intervention::name).toList();
  }
}
