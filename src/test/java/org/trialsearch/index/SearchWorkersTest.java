package org.trialsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Parts of an answer go to a worker only while cores are idle, and come back with what they threw. */
class SearchWorkersTest {

  private final SearchWorkers twoCores = new SearchWorkers(2, 1_000);

  @AfterEach
  void close() {
    twoCores.close();
  }

  @Test
  void aPartRunsBesideWhileCoresAreIdle() throws IOException {
    twoCores.enter();
    try {
      assertTrue(twoCores.idle());
      String asking = Thread.currentThread().getName();
      assertNotEquals(asking, twoCores.beside(() -> Thread.currentThread().getName()).get());
    } finally {
      twoCores.leave();
    }
  }

  @Test
  void aPartRunsHereWhenEveryCoreIsBusy() throws IOException {
    twoCores.enter();
    twoCores.enter();
    try {
      assertFalse(twoCores.idle());
      assertEquals(Thread.currentThread().getName(), twoCores.beside(() -> Thread.currentThread().getName()).get());
    } finally {
      twoCores.leave();
      twoCores.leave();
    }
  }

  @Test
  void whatAPartThrowsComesBack() throws IOException {
    SearchWorkers.Later<Object> failed = twoCores.beside(() -> {
      throw new IOException("disk gone");
    });
    assertEquals("disk gone", assertThrows(IOException.class, failed::get).getMessage());
    assertThrows(QueryDeadline.Exceeded.class,
        () -> QueryDeadline.within(Duration.ZERO, () -> twoCores.beside(QueryDeadline.INSTANCE::shouldExit)).get());
  }

  @Test
  void aStoppedPoolRunsPartsHere() throws IOException {
    twoCores.close();
    assertEquals(Thread.currentThread().getName(), twoCores.beside(() -> Thread.currentThread().getName()).get());
  }

  @Test
  void oneCoreNeverSplits() throws IOException {
    try (SearchWorkers oneCore = new SearchWorkers(1, 1_000)) {
      assertFalse(oneCore.idle());
      assertFalse(oneCore.splits(1_000_000));
      assertEquals(Thread.currentThread().getName(), oneCore.beside(() -> Thread.currentThread().getName()).get());
    }
  }
}
