package org.trialsearch.search.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Trials with most of a query's pieces, for when too few have them all. Pieces are not all alike:
 * in "ALPP CAR-T ovarian cancer Europe" the rare ALPP decides what the query is about, and trials
 * with CAR-T, ovarian and cancer but no ALPP are not what was asked. So when the rarest piece that
 * any trial has is far rarer than most of the other pieces, it must match, with any one of the others
 * (trials with more of them rank higher); otherwise most pieces, whichever. Rarity is counted in
 * the index when the query runs, over every trial (not within filters: how rare a word is does not
 * depend on them). Counted, not estimated from the terms: a phrase's words or pairs miss its count
 * tenfold ("plasma cell leukemia": 31 trials, its rarest pair in hundreds).
 */
final class MostPiecesQuery extends Query {

  /** How many times rarer than most of the other pieces the rarest must be to decide the query. */
  static final int DECISIVE_RARITY = 5;

  private final List<Query> pieces;
  private final List<Query> excluded;
  /** Whether a piece is a quoted phrase loosened to its words close together. */
  private final boolean loosened;

  MostPiecesQuery(List<Query> pieces, List<Query> excluded, boolean loosened) {
    this.pieces = List.copyOf(pieces);
    this.excluded = List.copyOf(excluded);
    this.loosened = loosened;
  }

  /** Most of the pieces: 1 of 1 or 2 (but see {@link #anyTrialHasBoth}), 2 of 3, 3 of 4, 3 of 5. */
  static int mostOf(int n) {
    return n <= 2 ? 1 : n / 2 + 1;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    int decisive = decisivePiece(searcher);
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (int i = 0; i < pieces.size(); i++) query.add(pieces.get(i), i == decisive ? Occur.MUST : Occur.SHOULD);
    // the deciding piece weighs as much as most of the others: one more of them is enough (of two
    // pieces, both: a rare word alone is not what two words asked, "kappa" for "kappa CAR")
    int shouldMatch = decisive < 0 ? mostOf(pieces.size()) : 1;
    if (decisive < 0 && pieces.size() == 2 && loosened && anyTrialHasBoth(searcher)) shouldMatch = 2;
    if (shouldMatch > 0 && pieces.size() > 1) query.setMinimumNumberShouldMatch(shouldMatch);
    for (Query q : excluded) query.add(q, Occur.MUST_NOT);
    if (pieces.isEmpty()) query.add(new MatchAllDocsQuery(), Occur.MUST);
    return query.build();
  }

  /**
   * Whether some trial has both of two pieces, one a quoted phrase loosened to its words close
   * together. The loosened phrase is what was asked, so with the other piece it comes before
   * trials with only one of them: "B7-H3 inclusion:\"relapsed or refractory\"" finds "relapsed
   * and/or refractory", not every B7-H3 trial. Two plain words have nothing to loosen, and trials
   * with one of them follow those with both.
   */
  private boolean anyTrialHasBoth(IndexSearcher searcher) throws IOException {
    BooleanQuery.Builder both = new BooleanQuery.Builder();
    pieces.forEach(q -> both.add(q, Occur.FILTER));
    excluded.forEach(q -> both.add(q, Occur.MUST_NOT));
    return searcher.count(both.build()) > 0;
  }

  /** The piece far rarer than most others, or -1 when none is. */
  private int decisivePiece(IndexSearcher searcher) throws IOException {
    if (pieces.size() < 2) return -1;
    List<long[]> counted = new ArrayList<>(); // {trials, piece}
    for (int i = 0; i < pieces.size(); i++) {
      long count = searcher.count(pieces.get(i));
      if (count > 0) counted.add(new long[] {count, i}); // a word no trial has decides nothing
    }
    if (counted.size() < 2) return -1;
    counted.sort(Comparator.comparingLong(c -> c[0]));
    // far rarer than most of the others: than the rarest of the commonest majority of them
    int others = counted.size() - 1;
    long majority = counted.get(1 + others - (others / 2 + 1))[0];
    return counted.get(0)[0] * DECISIVE_RARITY <= majority ? (int) counted.get(0)[1] : -1;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    QueryVisitor should = visitor.getSubVisitor(Occur.SHOULD, this);
    pieces.forEach(q -> q.visit(should));
    QueryVisitor mustNot = visitor.getSubVisitor(Occur.MUST_NOT, this);
    excluded.forEach(q -> q.visit(mustNot));
  }

  @Override
  public String toString(String field) {
    return "most(" + String.join(", ", pieces.stream().map(q -> q.toString(field)).toList()) + ")"
        + (excluded.isEmpty() ? "" : " -(" + String.join(", ", excluded.stream().map(q -> q.toString(field)).toList()) + ")");
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && pieces.equals(((MostPiecesQuery) other).pieces) && excluded.equals(((MostPiecesQuery) other).excluded)
        && loosened == ((MostPiecesQuery) other).loosened;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), pieces, excluded, loosened);
  }
}
