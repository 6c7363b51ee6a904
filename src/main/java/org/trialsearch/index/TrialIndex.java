package org.trialsearch.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import java.util.List;
import java.util.Map;
import org.trialsearch.enrich.EnrichedTrial;
import org.trialsearch.model.Trial;

/**
 * The trial index on disk: one writer, and a {@link SearcherManager} handing out point-in-time
 * searchers. Searches never lock; writes go through {@link #put} and {@link #delete} and become
 * visible at the next {@link #refresh}, durable at the next {@link #commit}.
 */
public final class TrialIndex implements Closeable {

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final TrialDocuments documents = new TrialDocuments(TrialDocuments.facetsConfig());

  private TrialIndex(Path dir, IndexWriterConfig.OpenMode mode, TextAnalysis analysis) throws IOException {
    if (mode != IndexWriterConfig.OpenMode.CREATE && state(dir) == State.OUTDATED) {
      throw new IOException("the index in " + dir + " was built by an older version of trialsearch; build it again with the index command");
    }
    this.directory = FSDirectory.open(dir);
    IndexWriterConfig config = new IndexWriterConfig(analysis.plain())
        .setOpenMode(mode)
        .setRAMBufferSizeMB(ramBufferMb());
    this.writer = new IndexWriter(directory, config);
    this.searchers = new SearcherManager(writer, TrialSearcher.FACTORY);
  }

  /** A quarter of the heap, within 16 to 256 MB: large enough to index fast, small enough to stream under a small -Xmx. */
  private static double ramBufferMb() {
    long quarterHeapMb = Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024);
    return Math.max(16, Math.min(256, quarterHeapMb));
  }

  /** Opens the index in this folder, creating an empty one if there is none. */
  public static TrialIndex open(Path dir, TextAnalysis analysis) throws IOException {
    return new TrialIndex(dir, IndexWriterConfig.OpenMode.CREATE_OR_APPEND, analysis);
  }

  /** A new, empty index in this folder, replacing whatever index it held once committed. */
  public static TrialIndex create(Path dir, TextAnalysis analysis) throws IOException {
    return new TrialIndex(dir, IndexWriterConfig.OpenMode.CREATE, analysis);
  }

  /**
   * The layout of the documents this version writes. An index written with another layout must be
   * built again: fields it lacks would fail searches in ways no user can read.
   */
  static final String SCHEMA_VERSION = "8";
  private static final String SCHEMA_KEY = "trialsearch.schema";

  /** What a folder holds. */
  public enum State { NONE, CURRENT, OUTDATED }

  public static State state(Path dir) throws IOException {
    try (Directory d = FSDirectory.open(dir)) {
      if (!DirectoryReader.indexExists(d)) return State.NONE;
      try (DirectoryReader reader = DirectoryReader.open(d)) {
        String schema = reader.getIndexCommit().getUserData().get(SCHEMA_KEY);
        return SCHEMA_VERSION.equals(schema) ? State.CURRENT : State.OUTDATED;
      }
    }
  }

  /** Adds the trial, or replaces the document of the trial with the same id; keeps the source records it was merged from. */
  public void put(EnrichedTrial trial, List<Trial> sourceRecords) throws IOException {
    writer.updateDocument(new Term(Fields.NCT_ID, trial.trial().nctId()), documents.toDocument(trial, sourceRecords));
  }

  public void delete(String nctId) throws IOException {
    writer.deleteDocuments(new Term(Fields.NCT_ID, nctId));
  }

  public void commit() throws IOException {
    writer.setLiveCommitData(Map.of(SCHEMA_KEY, SCHEMA_VERSION).entrySet());
    writer.commit();
  }

  /** Makes every write so far visible to searchers acquired from now on. */
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  public void addRefreshListener(ReferenceManager.RefreshListener listener) {
    searchers.addListener(listener);
  }

  /** A searcher to use and then give back with {@link #release}. */
  public TrialSearcher acquire() throws IOException {
    return (TrialSearcher) searchers.acquire();
  }

  public void release(TrialSearcher searcher) throws IOException {
    searchers.release(searcher);
  }

  @Override
  public void close() throws IOException {
    try (directory; writer; searchers) {
      commit();
    }
  }
}
