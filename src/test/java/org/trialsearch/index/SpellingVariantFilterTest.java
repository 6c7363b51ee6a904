package org.trialsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SpellingVariantFilterTest {

  @Test
  void britishSpellingsAreWrittenTheAmericanWay() {
    Map<String, String> pairs = Map.ofEntries(
        Map.entry("haematological", "hematological"), Map.entry("leukaemia", "leukemia"), Map.entry("paediatric", "pediatric"),
        Map.entry("haemorrhage", "hemorrhage"), Map.entry("oedema", "edema"), Map.entry("oesophageal", "esophageal"),
        Map.entry("diarrhoea", "diarrhea"), Map.entry("coeliac", "celiac"), Map.entry("tumour", "tumor"), Map.entry("tumours", "tumors"),
        Map.entry("favourable", "favorable"), Map.entry("randomised", "randomized"), Map.entry("organisation", "organization"),
        Map.entry("centre", "center"), Map.entry("fibres", "fibers"), Map.entry("analogue", "analog"), Map.entry("analysed", "analyzed"),
        Map.entry("haemolysed", "hemolyzed"), Map.entry("programme", "program"));
    pairs.forEach((british, american) -> assertEquals(american, SpellingVariantFilter.american(british), british));
  }

  @Test
  void americanWordsAndLookAlikesStayAsTheyAre() {
    for (String word : new String[] {"tumor", "hours", "flour", "exercise", "exercised", "promising", "otherwise", "supervised",
        "analysis", "genre", "store", "there", "vertebrae", "vogue", "lysed", "programmed", "purposes", "diseases"}) {
      assertEquals(word, SpellingVariantFilter.american(word), word);
    }
  }
}
