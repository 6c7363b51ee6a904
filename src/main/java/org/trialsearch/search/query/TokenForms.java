package org.trialsearch.search.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The other ways records write a word of a query, each one more alternative of the word's group:
 * letters and a number joined or hyphenated ("PD1" and "PD-1", "HER-2" and "HER2"), and a gene
 * symbol in capitals as its numbered members ("BRCA" for BRCA1 and BRCA2, "FLT" for FLT3), and
 * names joined by slashes in the other order ("CD19/CD22" and "CD22/CD19": a set of targets, not
 * a sequence). The index splits "PD-1" into two words and keeps "PD1" as one, so without this each
 * finds only the records that write it the same way.
 */
final class TokenForms {

  private static final Pattern LETTERS_AND_NUMBER = Pattern.compile("([A-Za-z]{2,6})-?(\\d{1,3})");
  private static final Pattern SYMBOL = Pattern.compile("\\p{Lu}{3,6}");
  /** Names joined by slashes, one at least with a capital or a digit: "CD19/CD22", "BCMA/GPRC5D", not "mg/kg" or "and/or". */
  private static final Pattern SLASHED = Pattern.compile("[\\p{L}\\d.+-]{2,}(?:/[\\p{L}\\d.+-]{2,})+");
  private static final Pattern CAPITAL_OR_DIGIT = Pattern.compile("[\\p{Lu}\\d]");

  private TokenForms() {}

  /**
   * @param plainWord whether a word is indexed as itself, lower-cased: not an abbreviation kept
   *     apart from the English word ("ALL", the leukaemia), whose numbered forms mean nothing
   */
  static List<List<Piece>> of(List<List<Piece>> groups, Predicate<String> plainWord) {
    List<List<Piece>> out = new ArrayList<>(groups.size());
    for (List<Piece> group : groups) {
      List<Piece> alternatives = new ArrayList<>(group);
      group.forEach(piece -> alternatives.addAll(forms(piece, plainWord)));
      out.add(alternatives);
    }
    return out;
  }

  /** The other forms of one piece; none for a negated piece (its group must stay one piece) or a phrase of several words. */
  static List<Piece> forms(Piece piece, Predicate<String> plainWord) {
    String text = piece.text().strip();
    if (piece.negated() || piece.numberedFamily() || text.contains(" ")) return List.of();
    if (SLASHED.matcher(text).matches() && CAPITAL_OR_DIGIT.matcher(text).find()) {
      List<String> names = new ArrayList<>(List.of(text.split("/")));
      Collections.reverse(names);
      String reversed = String.join("/", names);
      return reversed.equals(text) ? List.of() : List.of(piece.written(reversed, piece.quoted()));
    }
    Matcher lettersAndNumber = LETTERS_AND_NUMBER.matcher(text);
    if (lettersAndNumber.matches()) {
      boolean hyphenated = text.indexOf('-') >= 0;
      return List.of(hyphenated ? piece.written(lettersAndNumber.group(1) + lettersAndNumber.group(2), false)
          : piece.written(lettersAndNumber.group(1) + " " + lettersAndNumber.group(2), true));
    }
    if (!piece.quoted() && SYMBOL.matcher(text).matches() && plainWord.test(text)) return List.of(piece.family());
    return List.of();
  }
}
