package org.trialsearch;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something that becomes true in the background (a refresh, a switch), with a generous timeout: never a timed assertion. */
public final class Poll {

  public static final Duration PATIENCE = Duration.ofSeconds(30);

  private Poll() {}

  /** Returns how long it took; fails with the message when it never became true. */
  public static Duration until(String what, BooleanSupplier condition) {
    long start = System.nanoTime();
    long deadline = start + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("not within " + PATIENCE.toSeconds() + " s: " + what);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting: " + what, e);
      }
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
