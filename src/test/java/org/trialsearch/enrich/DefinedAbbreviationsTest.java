package org.trialsearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialsearch.Collected;
import org.trialsearch.SharedCorpus;
import org.trialsearch.enrich.DefinedAbbreviations.Definition;

/** The abbreviations records define for themselves, on records of the legacy bulk download. */
class DefinedAbbreviationsTest {

  private static Collected legacy;

  @BeforeAll
  static void readTheBulkDownload() {
    legacy = Collected.from(SharedCorpus.LEGACY_XML_ZIP);
  }

  @Test
  void aLongFormBeforeItsLettersInParentheses() {
    // NCT00495638 wraps "pulmonary\n hypertension (PHT)" over two lines
    assertEquals(List.of(new Definition("PHT", "pulmonary hypertension"), new Definition("SCD", "sickle cell disease"),
            new Definition("CP", "Chuvash polycythemia")),
        DefinedAbbreviations.of(legacy.trial("NCT00495638")).stream().filter(d -> List.of("SCD", "CP", "PHT").contains(d.letters())).toList());
    assertEquals(List.of(new Definition("ED", "emergency department")), DefinedAbbreviations.of(legacy.trial("NCT00462059")).stream()
        .filter(d -> d.letters().equals("ED")).toList());
  }

  @Test
  void severalLettersInOneParenthesisEachWithItsLongForm() {
    // NCT00499317's title: the long form runs from the first letter's word to the parenthesis
    assertEquals(List.of(new Definition("CP", "Chronic Pelvic Pain Syndrome"), new Definition("CPPS", "Chronic Pelvic Pain Syndrome")),
        DefinedAbbreviations.in("Genetic Study of Chronic Prostatitis/Chronic Pelvic Pain Syndrome (CP/CPPS)"));
  }

  @Test
  void theShortOtherNamesOfAnIntervention() {
    assertEquals(List.of(new Definition("CF", "leucovorin calcium"), new Definition("CFR", "leucovorin calcium"), new Definition("LV", "leucovorin calcium")),
        DefinedAbbreviations.of(legacy.trial("NCT00003799")).stream().filter(d -> d.longForm().equals("leucovorin calcium")).toList());
  }

  @Test
  void lettersThatTheWordsBeforeDoNotSpellDefineNothing() {
    assertEquals(List.of(), DefinedAbbreviations.in("patients treated with the study drug (MS) daily"));
    assertEquals(List.of(), DefinedAbbreviations.in("Phase II study (NCI) of topotecan"));
    assertNull(DefinedAbbreviations.longForm("ED", "department"), "the first letter must start a word");
    assertEquals("emergency department", DefinedAbbreviations.longForm("ED", "visits to the emergency department"));
    // the letters could all come from one word; the word before that starts with the first letter is the name
    assertEquals("Colorectal Carcinoma", DefinedAbbreviations.longForm("CRC", "Colorectal Carcinoma"));
    assertEquals("cytomegalovirus", DefinedAbbreviations.longForm("CMV", "antibody to cytomegalovirus"));
  }
}
