package org.trialsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialsearch.config.ConfigSource;
import org.trialsearch.vocabulary.Vocabulary;

class TextAnalysisTest {

  private final TextAnalysis analysis = TextAnalysis.of(Vocabulary.load(ConfigSource.folder(Path.of("index-config"))));

  @Test
  void abbreviationsThatAreWordsInLowerCaseAreKeptApart() {
    assertEquals(List.of("_ms", "relapse"), analysis.terms("MS relapses"));
    assertEquals(List.of("ms", "time", "10"), analysis.terms("ms timed to 10"), "milliseconds");
  }

  @Test
  void anAbbreviationJoinedToANumberIsACodeName() {
    // NCT00001633's contrast agent and NCT00003020's exotoxin
    assertEquals(List.of("ms_325", "contrast", "agent"), analysis.terms("MS-325 contrast agent"));
    assertEquals(List.of("antibody", "pe_38"), analysis.terms("antibodies to PE-38"));
    assertEquals(List.of("_ms", "2", "years"), analysis.terms("MS - 2 years"), "a hyphen between words with spaces is not a join");
  }

  @Test
  void anAbbreviationOfSeveralSensesFindsEachOneWayOnly() {
    List<String> ra = TextAnalysis.terms(analysis.withSynonyms(), Fields.TITLE, "RA");
    assertTrue(ra.containsAll(List.of("ra", "rheumatoid", "arthritis", "refractory", "anemia")), ra.toString());
    assertEquals(List.of("rheumatoid", "arthritis"), TextAnalysis.terms(analysis.withSynonyms(), Fields.TITLE, "rheumatoid arthritis"),
        "a sense does not find the letters, which as often mean another");
  }

  @Test
  void aClassFindsItsMembersOneWayOnly() {
    List<String> anthracyclines = TextAnalysis.terms(analysis.withSynonyms(), Fields.EXCLUSION, "anthracyclines");
    assertTrue(anthracyclines.containsAll(List.of("anthracycline", "doxorubicin", "daunorubicin", "epirubicin", "idarubicin")),
        anthracyclines.toString());
    List<String> steroids = TextAnalysis.terms(analysis.withSynonyms(), Fields.EXCLUSION, "steroids");
    assertTrue(steroids.containsAll(List.of("steroid", "corticosteroid", "glucocorticoid", "prednisone", "dexamethasone")), steroids.toString());
    assertEquals(List.of("doxorubicin"), TextAnalysis.terms(analysis.withSynonyms(), Fields.EXCLUSION, "doxorubicin"),
        "a member finds neither its class nor the other members");
    // a disease of several kinds; NCT00498589 excludes "Anti-TNFa treatment"
    List<String> glioma = TextAnalysis.terms(analysis.withSynonyms(), Fields.CONDITION, "glioma");
    assertTrue(glioma.containsAll(List.of("glioma", "glioblastoma", "astrocytoma", "oligodendroglioma", "dipg")), glioma.toString());
    List<String> glioblastoma = TextAnalysis.terms(analysis.withSynonyms(), Fields.CONDITION, "glioblastoma");
    assertFalse(glioblastoma.contains("oligodendroglioma") || glioblastoma.contains("ependymoma"), glioblastoma.toString());
    List<String> tnf = TextAnalysis.terms(analysis.withSynonyms(), Fields.EXCLUSION, "TNF inhibitors");
    assertTrue(tnf.containsAll(List.of("tnfa", "infliximab")), tnf.toString());
  }

  @Test
  void anOrgansToxicityIsOneWordOrTwo() {
    // NCT00002827 and NCT00005578 list "Cardiac Toxicity" as a condition
    List<String> cardiotoxicity = TextAnalysis.terms(analysis.withSynonyms(), Fields.CONDITION, "cardiotoxicity");
    assertTrue(cardiotoxicity.containsAll(analysis.terms("cardiotoxicity cardiac toxicity")), cardiotoxicity.toString());
    List<String> liver = TextAnalysis.terms(analysis.withSynonyms(), Fields.CONDITION, "liver toxicity");
    assertTrue(liver.containsAll(analysis.terms("hepatotoxicity")), liver.toString());
  }
}
