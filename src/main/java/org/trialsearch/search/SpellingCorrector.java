package org.trialsearch.search;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.trialsearch.index.Fields;

/**
 * "Did you mean": replaces each plain word of a query that the index barely knows with the most
 * frequent close spelling from the index's own vocabulary (titles, conditions, criteria), so
 * {@code leukimia} becomes {@code leukemia}. Field prefixes, quotes and operators stay as written.
 */
final class SpellingCorrector {

  /** A lower-case word of letters, not inside quotes, not a field name or operator. */
  private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}:\"-])([A-Za-z]{4,})(?![\\p{L}\\p{N}:])");
  private static final String[] FIELDS = {Fields.CONDITION, Fields.TITLE, Fields.CRITERIA};

  private final DirectSpellChecker checker = new DirectSpellChecker();

  SpellingCorrector() {
    checker.setMaxEdits(2);
    checker.setMinPrefix(1);
    checker.setAccuracy(0.7f);
  }

  /** The query with misspelt words replaced, or null when no word needs it. */
  String correct(String query, IndexReader reader) throws IOException {
    if (inQuotes(query)) return null;
    Matcher m = WORD.matcher(query);
    StringBuilder out = new StringBuilder();
    boolean changed = false;
    while (m.find()) {
      String word = m.group(1);
      String better = word.equals(word.toUpperCase(Locale.ROOT)) ? null : better(word.toLowerCase(Locale.ROOT), reader);
      m.appendReplacement(out, Matcher.quoteReplacement(better == null ? word : better));
      changed |= better != null;
    }
    m.appendTail(out);
    return changed ? out.toString() : null;
  }

  private String better(String word, IndexReader reader) throws IOException {
    int known = 0;
    for (String field : FIELDS) known += reader.docFreq(new Term(field, word));
    if (known >= 3) return null;
    SuggestWord best = null;
    for (String field : FIELDS) {
      for (SuggestWord s : checker.suggestSimilar(new Term(field, word), 1, reader, SuggestMode.SUGGEST_MORE_POPULAR)) {
        if (best == null || s.score > best.score || (s.score == best.score && s.freq > best.freq)) best = s;
      }
    }
    return best == null || best.string.equals(word) ? null : best.string;
  }

  private static boolean inQuotes(String query) {
    return query.chars().filter(c -> c == '"').count() % 2 == 1;
  }
}
