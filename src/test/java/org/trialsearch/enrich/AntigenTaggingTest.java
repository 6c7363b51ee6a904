package org.trialsearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestReaders;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.model.Trial;
import org.trialsearch.source.IngestReport;
import org.trialsearch.source.RecordSink;
import org.trialsearch.source.SourceWalker;
import org.trialsearch.vocabulary.Vocabulary;

/** Target antigens against labels written by reading each record's title, interventions and summary. */
class AntigenTaggingTest {

  /** CAR-T trials of the shared corpus and the sample data, and what their cell therapy targets. */
  private static final Map<String, Set<String>> CAR_T_TRIALS = Map.ofEntries(
      Map.entry("NCT04077866", Set.of("B7-H3")),                 // B7-H3 CAR-T for glioblastoma
      Map.entry("NCT05515185", Set.of("B7-H3")),                 // KT095 CAR-T targeting B7-H3
      Map.entry("NCT04432649", Set.of("B7-H3")),                 // 4SCAR-276: CD276 is B7-H3
      Map.entry("NCT04670068", Set.of("B7-H3")),                 // CAR.B7-H3
      Map.entry("NCT06018363", Set.of("B7-H3")),                 // QH104, allogeneic B7-H3 CAR-gamma-delta T
      Map.entry("NCT05562024", Set.of("B7-H3")),                 // TAA06 injection
      Map.entry("NCT07358260", Set.of("B7-H3")),                 // B7-H3.CD28Z.CART
      Map.entry("NCT05752877", Set.of("B7-H3", "IL13Rα2")),      // IL-13 Ralpha2 or B7-H3 UCAR-T
      Map.entry("NCT03198052", Set.of("GPC3", "Mesothelin", "Claudin 18.2", "GUCY2C", "B7-H3", "PSCA", "PSMA", "MUC1",
          "HER2", "EGFR", "Lewis Y", "AXL")),                     // multi-target; TGFbeta is a payload, not a CAR antigen
      Map.entry("NCT02445248", Set.of("CD19")),                  // JULIET, tisagenlecleucel: named only by product
      Map.entry("NCT03391466", Set.of("CD19")),                  // ZUMA-7, axicabtagene ciloleucel
      Map.entry("NCT03548207", Set.of("BCMA")),                  // CARTITUDE-1, "B-Cell Maturation Antigen"
      Map.entry("NCT03448393", Set.of("CD19", "CD22")),          // bispecific CD19/CD22 CAR
      Map.entry("NCT03289455", Set.of("CD19", "CD22")),          // AUTO3, "CD19 /22"
      Map.entry("NCT04581473", Set.of("Claudin 18.2")),          // CT041, satri-cel
      Map.entry("NCT05020015", Set.of("CD19")));                 // TAK-007 CD19 CAR-NK, target named only in the summary

  /** Trials that name an antigen but study no engineered cell therapy. */
  private static final List<String> NOT_CELL_THERAPY = List.of(
      "NCT02982941",   // enoblituzumab, a B7-H3 antibody
      "NCT02628535",   // MGD009, a B7-H3 x CD3 DART protein
      "NCT05942456",   // soluble B7-H3 as a biomarker
      "NCT05923112");  // inotuzumab ozogamicin, a CD22 antibody-drug conjugate

  private static final Map<String, List<String>> tagged = new TreeMap<>();

  @BeforeAll
  static void tagCorpusAndSample() throws IOException {
    Enricher enricher = new Enricher(Vocabulary.load(ConfigSource.folder(Path.of("index-config"))));
    RecordSink sink = new RecordSink() {
      @Override
      public void accept(Trial trial) {
        tagged.put(trial.nctId(), enricher.facets(trial).antigens());
      }

      @Override
      public void skip(String file, int position, String reason) {}

      @Override
      public void warn(String file, int position, String problem) {}
    };
    new SourceWalker(TestReaders.all(), bytes -> {})
        .walk(List.of(SharedCorpus.v2().resolve("b7h3-ccr8-targets-ctg-studies.json"), SharedCorpus.SAMPLE_DATA), sink, new IngestReport());
  }

  @Test
  void carTTrialsCarryTheAntigensTheirTherapyTargets() {
    CAR_T_TRIALS.forEach((id, expected) -> assertEquals(expected, new HashSet<>(tagged.get(id)), id));
  }

  @Test
  void trialsWithoutAnEngineeredCellTherapyCarryNoAntigen() {
    NOT_CELL_THERAPY.forEach(id -> assertEquals(List.of(), tagged.get(id), id));
  }

  @Test
  void antibodyTrialsOfTheCorpusCarryNoAntigen() {
    // the CCR8 and B7-H3 antibody trials of this file (LM-108, BMS-986340, CHS-114, ...) are not cell therapies
    long cellTherapyTrials = tagged.entrySet().stream().filter(e -> !e.getValue().isEmpty()).count();
    assertEquals(23 + 9, cellTherapyTrials, "23 engineered-cell trials in the B7-H3/CCR8 file and 9 in the sample");
  }
}
