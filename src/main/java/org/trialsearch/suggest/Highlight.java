package org.trialsearch.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.search.spell.LevenshteinDistance;

/** Marks the typed parts of a suggestion: the start of each word that a typed word begins, or a whole word it nearly spells. */
final class Highlight {

  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance();

  private Highlight() {}

  static String marked(String text, List<String> typed) {
    StringBuilder out = new StringBuilder();
    int done = 0;
    try (TokenStream stream = SuggestionIndex.WORD_ANALYZER.tokenStream("words", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        int length = markedLength(term.toString(), offset.endOffset() - offset.startOffset(), typed);
        if (length == 0) continue;
        out.append(escape(text.substring(done, offset.startOffset())))
            .append("<mark>").append(escape(text.substring(offset.startOffset(), offset.startOffset() + length))).append("</mark>");
        done = offset.startOffset() + length;
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.append(escape(text.substring(done))).toString();
  }

  /** How many characters of a word to mark: a typed word's length when the word starts with it, all of it when a typed word nearly spells it. */
  private static int markedLength(String word, int wordLength, List<String> typed) {
    int best = 0;
    for (String t : typed) {
      if (word.startsWith(t)) best = Math.max(best, Math.min(t.length(), wordLength));
      else if (t.length() >= 4 && DISTANCE.getDistance(t, word.substring(0, Math.min(word.length(), t.length() + 2))) >= 0.6f) best = Math.max(best, wordLength);
    }
    return best;
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
