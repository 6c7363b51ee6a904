package org.trialsearch.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.trialsearch.enrich.EnrichedTrial;
import org.trialsearch.index.facet.DecodedOrdinals;
import org.trialsearch.model.Trial;

/**
 * The trial index on disk: one writer, and a {@link SearcherManager} handing out point-in-time
 * searchers. Searches never lock. Writes become visible within the refresh interval (a background
 * near-real-time reopen) and durable through {@link #awaitDurable}, which commits once for every
 * write waiting at that moment (group commit). A server's index can switch to a freshly built
 * generation of its folder while it serves ({@link #switchTo}).
 */
public final class TrialIndex implements Closeable {

  /** A write's place in the index it went to: what to wait for to see it searchable or durable. */
  public record Write(Object generation, long sequence) {}

  /**
   * The layout of the documents this version writes. An index written with another layout must be
   * built again: fields it lacks would fail searches in ways no user can read.
   */
  static final String SCHEMA_VERSION = "25";
  private static final String SCHEMA_KEY = "trialsearch.schema";
  public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(1);

  private final TextAnalysis analysis;
  private final Duration refreshInterval;
  private final List<ReferenceManager.RefreshListener> listeners = new CopyOnWriteArrayList<>();
  /** Writes share it; a switch of generations takes it alone, so no write lands in a generation being closed. */
  private final ReadWriteLock switching = new ReentrantReadWriteLock();
  private final SearchWorkers workers = SearchWorkers.ofThisMachine();
  /** The facet ordinals of this index's segments, decoded once for all its points in time. */
  private final DecodedOrdinals ordinals = new DecodedOrdinals(Fields.FACETS);
  private volatile Generation live;

  /** One generation open: its writer, searchers and background reopen. */
  private final class Generation implements Closeable {
    final Path path;
    final Directory directory;
    final IndexWriter writer;
    final SearcherManager searchers;
    final ControlledRealTimeReopenThread<IndexSearcher> reopener;
    final Object commitLock = new Object();
    volatile long committed = -1;
    volatile Instant lastCommit = Instant.now();

    Generation(Path path, IndexWriterConfig.OpenMode mode) throws IOException {
      this.path = path;
      this.directory = FSDirectory.open(path);
      this.writer = new IndexWriter(directory, new IndexWriterConfig(analysis.plain()).setOpenMode(mode).setRAMBufferSizeMB(ramBufferMb()));
      this.searchers = new SearcherManager(writer, TrialSearcher.factory(workers, ordinals));
      listeners.forEach(searchers::addListener);
      double seconds = refreshInterval.toMillis() / 1000.0;
      this.reopener = new ControlledRealTimeReopenThread<>(writer, searchers, seconds, Math.min(seconds, 0.025));
      reopener.setName("index-reopen " + path.getFileName());
      reopener.setDaemon(true);
      reopener.start();
    }

