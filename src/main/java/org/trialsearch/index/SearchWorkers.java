package org.trialsearch.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that take part of a search beside the thread answering it, while cores would otherwise
 * sit idle. One client's search on a large index runs on one core unless split; under load every
 * core is busy with searches of their own and splitting only adds work, so a search is split only
 * while fewer searches than cores are being answered. A worker that is busy is not waited for: the
 * answering thread does that part itself.
 */
public final class SearchWorkers implements Executor, Closeable {

  /** Below this many documents a part of a segment costs more to hand over than it saves. */
  private static final int MIN_DOCS_PER_PART = 50_000;

  /** A part of a search. */
  @FunctionalInterface
  public interface Part<T> {
    T run() throws IOException;
  }

  /** What a part handed to a worker gives, once it is done. */
  @FunctionalInterface
  public interface Later<T> {
    /** Waits for the part; throws what it threw. */
    T get() throws IOException;
  }

  private final int cores;
  private final int minDocsPerPart;
  private final ThreadPoolExecutor pool;
  /** Searches being answered: searchers acquired and not yet released. */
  private final AtomicInteger answering = new AtomicInteger();

  SearchWorkers(int cores, int minDocsPerPart) {
    this.cores = cores;
    this.minDocsPerPart = minDocsPerPart;
    AtomicInteger named = new AtomicInteger();
    // no queue: a part goes to a worker waiting for one, else (none idle, or the pool stopped) it runs
    // on the thread handing it over
    this.pool = cores < 2 ? null : new ThreadPoolExecutor(cores - 1, cores - 1, 1, TimeUnit.MINUTES, new SynchronousQueue<>(), task -> {
      Thread thread = new Thread(task, "search-worker-" + named.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }, (part, pool) -> part.run());
  }

  static SearchWorkers ofThisMachine() {
    return new SearchWorkers(Runtime.getRuntime().availableProcessors(), MIN_DOCS_PER_PART);
  }

  void enter() {
    answering.incrementAndGet();
  }

  void leave() {
    answering.decrementAndGet();
  }

  /** Whether cores are idle: fewer searches are being answered than there are cores. */
  boolean idle() {
    return pool != null && answering.get() < cores;
  }

  /** Whether an index this large is worth splitting at all on this machine. */
  boolean splits(int maxDoc) {
    return pool != null && maxDoc >= 2 * minDocsPerPart;
  }

  /** The most documents of a part: a segment split into as many parts as there are cores. */
  int docsPerPart(int maxDoc) {
    return Math.max(minDocsPerPart, Math.ceilDiv(maxDoc, cores));
  }

  /** Starts the part on an idle worker while cores are idle; else runs it now, on this thread. */
  <T> Later<T> beside(Part<T> part) throws IOException {
    if (!idle()) {
      T done = part.run();
      return () -> done;
    }
    FutureTask<T> task = new FutureTask<>(part::run);
    execute(task);
    return () -> joined(task);
  }

  private static <T> T joined(FutureTask<T> task) throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted waiting for a part of a search");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) throw io;
      if (cause instanceof RuntimeException runtime) throw runtime;
      if (cause instanceof Error error) throw error;
      throw new IOException(cause);
    }
  }

  /** Hands a part to an idle worker, with this thread's deadline; with none idle, runs it here. */
  @Override
  public void execute(Runnable part) {
    pool.execute(QueryDeadline.carried(part));
  }

  @Override
  public void close() {
    if (pool != null) pool.shutdown();
  }
}
