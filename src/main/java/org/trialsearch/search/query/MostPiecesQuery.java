package org.trialsearch.search.query;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Trials with most of a query's pieces, for when too few have them all. Pieces are not all alike:
 * in "ALPP CAR-T ovarian cancer Europe" the rare ALPP decides what the query is about, and trials
 * with CAR-T, ovarian and cancer but no ALPP are not what was asked. So when the rarest piece that
 * any trial has is far rarer than every other piece, it must match, with any one of the others
 * (trials with more of them rank higher); otherwise most pieces, whichever. Rarity is estimated
 * from the index's terms when the query runs, over every trial (not within filters: how rare a
 * word is does not depend on them).
 */
final class MostPiecesQuery extends Query {

  /** How many times rarer than the next rarest piece the rarest must be to decide the query. */
  static final int DECISIVE_RARITY = 5;

  private final List<Query> pieces;
  private final List<Query> excluded;

  MostPiecesQuery(List<Query> pieces, List<Query> excluded) {
    this.pieces = List.copyOf(pieces);
    this.excluded = List.copyOf(excluded);
  }

  /** Most of the pieces: 1 of 1 or 2, 2 of 3, 3 of 4, 3 of 5. */
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
    if (shouldMatch > 0 && pieces.size() > 1) query.setMinimumNumberShouldMatch(shouldMatch);
    for (Query q : excluded) query.add(q, Occur.MUST_NOT);
    if (pieces.isEmpty()) query.add(new MatchAllDocsQuery(), Occur.MUST);
    return query.build();
  }

  /** The piece far rarer than all others, or -1 when none is. */
  private int decisivePiece(IndexSearcher searcher) throws IOException {
    if (pieces.size() < 2) return -1;
    int rarest = -1;
    long rarestCount = Long.MAX_VALUE;
    long nextCount = Long.MAX_VALUE;
    for (int i = 0; i < pieces.size(); i++) {
      long count = estimate(searcher, pieces.get(i));
      if (count == 0) continue; // a word no trial has decides nothing
      if (count < rarestCount) {
        nextCount = rarestCount;
        rarestCount = count;
        rarest = i;
      } else if (count < nextCount) {
        nextCount = count;
      }
    }
    boolean decides = rarest >= 0 && nextCount != Long.MAX_VALUE && rarestCount * DECISIVE_RARITY <= nextCount;
    return decides ? rarest : -1;
  }

  /**
   * About how many trials a piece matches, read from the terms dictionary alone (counting its
   * matches would search the whole index once a piece): a word is its trials, alternatives (a
   * word and its synonyms, its fields) the most of theirs, a phrase (by its pairs of words) or
   * words that must all match the fewest of theirs. A query of another kind (a word's numbered family, BRCA1 and BRCA2) is
   * counted.
   */
  static long estimate(IndexSearcher searcher, Query query) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    return switch (query) {
      case TermQuery term -> reader.docFreq(term.getTerm());
      // a phrase by its pairs of words when it has them: "prostate stem cell antigen" is as rare as "prostate stem"
      case PhraseQuery phrase when PhrasePairs.of(phrase) != phrase -> estimate(searcher, PhrasePairs.of(phrase));
      case PhraseQuery phrase -> {
        long fewest = Long.MAX_VALUE;
        for (Term term : phrase.getTerms()) fewest = Math.min(fewest, reader.docFreq(term));
        yield fewest == Long.MAX_VALUE ? 0 : fewest;
      }
      case MultiPhraseQuery phrase -> {
        long fewest = Long.MAX_VALUE;
        for (Term[] position : phrase.getTermArrays()) {
          long any = 0;
          for (Term term : position) any = Math.max(any, reader.docFreq(term));
          fewest = Math.min(fewest, any);
        }
        yield fewest == Long.MAX_VALUE ? 0 : fewest;
      }
      case SynonymQuery synonyms -> {
        long most = 0;
        for (Term term : synonyms.getTerms()) most = Math.max(most, reader.docFreq(term));
        yield most;
      }
      case BoostQuery boost -> estimate(searcher, boost.getQuery());
      case ConstantScoreQuery constant -> estimate(searcher, constant.getQuery());
      case DisjunctionMaxQuery any -> {
        long most = 0;
        for (Query q : any.getDisjuncts()) most = Math.max(most, estimate(searcher, q));
        yield most;
      }
      case BooleanQuery bool -> booleanEstimate(searcher, bool);
      default -> searcher.count(query);
    };
  }

  private static long booleanEstimate(IndexSearcher searcher, BooleanQuery bool) throws IOException {
    long fewestRequired = Long.MAX_VALUE;
    long mostOptional = 0;
    for (BooleanClause clause : bool.clauses()) {
      switch (clause.occur()) {
        case MUST, FILTER -> fewestRequired = Math.min(fewestRequired, estimate(searcher, clause.query()));
        case SHOULD -> mostOptional = Math.max(mostOptional, estimate(searcher, clause.query()));
        default -> { }
      }
    }
    return fewestRequired != Long.MAX_VALUE ? fewestRequired : mostOptional;
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
    return sameClassAs(other) && pieces.equals(((MostPiecesQuery) other).pieces) && excluded.equals(((MostPiecesQuery) other).excluded);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), pieces, excluded);
  }
}
