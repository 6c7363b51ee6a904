package org.trialsearch.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * One system of the comparison. The campaign builds it from a corpus into a folder of its own,
 * starts it, sends it the workload, and stops it; each is safe for many client threads at once.
 */
interface Engine extends AutoCloseable {

  /** A corpus on disk: API v2 study files and the records read back from them. */
  record Corpus(String name, Path v2, Path records) {}

  /** Every trial a query matches, and each facet's counts (value => trials, not-stated under its label). */
  record Matching(Set<String> ids, Map<String, Map<String, Long>> facets) {}

  /** Resident memory of the engine's processes, and JVM heap in use after a full collection (null: not a JVM). */
  record Memory(long residentBytes, Long heapBytes) {}

  String name();

  /** Indexes the corpus into this folder, from nothing; returns how long the indexing took (setting up an empty store aside). */
  java.time.Duration build(Corpus corpus, Path dir) throws Exception;

  /** Starts serving what {@link #build} wrote there; returns once it answers. */
  void start(Path dir) throws Exception;

  /**
   * One search as the web page asks it: the top 10 with snippets, and every facet's counts. Returns
   * a size of the answer (bytes or rows), read whole; an exception when the system refused it.
   */
  int search(BenchQuery query) throws Exception;

  /** What the query matches, every trial of it, for checking that the systems agree. */
  Matching matching(BenchQuery query) throws Exception;

  /** Autocomplete of a prefix, the 10 most frequent values: returns a size of the answer. */
  int suggest(String prefix) throws Exception;

  Memory memory() throws Exception;

  /** Stops serving; the built index stays for the next start. */
  @Override
  void close() throws Exception;
}
