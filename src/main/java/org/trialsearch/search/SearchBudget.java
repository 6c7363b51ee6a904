package org.trialsearch.search;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.trialsearch.error.OverBudgetException;
import org.trialsearch.index.QueryDeadline;

/**
 * How long a request may search, all of it: matching, counting, snippets and explanations stop at
 * the budget, and so does the search of each page of an export. Searches that can hold a core for
 * long (Lucene syntax with fuzzy, wildcard, regular-expression or range terms, explanations, the
 * pages of exports) also run only a few at a time, waiting within the budget for their turn, so
 * that however many arrive at once the other searches keep a core.
 */
final class SearchBudget {

  /** Work done within the budget. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws IOException;
  }

  private final Duration budget;
  private final Semaphore expensive;

  /** @param expensiveAtOnce how many expensive searches may run at the same moment */
  SearchBudget(Duration budget, int expensiveAtOnce) {
    this.budget = budget;
    this.expensive = new Semaphore(expensiveAtOnce, true);
  }

  /** On this machine: all cores but one for expensive searches, at least one. */
  static SearchBudget ofThisMachine(Duration budget) {
    return new SearchBudget(budget, Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
  }

  Duration budget() {
    return budget;
  }

  /**
   * Runs the whole of a search within the budget, counted from now: an expensive one waits for its
   * turn first, and the wait is part of its budget.
   */
  <T> T run(boolean isExpensive, Work<T> work) throws IOException {
    if (!isExpensive) return within(budget, work);
    long start = System.nanoTime();
    return inTurn(() -> within(budget.minusNanos(System.nanoTime() - start), work));
  }

  /** Runs the work once an expensive search's turn comes, waiting for it no longer than the budget. */
  <T> T inTurn(Work<T> work) throws IOException {
    try {
      if (!expensive.tryAcquire(budget.toNanos(), TimeUnit.NANOSECONDS)) throw new OverBudgetException(budget);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OverBudgetException(budget);
    }
    try {
      return work.run();
    } finally {
      expensive.release();
    }
  }

  /** Runs the work under a deadline of the budget from now; past it, the search stops and is answered 503. */
  <T> T within(Work<T> work) throws IOException {
    return within(budget, work);
  }

  private <T> T within(Duration left, Work<T> work) throws IOException {
    // the budget holds the whole answer: the search stops a twentieth early, so that writing the
    // answer (or the refusal) fits in the rest
    Duration searching = left.minus(budget.dividedBy(20));
    if (searching.isNegative() || searching.isZero()) throw new OverBudgetException(budget);
    try {
      return QueryDeadline.within(searching, work::run);
    } catch (QueryDeadline.Exceeded e) {
      throw new OverBudgetException(budget);
    }
  }

  /** Whether a query looks terms up by a pattern (fuzzy, wildcard, prefix, regular expression, range): rewriting it reads term dictionaries. */
  static boolean expandsTerms(Query query) {
    AtomicBoolean expands = new AtomicBoolean();
    query.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this; // what a query excludes is looked up too
      }

      @Override
      public void consumeTermsMatching(Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
        expands.set(true);
      }
    });
    return expands.get();
  }
}
