package org.trialsearch.search;

import java.io.IOException;
import java.time.Duration;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterDocIdSetIterator;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * A query that stops matching once its time budget is spent, by checking the clock every few
 * thousand documents its iterators visit. It works under any collector, drill-sideways included,
 * where Lucene's own searcher timeout cannot be used.
 */
final class TimeBudgetQuery extends Query {

  /** Thrown from inside a search whose budget is spent. */
  static final class Exceeded extends RuntimeException {
    Exceeded() {
      super(null, null, false, false);
    }
  }

  private static final int CHECK_EVERY = 4096;

  private final Query in;
  private final long deadline;

  private TimeBudgetQuery(Query in, long deadline) {
    this.in = in;
    this.deadline = deadline;
  }

  static Query of(Query in, Duration budget) {
    return new TimeBudgetQuery(in, System.nanoTime() + budget.toNanos());
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = in.rewrite(searcher);
    return rewritten == in ? this : new TimeBudgetQuery(rewritten, deadline);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    Weight weight = in.createWeight(searcher, scoreMode, boost);
    return new FilterWeight(this, weight) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        ScorerSupplier supplier = in.scorerSupplier(context);
        if (supplier == null) return null;
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            return new BudgetScorer(supplier.get(leadCost));
          }

          @Override
          public long cost() {
            return supplier.cost();
          }

          @Override
          public void setTopLevelScoringClause() throws IOException {
            supplier.setTopLevelScoringClause();
          }
        };
      }

      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return false;
      }
    };
  }

  /** The wrapped scorer, with a clock check in its iteration. */
  private final class BudgetScorer extends Scorer {
    private final Scorer in;
    private final DocIdSetIterator iterator;
    private final TwoPhaseIterator twoPhase;

    BudgetScorer(Scorer in) {
      this.in = in;
      TwoPhaseIterator inner = in.twoPhaseIterator();
      if (inner == null) {
        this.twoPhase = null;
        this.iterator = new Checked(in.iterator());
      } else {
        this.twoPhase = new TwoPhaseIterator(new Checked(inner.approximation())) {
          @Override
          public boolean matches() throws IOException {
            return inner.matches();
          }

          @Override
          public float matchCost() {
            return inner.matchCost();
          }
        };
        this.iterator = TwoPhaseIterator.asDocIdSetIterator(twoPhase);
      }
    }

    @Override
    public int docID() {
      return in.docID();
    }

    @Override
    public DocIdSetIterator iterator() {
      return iterator;
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
      return twoPhase;
    }

    @Override
    public float score() throws IOException {
      return in.score();
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return in.advanceShallow(target);
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo);
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      in.setMinCompetitiveScore(minScore);
    }
  }

  private final class Checked extends FilterDocIdSetIterator {
    private int visited;

    Checked(DocIdSetIterator in) {
      super(in);
    }

    @Override
    public int nextDoc() throws IOException {
      check();
      return super.nextDoc();
    }

    @Override
    public int advance(int target) throws IOException {
      check();
      return super.advance(target);
    }

    private void check() {
      if (++visited % CHECK_EVERY == 1 && System.nanoTime() > deadline) throw new Exceeded();
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    in.visit(visitor.getSubVisitor(BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return in.toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
