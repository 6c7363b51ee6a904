package org.trialsearch.vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds vocabulary phrases in free text at word boundaries, each phrase standing for a value
 * (an antigen, a modality, ...). Phrases match case- and accent-insensitively on folded text; a
 * phrase written in double quotes in the vocabulary matches only exactly as written, for
 * abbreviations that are also English words ("MET"); one starting with {@code *} is the ending of a
 * word (an INN stem such as {@code *cabtagene}: "axicabtagene", "zevorcabtagene").
 */
public final class PhraseMatcher<V> {

  private record Folded<V>(String phrase, V value) {}

  /** A pattern over the text as written, or (for word endings) over its folded words. */
  private record Exact<V>(Pattern pattern, V value, boolean onFolded) {}

  private final List<Folded<V>> folded = new ArrayList<>();
  private final List<Exact<V>> exact = new ArrayList<>();

  void add(String phrase, V value) {
    if (phrase.length() > 1 && phrase.startsWith("*")) {
      String ending = Fold.words(phrase.substring(1));
      exact.add(new Exact<>(Pattern.compile("(?<= )[\\p{L}\\p{N}]+" + Pattern.quote(ending) + "(?= )"), value, true));
    } else if (phrase.length() > 2 && phrase.startsWith("\"") && phrase.endsWith("\"")) {
      String literal = phrase.substring(1, phrase.length() - 1);
      exact.add(new Exact<>(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(literal) + "(?![\\p{L}\\p{N}])"), value, false));
    } else {
      String words = Fold.words(phrase);
      if (!words.isEmpty()) folded.add(new Folded<>(" " + words + " ", value));
    }
  }

  /** The values whose phrases occur in the text. */
  Set<V> find(Text text) {
    Set<V> found = new LinkedHashSet<>();
    for (Folded<V> f : folded) {
      if (text.folded.contains(f.phrase)) found.add(f.value);
    }
    for (Exact<V> e : exact) {
      if (e.pattern.matcher(e.onFolded ? text.folded : text.original).find()) found.add(e.value);
    }
    return found;
  }

  /** Text prepared once for many look-ups. */
  public static final class Text {
    final String original;
    final String folded;

    public Text(String original) {
      this.original = original;
      this.folded = " " + Fold.words(original) + " ";
    }
  }
}
