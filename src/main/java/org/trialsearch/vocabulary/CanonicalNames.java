package org.trialsearch.vocabulary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.trialsearch.config.VocabularyFile.Entry;

/**
 * Spellings => canonical value, looked up on folded words (case, accents and punctuation ignored),
 * so that "Active, not recruiting", "ACTIVE_NOT_RECRUITING" and "active not recruiting" are one. Each canonical value is also its own spelling. Used for statuses, phases and countries.
 */
public final class CanonicalNames {

  private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[/,|;&+]\\s*|\\s+and\\s+");

  private final Map<String, List<String>> valuesByKey = new HashMap<>();
  private final Set<String> canonical = new LinkedHashSet<>();

  /** Each entry: spellings => one or more canonical values (a "Phase 1/Phase 2" names two). */
  CanonicalNames(List<Entry> entries) {
    for (Entry entry : entries) {
      canonical.addAll(entry.right());
      for (String value : entry.right()) put(entry, value, List.of(value));
      for (String spelling : entry.left()) put(entry, spelling, entry.right());
    }
  }

  private void put(Entry entry, String spelling, List<String> values) {
    List<String> previous = valuesByKey.putIfAbsent(Fold.words(spelling), values);
    if (previous != null && !previous.equals(values)) {
      throw entry.error("'" + spelling + "' already stands for " + String.join(", ", previous));
    }
  }

  /**
   * The canonical values a spelling stands for; empty when the vocabulary does not know it. A
   * spelling the vocabulary does not know whole may list known ones ("PHASE1/PHASE2", "Phase 2,
   * Phase 1", "PHASE2|PHASE3"): it then stands for all of theirs.
   */
  public List<String> lookup(String spelling) {
    if (spelling == null) return List.of();
    List<String> whole = valuesByKey.get(Fold.words(spelling));
    if (whole != null) return whole;
    String[] parts = LIST_SEPARATOR.split(spelling);
    if (parts.length < 2) return List.of();
    Set<String> values = new LinkedHashSet<>();
    for (String part : parts) {
      List<String> known = valuesByKey.get(Fold.words(part));
      if (known == null) return List.of();
      values.addAll(known);
    }
    return List.copyOf(values);
  }

  /** The canonical value of a spelling; one the vocabulary lacks is kept in UPPER_SNAKE form; null for none. */
  public String oneOf(String stated) {
    if (stated == null || stated.isBlank()) return null;
    List<String> known = lookup(stated);
    return known.isEmpty() ? upperSnake(stated) : known.get(0);
  }

  /** "Dietary supplement" and "dietary-supplement" alike: DIETARY_SUPPLEMENT. */
  public static String upperSnake(String text) {
    return Fold.words(text).replace(' ', '_').toUpperCase(Locale.ROOT);
  }

  /** The canonical values of all the spellings, in first-seen order, each spelling's own form kept when unknown. */
  public List<String> normalizeAll(List<String> spellings, boolean keepUnknown) {
    Set<String> out = new LinkedHashSet<>();
    for (String spelling : spellings) {
      if (spelling == null || spelling.isBlank()) continue;
      List<String> values = lookup(spelling);
      if (!values.isEmpty()) out.addAll(values);
      else if (keepUnknown) out.add(spelling.strip());
    }
    return new ArrayList<>(out);
  }

  /** These canonical values in the order the vocabulary lists them; values it does not list come last. */
  public List<String> inVocabularyOrder(List<String> values) {
    List<String> order = new ArrayList<>(canonical);
    return values.stream().distinct()
        .sorted(java.util.Comparator.comparingInt(v -> order.contains(v) ? order.indexOf(v) : Integer.MAX_VALUE)).toList();
  }

  public Set<String> canonicalValues() {
    return Set.copyOf(canonical);
  }
}
