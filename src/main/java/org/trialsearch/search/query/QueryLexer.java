package org.trialsearch.search.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialsearch.index.Fields;

/**
 * Splits the default syntax into pieces: words, quoted phrases, {@code field:} prefixes (also before
 * parentheses, {@code exclusion:(HIV OR hepatitis)}), {@code -} and {@code NOT}, and OR between
 * pieces. Anything else is a word: no input is a syntax error.
 */
final class QueryLexer {

  private QueryLexer() {}

  /** Joins pieces linked by OR into groups; every other piece is a group of its own. */
  static List<List<Piece>> groups(List<Object> tokens) {
    List<List<Piece>> groups = new ArrayList<>();
    boolean joinNext = false;
    for (Object token : tokens) {
      if (token == Operator.OR) {
        joinNext = !groups.isEmpty();
        continue;
      }
      Piece piece = (Piece) token;
      if (joinNext && !piece.negated()) groups.get(groups.size() - 1).add(piece);
      else groups.add(new ArrayList<>(List.of(piece)));
      joinNext = false;
    }
    return groups;
  }

  enum Operator { OR }

  /** Splits the text into pieces and OR operators. AND is the default and is dropped. */
  static List<Object> lex(String text) {
    List<Object> tokens = new ArrayList<>();
    int i = 0;
    int n = text.length();
    boolean negateNext = false;
    while (i < n) {
      if (Character.isWhitespace(text.charAt(i))) {
        i++;
        continue;
      }
      boolean negated = negateNext;
      negateNext = false;
      char c = text.charAt(i);
      if ((c == '-' || c == '+') && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
        negated |= c == '-';
        i++;
      }
      String field = fieldAt(text, i);
      if (field != null) i += field.length() + 1;
      if (field != null && i < n && text.charAt(i) == '(') {
        // field:(a OR b c): the field applies to every piece inside
        int close = text.indexOf(')', i + 1);
        int end = close < 0 ? n : close;
        for (Object inner : lex(text.substring(i + 1, end))) {
          tokens.add(inner instanceof Piece p && p.field() == null
              ? p.inField(field.toLowerCase(Locale.ROOT), p.negated() != negated) : inner);
        }
        i = close < 0 ? n : close + 1;
        continue;
      }
      int end;
      String piece;
      boolean quoted = i < n && text.charAt(i) == '"';
      if (quoted) {
        int close = text.indexOf('"', i + 1);
        end = close < 0 ? n : close + 1;
        piece = text.substring(i + 1, close < 0 ? n : close);
      } else {
        end = i;
        while (end < n && !Character.isWhitespace(text.charAt(end))) end++;
        piece = text.substring(i, end);
        if (field == null && piece.equals("OR")) {
          tokens.add(Operator.OR);
          i = end;
          continue;
        }
        if (field == null && (piece.equals("AND") || piece.equals("&&"))) {
          i = end;
          continue;
        }
        if (field == null && piece.equals("NOT")) {
          negateNext = true;
          i = end;
          continue;
        }
      }
      i = end;
      if (!piece.isBlank()) tokens.add(new Piece(field == null ? null : field.toLowerCase(Locale.ROOT), piece, negated, quoted, false));
    }
    return tokens;
  }

  /** The known field name a {@code field:} prefix at this position names, or null. */
  private static String fieldAt(String text, int start) {
    int colon = text.indexOf(':', start);
    if (colon <= start || colon + 1 >= text.length() || Character.isWhitespace(text.charAt(colon + 1))) return null;
    String name = text.substring(start, colon);
    return Fields.TEXT_FIELDS.contains(name.toLowerCase(Locale.ROOT)) ? name : null;
  }
}
