package org.trialsearch.vocabulary;

import java.text.Normalizer;
import java.util.Locale;

/** Folds text for vocabulary look-ups: accents off, lower case, every run of non-alphanumerics one space. */
public final class Fold {
  private Fold() {}

  public static String words(String text) {
    if (text == null) return "";
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    boolean space = true;
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c));
        space = false;
      } else if (!space) {
        out.append(' ');
        space = true;
      }
    }
    int end = out.length();
    if (end > 0 && out.charAt(end - 1) == ' ') out.setLength(end - 1);
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** {@link #words} without the spaces: "B-cell maturation antigen" and "B cell maturationantigen" fold alike. */
  public static String key(String text) {
    return words(text).replace(" ", "");
  }
}
