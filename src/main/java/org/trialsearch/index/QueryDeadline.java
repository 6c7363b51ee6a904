package org.trialsearch.index;

import java.io.IOException;
import java.time.Duration;
import org.apache.lucene.index.QueryTimeout;

/**
 * A time budget for the searches one thread runs, checked by Lucene's own timeout: every
 * {@link TrialSearcher} asks this for it, between the windows of documents it scores. Lucene checks
 * around its bulk scorers, so the fast paths of conjunctions and disjunctions keep working; a
 * wrapper query that checked the clock in the iteration hid them and cost a fifth of a search on
 * large indexes. The deadline is the calling thread's, and goes with the parts of a search it
 * hands to {@link SearchWorkers}. With no deadline set (exports, record lookups) nothing is stopped.
 */
public final class QueryDeadline implements QueryTimeout {

  /** Thrown from inside a search whose budget is spent. */
  public static final class Exceeded extends RuntimeException {
    Exceeded() {
      super(null, null, false, false);
    }
  }

  /** What a search within a budget runs. */
  @FunctionalInterface
  public interface Search<T> {
    T run() throws IOException;
  }

  static final QueryDeadline INSTANCE = new QueryDeadline();

  private static final long NONE = Long.MIN_VALUE;
  private static final ThreadLocal<long[]> DEADLINE = ThreadLocal.withInitial(() -> new long[] {NONE});

  private QueryDeadline() {}

  /** Runs the searches, stopping them with {@link Exceeded} once the budget is spent. */
  public static <T> T within(Duration budget, Search<T> search) throws IOException {
    long[] deadline = DEADLINE.get();
    long outer = deadline[0];
    deadline[0] = System.nanoTime() + budget.toNanos();
    try {
      return search.run();
    } finally {
      deadline[0] = outer;
    }
  }

  /** Stops the calling thread's search with {@link Exceeded} when its budget is spent: for the parts of an answer Lucene's timeout does not reach. */
  public static void check() {
    INSTANCE.shouldExit();
  }

  /** The part of a search another thread runs, under the deadline of the thread handing it over. */
  static Runnable carried(Runnable part) {
    long handed = DEADLINE.get()[0];
    return () -> {
      long[] deadline = DEADLINE.get();
      long own = deadline[0];
      deadline[0] = handed;
      try {
        part.run();
      } finally {
        deadline[0] = own;
      }
    };
  }

  @Override
  public boolean shouldExit() {
    long deadline = DEADLINE.get()[0];
    // Lucene would stop quietly and return what it found so far; a search here fails instead
    if (deadline != NONE && System.nanoTime() - deadline > 0) throw new Exceeded();
    return false;
  }
}
