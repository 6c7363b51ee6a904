package org.trialsearch.vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.trialsearch.config.ConfigException;
import org.trialsearch.config.VocabularyFile.Entry;

/**
 * Phrases that show a trial studies a cell therapy, by kind (CAR-T, CAR-NK, TCR-T, other), from
 * {@code cell-therapy.txt}. The kind named by {@code @not-engineered} is a cell therapy without an
 * engineered receptor, so it has no target antigen.
 */
public final class CellTherapyMarkers {

  private final PhraseMatcher<String> phrases = new PhraseMatcher<>();
  private final List<String> kinds = new ArrayList<>();
  private String notEngineered;

  CellTherapyMarkers(List<Entry> entries) {
    for (Entry entry : entries) {
      if (entry.left().get(0).equals("@not-engineered")) {
        notEngineered = entry.single();
        continue;
      }
      String kind = entry.single();
      if (!kinds.contains(kind)) kinds.add(kind);
      for (String phrase : entry.left()) phrases.add(phrase, kind);
    }
    if (notEngineered != null && !kinds.contains(notEngineered)) {
      throw new ConfigException("cell-therapy.txt: @not-engineered names '" + notEngineered + "', which no line defines");
    }
  }

  public Set<String> kindsNamedIn(PhraseMatcher.Text text) {
    return phrases.find(text);
  }

  /** Every kind, in file order. */
  public List<String> kinds() {
    return List.copyOf(kinds);
  }

  /** The kind of cell therapy without an engineered receptor, or null when the file names none. */
  public String notEngineered() {
    return notEngineered;
  }
}
