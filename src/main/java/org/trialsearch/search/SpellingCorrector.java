package org.trialsearch.search;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.trialsearch.index.Fields;

/**
 * "Did you mean": replaces each plain word of a query that the index barely knows with the most
 * frequent close spelling from the index's own vocabulary (titles, conditions, criteria), so
 * {@code leukimia} becomes {@code leukemia}. Field prefixes, quotes and operators stay as written.
 * A close spelling keeps the first letter and is at most two edits away (a swap of two letters is
 * one), with a similarity of at least {@link #ACCURACY}; the most similar wins, then the most
 * frequent. The word's automaton is built once and run over each field's terms: building it was
 * most of the cost, once per field and edit distance in Lucene's own spell checker.
 */
final class SpellingCorrector {

  /** A lower-case word of letters, not inside quotes, not a field name or operator. */
  private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}:\"-])([A-Za-z]{4,})(?![\\p{L}\\p{N}:])");
  private static final String[] FIELDS = {Fields.CONDITION, Fields.TITLE, Fields.CRITERIA};
  private static final int MAX_EDITS = 2;
  /** 1 - edits / the shorter word's length: "leukimia" to "leukemia" is 0.875. */
  private static final float ACCURACY = 0.7f;

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

  /** A spelling of the index and how it compares with the word. */
  private record Candidate(String text, float similarity, int docFreq) {
    /** More similar, or as similar and more frequent. */
    boolean outranks(Candidate other) {
      return other == null || similarity > other.similarity || similarity == other.similarity && docFreq > other.docFreq;
    }

    /** Within a field, a full tie goes to the spelling first in alphabetical order. */
    boolean beats(Candidate other) {
      return outranks(other) || similarity == other.similarity && docFreq == other.docFreq && text.compareTo(other.text) < 0;
    }
  }

  private String better(String word, IndexReader reader) throws IOException {
    int known = 0;
    for (String field : FIELDS) known += reader.docFreq(new Term(field, word));
    if (known >= 3) return null;
    int first = word.offsetByCodePoints(0, 1);
    CompiledAutomaton close = new CompiledAutomaton(
        new LevenshteinAutomata(word.substring(first), true).toAutomaton(MAX_EDITS, word.substring(0, first)), true, false);
    Candidate best = null;
    for (String field : FIELDS) {
      Candidate inField = closest(word, field, close, reader);
      if (inField != null && inField.outranks(best)) best = inField;
    }
    return best == null ? null : best.text;
  }

  /** The field's best spelling other than the word, more frequent there than the word. */
  private static Candidate closest(String word, String field, CompiledAutomaton close, IndexReader reader) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, field);
    if (terms == null) return null;
    int wordFreq = reader.docFreq(new Term(field, word));
    int wordLength = word.codePointCount(0, word.length());
    Candidate best = null;
    TermsEnum spellings = close.getTermsEnum(terms);
    for (BytesRef term = spellings.next(); term != null; term = spellings.next()) {
      String text = term.utf8ToString();
      if (text.equals(word)) continue;
      int docFreq = spellings.docFreq();
      if (docFreq <= wordFreq) continue;
      int length = text.codePointCount(0, text.length());
      float similarity = 1f - (float) edits(word, text) / Math.min(wordLength, length);
      if (similarity < ACCURACY) continue;
      Candidate candidate = new Candidate(text, similarity, docFreq);
      if (candidate.beats(best)) best = candidate;
    }
    return best;
  }

  /** Edits between two words, a swap of neighbouring letters counting one (optimal string alignment). */
  static int edits(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    int[][] d = new int[x.length + 1][y.length + 1];
    for (int i = 0; i <= x.length; i++) d[i][0] = i;
    for (int j = 0; j <= y.length; j++) d[0][j] = j;
    for (int i = 1; i <= x.length; i++) {
      for (int j = 1; j <= y.length; j++) {
        int cost = x[i - 1] == y[j - 1] ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    return d[x.length][y.length];
  }

  private static boolean inQuotes(String query) {
    return query.chars().filter(c -> c == '"').count() % 2 == 1;
  }
}
