package org.trialsearch.error;

import java.time.Duration;

/**
 * A search stopped because it ran past the server's time budget. The client asked nothing wrong:
 * the server was busy or the search broad, so it is answered 503 with a time to try again after.
 */
public final class OverBudgetException extends RuntimeException {

  /** How long a client should wait before trying again: a busy moment usually passes within it. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  public OverBudgetException(Duration budget) {
    super("the search ran longer than the time budget of " + budget.toMillis() + " ms per query (--query-budget-ms) and was"
        + " stopped; try again in a moment, or narrow it");
  }
}
