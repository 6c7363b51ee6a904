package org.trialsearch.search.query;

/**
 * One piece of a query: a word or the words of a quoted phrase, the field it names (null: the
 * weighted fields), and its sign. A numbered-family piece ("BRCA" as BRCA1, BRCA2) stands for the
 * word followed by a number.
 */
record Piece(String field, String text, boolean negated, boolean quoted, boolean numberedFamily) {

  /** A plain word or run of words, unquoted, in the weighted fields. */
  static Piece word(String text) {
    return new Piece(null, text, false, false, false);
  }

  Piece positive() {
    return new Piece(field, text, false, quoted, numberedFamily);
  }

  Piece inField(String name, boolean negate) {
    return new Piece(name, text, negate, quoted, numberedFamily);
  }

  /** Another way of writing this piece, with its field and sign. */
  Piece written(String other, boolean asPhrase) {
    return new Piece(field, other, negated, asPhrase, false);
  }

  /** This word followed by a number ("BRCA" for BRCA1 and BRCA2). */
  Piece family() {
    return new Piece(field, text, negated, false, true);
  }
}
