package org.trialsearch.enrich;

import java.util.List;
import java.util.Set;
import org.trialsearch.config.VocabularyFile.Entry;

/** Phrases that show a trial studies an engineered cell therapy (CAR-T, CAR-NK, TCR-T), from {@code cell-therapy.txt}. */
public final class CellTherapyMarkers {

  private final PhraseMatcher<String> phrases = new PhraseMatcher<>();

  CellTherapyMarkers(List<Entry> entries) {
    for (Entry entry : entries) {
      String kind = entry.single();
      for (String phrase : entry.left()) phrases.add(phrase, kind);
    }
  }

  Set<String> kindsNamedIn(PhraseMatcher.Text text) {
    return phrases.find(text);
  }
}
