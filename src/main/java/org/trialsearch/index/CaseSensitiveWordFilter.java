package org.trialsearch.index;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Keeps words that mean something else in lower case apart: "ALL" (the leukaemia) becomes the term
 * {@code _all}, which "all patients" never produces. Runs before lower-casing, at index and query
 * time alike.
 */
final class CaseSensitiveWordFilter extends TokenFilter {

  static final String MARK = "_";

  private final Set<String> words;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  CaseSensitiveWordFilter(TokenStream input, Set<String> words) {
    super(input);
    this.words = words;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) return false;
    if (!words.isEmpty() && words.contains(term.toString())) {
      String marked = MARK + term.toString().toLowerCase(Locale.ROOT);
      term.setEmpty().append(marked);
    }
    return true;
  }
}
