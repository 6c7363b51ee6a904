package org.trialsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.junit.jupiter.api.Test;
import org.trialsearch.error.OverBudgetException;
import org.trialsearch.index.QueryDeadline;

/** The budget covers all of a search, and expensive searches take turns without holding up the others. */
class SearchBudgetTest {

  @Test
  void workPastTheBudgetStopsAtItsNextCheck() throws Exception {
    SearchBudget budget = new SearchBudget(Duration.ofMillis(20), 1);
    assertThrows(OverBudgetException.class, () -> budget.within(() -> {
      sleep(40);
      QueryDeadline.check(); // as between the snippets of two fields, or two explained hits
      return null;
    }));
    assertEquals("done", budget.within(() -> {
      QueryDeadline.check();
      return "done";
    }));
  }

  /** With the one turn taken, a second expensive search waits no longer than the budget; a cheap one does not wait at all. */
  @Test
  void expensiveSearchesTakeTurnsWhileOthersGoOn() throws Exception {
    SearchBudget budget = new SearchBudget(Duration.ofMillis(300), 1);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<String> first = other.submit(() -> budget.inTurn(() -> {
        holding.countDown();
        await(release);
        return "first";
      }));
      holding.await();
      long start = System.nanoTime();
      assertThrows(OverBudgetException.class, () -> budget.run(true, () -> "second"));
      long waited = (System.nanoTime() - start) / 1_000_000;
      assertTrue(waited >= 250, "waited for its turn: " + waited + " ms");
      assertEquals("cheap", budget.run(false, () -> "cheap"));
      release.countDown();
      assertEquals("first", first.get());
      assertEquals("second", budget.run(true, () -> "second"), "its turn comes once the first is done");
    } finally {
      other.shutdownNow();
    }
  }

  @Test
  void queriesThatLookTermsUpByAPatternAreTheExpensiveOnes() {
    Term term = new Term("title", "leukemia");
    for (var query : java.util.List.of(new FuzzyQuery(term, 2), new WildcardQuery(new Term("title", "leuk*mia")), new PrefixQuery(new Term("title", "leuk")),
        new RegexpQuery(new Term("title", "leuk.*")), TermRangeQuery.newStringRange("title", "a", "b", true, true),
        new BooleanQuery.Builder().add(new TermQuery(term), Occur.MUST).add(new FuzzyQuery(term), Occur.MUST_NOT).build())) {
      assertTrue(SearchBudget.expandsTerms(query), query.toString());
    }
    assertFalse(SearchBudget.expandsTerms(new TermQuery(term)));
    assertFalse(SearchBudget.expandsTerms(new PhraseQuery("title", "acute", "leukemia")));
    assertFalse(SearchBudget.expandsTerms(new BooleanQuery.Builder().add(new TermQuery(term), Occur.SHOULD).build()));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
