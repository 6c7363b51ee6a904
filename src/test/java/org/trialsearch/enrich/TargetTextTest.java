package org.trialsearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.vocabulary.AntigenDictionary;
import org.trialsearch.vocabulary.Vocabulary;

/** Each way records write or mention a target, and what the dictionary then finds as the target and as a marker. */
class TargetTextTest {

  private static final AntigenDictionary DICTIONARY = Vocabulary.load(ConfigSource.folder(Path.of("index-config"))).antigens();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      // CAR inside a word, and a number after CAR
      "huCART19-IL18 cells; CD19; ",
      "4SCAR-CD44v6 T cells; CD44v6; ",
      "CD19CAR T cells; CD19; ",
      "Phase 1 Study of CAR-20/19-T Cells; CD19|CD20; ",
      "UCART20x22; CD20|CD22; ",
      "CAR 70-BCMA CAR-T Cells; BCMA|CD70; ",
      "PBCAR269A; BCMA; ",
      // shorthand lists, joined names, constructs
      "CD19/20/22 CAR-T; CD19|CD20|CD22; ",
      "CD19CD22 dual CAR; CD19|CD22; ",
      "ARI0003 cells (antiCD19 and antiBCMA); BCMA|CD19; ",
      "UCD19 CAR T Cells; CD19; ",
      "19-28z T cells; CD19; ",
      // mentions that name no target
      "CD22 CAR T Cells Following Commercial CD19 CAR T Cells; CD22; ",
      "CD3-CD20 Bisspecific Antibody Combined With CD19-CAR T Cells; CD19; ",
      "IL13Ralpha2 CAR/Truncated CD19-expressing T cells; IL13Rα2; ",
      "BAFF-R CAR-T in CD19-Negative Lymphoma; BAFF-R; ",
      "anti-CD38 antibody before BCMA CAR-T; BCMA; ",
      // an eligibility marker is kept apart from the target
      "RD13-01 for CD7+ T-cell malignancies; ; CD7",
      "CLDN18.2-positive gastric cancer; ; Claudin 18.2",
      // a name that is an English word matches only as written
      "patients who met the criteria; ; ",
      "c-Met CAR-T cells and MET amplification; MET; "})
  void findsTheTargetAsWritten(String text, String targets, String markers) {
    TargetText read = TargetText.of(text);
    assertEquals(set(targets), DICTIONARY.antigensNamedIn(read.core()), "targets");
    assertEquals(set(markers), DICTIONARY.antigensNamedIn(read.markers()), "markers");
  }

  private static Set<String> set(String listed) {
    return listed == null ? Set.of() : new TreeSet<>(Set.of(listed.split("\\|")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "huCART19; 'hu CART CD19 '",
      "CAR-20/19-T; CAR CD20 CD19 -T",
      "CD19/20/22; CD19 CD20 CD22",
      "CARTmeso; CART meso"})
  void writesShorthandOut(String text, String written) {
    assertEquals(written, TargetText.writtenOut(text));
  }
}