    long commit() throws IOException {
      synchronized (commitLock) {
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA_VERSION).entrySet());
        long sequence = writer.commit();
        committed = Math.max(committed, sequence);
        lastCommit = Instant.now();
        return sequence;
      }
    }

    @Override
    public void close() throws IOException {
      try (directory; writer; searchers) {
        reopener.close();
        commit();
      }
    }
  }

  private TrialIndex(TextAnalysis analysis, Duration refreshInterval) {
    this.analysis = analysis;
    this.refreshInterval = refreshInterval;
  }

  /** A quarter of the heap, within 16 to 256 MB: large enough to index fast, small enough to stream under a small -Xmx. */
  private static double ramBufferMb() {
    long quarterHeapMb = Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024);
    return Math.max(16, Math.min(256, quarterHeapMb));
  }

  /** Opens the generation in use of this index folder, creating an empty one if there is none. */
  public static TrialIndex open(Path folder, TextAnalysis analysis, Duration refreshInterval) throws IOException {
    IndexFolder index = IndexFolder.at(folder);
    if (state(folder) == State.OUTDATED) {
      throw new IOException("the index in " + folder + " was built by an older version of trialsearch; build it again with the index command");
    }
    Path generation = index.current();
    TrialIndex trials = new TrialIndex(analysis, refreshInterval);
    if (generation == null) {
      generation = index.newGeneration();
      trials.live = trials.new Generation(generation, IndexWriterConfig.OpenMode.CREATE);
      trials.live.commit();
      index.publish(generation);
    } else {
      trials.live = trials.new Generation(generation, IndexWriterConfig.OpenMode.APPEND);
    }
    index.removeUnused();
    return trials;
  }

  public static TrialIndex open(Path folder, TextAnalysis analysis) throws IOException {
    return open(folder, analysis, DEFAULT_REFRESH);
  }

  /** A new, empty index in this generation folder, which is not in use until its folder publishes it. */
  public static TrialIndex create(Path generation, TextAnalysis analysis) throws IOException {
    TrialIndex trials = new TrialIndex(analysis, DEFAULT_REFRESH);
    trials.live = trials.new Generation(generation, IndexWriterConfig.OpenMode.CREATE);
    return trials;
  }

  /** What a folder holds. */
  public enum State { NONE, CURRENT, OUTDATED }

  public static State state(Path folder) throws IOException {
    IndexFolder index = IndexFolder.at(folder);
    if (index.holdsOldLayoutIndex()) return State.OUTDATED;
    Path generation = index.current();
    if (generation == null) return State.NONE;
    try (Directory d = FSDirectory.open(generation)) {
      if (!DirectoryReader.indexExists(d)) return State.NONE;
      try (DirectoryReader reader = DirectoryReader.open(d)) {
        String schema = reader.getIndexCommit().getUserData().get(SCHEMA_KEY);
        return SCHEMA_VERSION.equals(schema) ? State.CURRENT : State.OUTDATED;
      }
    }
  }

  /** Adds the trial, or replaces the document of the trial with the same id; keeps the source records it was merged from. */
  public Write put(EnrichedTrial trial, List<Trial> sourceRecords) throws IOException {
    switching.readLock().lock();
    try {
      Generation g = live;
      return new Write(g, g.writer.updateDocument(new Term(Fields.NCT_ID, trial.trial().nctId()), TrialDocuments.toDocument(trial, sourceRecords)));
    } finally {
      switching.readLock().unlock();
    }
  }

  public Write delete(String nctId) throws IOException {
    switching.readLock().lock();
    try {
      Generation g = live;
      return new Write(g, g.writer.deleteDocuments(new Term(Fields.NCT_ID, nctId)));
    } finally {
      switching.readLock().unlock();
    }
  }

  /**
   * Returns once this write is committed to disk. Writers waiting together share one commit. A write
   * to a generation that a rebuild has since replaced returns at once: the rebuild replaced it.
   */
  public void awaitDurable(Write write) throws IOException {
    Generation g = (Generation) write.generation();
    if (g != live) return;
    synchronized (g.commitLock) {
      if (g.committed >= write.sequence()) return;
      try {
        g.commit();
      } catch (AlreadyClosedException e) {
        if (g == live) throw e;
      }
    }
  }

  /** Returns once searchers show this write (and every write before it). */
  public void awaitVisible(Write write) throws InterruptedException {
    Generation g = (Generation) write.generation();
    if (g == live) g.reopener.waitForGeneration(write.sequence());
  }

  public void commit() throws IOException {
    live.commit();
  }

  /**
   * Merges the index into one segment. Done once after a full build: facet counting then needs no
   * mapping of each segment's ordinals to global ones, and a search visits one segment (about half
   * again as many searches per second on 100,000 trials, for a few seconds more of building).
   */
  public void mergeIntoOneSegment() throws IOException {
    live.writer.forceMerge(1);
  }

  public void addRefreshListener(ReferenceManager.RefreshListener listener) {
    listeners.add(listener);
    live.searchers.addListener(listener);
  }

  /** What is done with a searcher that {@link #withSearcher} lends. */
  @FunctionalInterface
  public interface SearcherWork<T> {
    T apply(TrialSearcher searcher) throws IOException;
  }

  /** Runs the work on a point-in-time searcher, and gives the searcher back however the work ends. */
  public <T> T withSearcher(SearcherWork<T> work) throws IOException {
    TrialSearcher searcher = acquire();
    try {
      return work.apply(searcher);
    } finally {
      release(searcher);
    }
  }

  /** A searcher to use and then give back with {@link #release}; {@link #withSearcher} does both. */
  public TrialSearcher acquire() throws IOException {
    while (true) {
      Generation g = live;
      try {
        TrialSearcher searcher = (TrialSearcher) g.searchers.acquire();
        workers.enter();
        return searcher;
      } catch (AlreadyClosedException e) {
        if (g == live) throw e; // closed, not switched
      }
    }
  }

  /** Gives a searcher back; any generation's manager releases any searcher (it only drops the reader's reference). */
  public void release(TrialSearcher searcher) throws IOException {
    workers.leave();
    searcher.getIndexReader().decRef();
  }

  /** The folder of the generation in use. */
  public Path generation() {
    return live.path;
  }

  /** When the index in use was last committed. */
  public Instant lastCommit() {
    return live.lastCommit;
  }

  /** Bytes on disk of the generation in use. */
  public long sizeOnDisk() throws IOException {
    long total = 0;
    Directory dir = live.directory;
    for (String file : dir.listAll()) {
      try {
        total += dir.fileLength(file);
      } catch (IOException e) {
        // a file merged away while listing
      }
    }
    return total;
  }

  /**
   * Serves this generation from now on: opens it, swaps it in between two writes, then closes
   * the old one; searches under way finish on the old searchers.
   */
  public void switchTo(Path generation) throws IOException {
    Generation fresh = new Generation(generation, IndexWriterConfig.OpenMode.APPEND);
    Generation old;
    switching.writeLock().lock();
    try {
      old = live;
      live = fresh;
    } finally {
      switching.writeLock().unlock();
    }
    old.close();
    for (ReferenceManager.RefreshListener listener : listeners) listener.afterRefresh(true);
  }

  @Override
  public void close() throws IOException {
    try (workers) {
      live.close();
    }
  }
}
