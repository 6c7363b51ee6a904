package org.trialsearch.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trialsearch.config.ConfigException;
import org.trialsearch.config.ConfigSource;

class VocabularyTest {

  private final Vocabulary vocabulary = Vocabulary.load(ConfigSource.folder(Path.of("index-config")));

  @Test
  void statusSpellingsBecomeTheRegistryEnum() {
    assertEquals(List.of("ACTIVE_NOT_RECRUITING"), vocabulary.statuses().lookup("Active, not recruiting"));
    assertEquals(List.of("RECRUITING"), vocabulary.statuses().lookup("Enrolling"));
    assertEquals(List.of("UNKNOWN"), vocabulary.statuses().lookup("Unknown status"));
  }

  @Test
  void combinedPhasesNameBothPhases() {
    assertEquals(List.of("PHASE1", "PHASE2"), vocabulary.phases().lookup("Phase 1/Phase 2"));
    assertEquals(List.of("PHASE1", "PHASE2"), vocabulary.phases().lookup("Phase I/II"));
    assertEquals(List.of("PHASE3"), vocabulary.phases().lookup("Phase III"));
    assertEquals(List.of("NA"), vocabulary.phases().lookup("N/A"));
  }

  @Test
  void countryAliasesHaveOneSpelling() {
    assertEquals(List.of("South Korea"), vocabulary.countries().lookup("Korea, Republic of"));
    assertEquals(List.of("Russia"), vocabulary.countries().lookup("Russian Federation"));
    assertEquals(List.of("Turkey"), vocabulary.countries().lookup("Turkey (Türkiye)"));
    assertEquals(List.of("Iran", "Peru"), vocabulary.countries().normalizeAll(List.of("Iran, Islamic Republic of", "Peru"), true));
  }

  @Test
  void antigenSpellingsAndProductsNameTheirAntigen() {
    assertEquals("BCMA", vocabulary.antigens().canonical("B-cell maturation antigen"));
    assertEquals("CD19", vocabulary.antigens().canonical("cd19"));
    assertEquals("CD19", vocabulary.antigens().canonical("Kymriah"));
    assertEquals("CD22", vocabulary.antigens().canonical("UCART22"));
    assertNull(vocabulary.antigens().canonical("CD999"));
  }

  @Test
  void theDictionaryCoversEveryAntigenOfTheTrackerTargetCategories() {
    // every label of the tracker's TargetCategory column that names antigens, "dual" split and "CAR-NK: " stripped
    List<String> trackerAntigens = List.of("AFP", "B7-H3", "BAFF-R", "BCMA", "CD123", "CD133", "CD147", "CD19", "CD1a", "CD20",
        "CD22", "CD30", "CD33", "CD38", "CD5", "CD7", "CD70", "CD79b", "CDH17", "CEA", "CLDN6", "CLL1", "Claudin 18.2", "DLL3",
        "EGFR", "EGFRvIII", "EpCAM", "FAP", "FGFR4", "FLT3", "FcRH5", "GD2", "GPC3", "GPNMB", "GPRC5D", "GUCY2C", "HER2", "IL-5",
        "IL13Rα2", "Kappa LC", "L1CAM", "MET", "MUC1", "Mesothelin", "NKG2D-L", "PSCA", "PSMA", "ROR1", "SLAMF7");
    assertEquals(49, trackerAntigens.size());
    trackerAntigens.forEach(a -> assertEquals(a, vocabulary.antigens().canonical(a), a));
  }

  @Test
  void aBadEntryStopsLoadingWithItsFileAndLine() {
    ConfigSource broken = source(Map.of("products.txt", "# products\nfoo-cel => CD19\nbar-cel => CD999\n"));
    ConfigException e = assertThrows(ConfigException.class, () -> Vocabulary.load(broken));
    assertEquals("products.txt:3: unknown antigen 'CD999' (not in antigens.txt)", e.getMessage());
  }

  @Test
  void theAbbreviationsOfSeveralSensesAreTheLettersOfAbbreviationsTxt() {
    Set<String> ambiguous = Vocabulary.load(ConfigSource.folder(Path.of("index-config"))).synonyms().ambiguousLetters();
    assertTrue(ambiguous.containsAll(Set.of("RA", "PD", "CF", "MG")), ambiguous.toString());
    assertFalse(ambiguous.contains("NSCLC") || ambiguous.contains("rheumatoid arthritis"), ambiguous.toString());
  }

  @Test
  void anAbbreviationOfSeveralSensesIsOneAbbreviation() {
    ConfigSource broken = source(Map.of("abbreviations.txt", "RA => rheumatoid arthritis | refractory anemia\nPD | PKD => Parkinson's disease\n"));
    ConfigException e = assertThrows(ConfigException.class, () -> Vocabulary.load(broken));
    assertEquals("abbreviations.txt:2: expected one abbreviation before '=>', found 2", e.getMessage());
  }

  @Test
  void aLineWithoutArrowIsRejected() {
    ConfigSource broken = source(Map.of("statuses.txt", "Recruiting RECRUITING\n"));
    ConfigException e = assertThrows(ConfigException.class, () -> Vocabulary.load(broken));
    assertEquals("statuses.txt:1: expected 'value | value => value', got 'Recruiting RECRUITING'", e.getMessage());
  }

  /** The real configuration with some files replaced. */
  private static ConfigSource source(Map<String, String> replaced) {
    ConfigSource real = ConfigSource.folder(Path.of("index-config"));
    return new ConfigSource() {
      @Override
      public String describe() {
        return "test";
      }

      @Override
      public Reader open(String file) throws java.io.IOException {
        return replaced.containsKey(file) ? new StringReader(replaced.get(file)) : real.open(file);
      }

      @Override
      public List<String> list(String folder) throws java.io.IOException {
        return real.list(folder);
      }
    };
  }
}
