package org.trialsearch.index.facet;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The facet ordinals of one segment, decoded once onto the heap: document {@code d}'s ordinals are
 * {@code ords[starts[d]] .. ords[starts[d + 1] - 1]}. Counting facets by decoding doc values for
 * every matching document took a third of a search's time on large indexes; plain arrays make it a
 * few loads per value. A segment never changes, so its ordinals live as long as it does
 * ({@link DecodedOrdinals}) and a reopen decodes only the segments it adds (4 bytes a value and 4 a
 * document: some 33 MB for 500,000 trials, and half of that again for the dense values' bits and
 * the other values apart, by trial and by value).
 *
 * <p>A few values are held by a large share of the trials (a status, a phase, an age group, a
 * country) and make most of the values a trial has. Each of these <em>dense</em> values also gets
 * the set of its documents as bits, so that its count over many matching trials is one pass of
 * {@code popcount(matching & holders)}, a machine word per 64 trials, instead of an increment per
 * trial; the other values are kept again without them ({@code sparseStarts}, {@code sparseOrds}).
 *
 * <p>The other values are also kept value by value, each with the documents that hold it
 * ({@code holderDocs}): when many trials match, or one dimension alone is counted, checking each
 * holder against the matching trials' bits reads memory in sequence, where visiting each matching
 * trial's values misses the cache for every trial.
 */
final class SegmentOrdinals {

  /** A value is dense when at least this share of the segment's documents hold it: 1/32. */
  private static final int DENSE_SHARE_SHIFT = 5;
  private static final int WORDS_PER_INCREMENT = 16;
  /**
   * What visiting one matching trial's values costs, in checks of a holder against the matching
   * bits: a trial's values lie scattered over arrays far larger than the cache, holders in sequence.
   */
  private static final int CHECKS_PER_VISIT = 32;

  final int[] starts;
  final int[] ords;
  /** How many distinct values the segment holds: its ordinals are below this. */
  final int valueCount;
  final int[] denseOrds;
  /** The documents holding {@code denseOrds[i]}. */
  final FixedBitSet[] denseDocs;
  final int[] sparseStarts;
  final int[] sparseOrds;
  /** The documents holding sparse value {@code v} are {@code holderDocs[holderStarts[v]] .. holderDocs[holderStarts[v + 1] - 1]}; none for dense ones. */
  final int[] holderStarts;
  final int[] holderDocs;

  private SegmentOrdinals(int[] starts, int[] ords, int valueCount, int[] denseOrds, FixedBitSet[] denseDocs,
      int[] sparseStarts, int[] sparseOrds, int[] holderStarts, int[] holderDocs) {
    this.starts = starts;
    this.ords = ords;
    this.valueCount = valueCount;
    this.denseOrds = denseOrds;
    this.denseDocs = denseDocs;
    this.sparseStarts = sparseStarts;
    this.sparseOrds = sparseOrds;
    this.holderStarts = holderStarts;
    this.holderDocs = holderDocs;
  }

  /**
   * Whether counting {@code documents} of this segment is cheaper with the dense values' bits: one
   * word per 64 documents for each dense value, against one increment per dense value a matching
   * document holds. Words are read in sequence and increments land on scattered documents, so an
   * increment costs about as much as {@value #WORDS_PER_INCREMENT} words (the throughput over the
   * benchmark's searches on 500,000 trials peaked there, against 1, 4 and 8).
   */
  boolean countsDenseByBits(long documents) {
    long wordsToIntersect = (long) denseOrds.length * FixedBitSet.bits2words(maxDoc());
    long incrementsSpared = documents * (ords.length - sparseOrds.length) / Math.max(1, maxDoc());
    return denseOrds.length > 0 && incrementsSpared * WORDS_PER_INCREMENT > wordsToIntersect;
  }

  /**
   * Whether the sparse values from {@code fromOrd} (inclusive) to {@code toOrd} (exclusive) are
   * cheaper to count over {@code documents} matching trials holder by holder than trial by trial.
   */
  boolean countsSparseByHolder(long documents, int fromOrd, int toOrd) {
    return holderStarts[toOrd] - holderStarts[fromOrd] < documents * CHECKS_PER_VISIT;
  }

  int maxDoc() {
    return starts.length - 1;
  }

  /** Decodes the ordinals of a segment's sorted-set doc-values field. */
  static SegmentOrdinals decode(LeafReader segment, String field) throws IOException {
    SortedSetDocValues values = DocValues.getSortedSet(segment, field);
    int maxDoc = segment.maxDoc();
    int[] starts = new int[maxDoc + 1];
    int[] ords = new int[Math.max(16, maxDoc * 8)];
    int next = 0;
    int doc = 0;
    for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
      while (doc <= d) starts[doc++] = next;
      int count = values.docValueCount();
      if (next + count > ords.length) ords = Arrays.copyOf(ords, Math.max(ords.length * 2, next + count));
      for (int i = 0; i < count; i++) ords[next++] = (int) values.nextOrd();
    }
    while (doc <= maxDoc) starts[doc++] = next;
    return split(starts, Arrays.copyOf(ords, next), (int) values.getValueCount());
  }

  /** Picks the dense values and gives each its bits; keeps the others apart. */
  private static SegmentOrdinals split(int[] starts, int[] ords, int valueCount) {
    int maxDoc = starts.length - 1;
    int[] holders = new int[valueCount];
    for (int ord : ords) holders[ord]++;
    int[] denseIndex = new int[valueCount];
    Arrays.fill(denseIndex, -1);
    int dense = 0;
    for (int ord = 0; ord < valueCount; ord++) {
      if (holders[ord] >= Math.max(1, maxDoc >>> DENSE_SHARE_SHIFT)) denseIndex[ord] = dense++;
    }
    int[] denseOrds = new int[dense];
    FixedBitSet[] denseDocs = new FixedBitSet[dense];
    for (int ord = 0; ord < valueCount; ord++) {
      if (denseIndex[ord] < 0) continue;
      denseOrds[denseIndex[ord]] = ord;
      denseDocs[denseIndex[ord]] = new FixedBitSet(maxDoc);
    }
    int[] sparseStarts = new int[maxDoc + 1];
    int[] sparseOrds = new int[ords.length];
    int next = 0;
    for (int doc = 0; doc < maxDoc; doc++) {
      sparseStarts[doc] = next;
      for (int i = starts[doc]; i < starts[doc + 1]; i++) {
        int ord = ords[i];
        if (denseIndex[ord] >= 0) denseDocs[denseIndex[ord]].set(doc);
        else sparseOrds[next++] = ord;
      }
    }
    sparseStarts[maxDoc] = next;
    int[] holderStarts = new int[valueCount + 1];
    for (int ord = 0; ord < valueCount; ord++) holderStarts[ord + 1] = holderStarts[ord] + (denseIndex[ord] < 0 ? holders[ord] : 0);
    int[] holderDocs = new int[next];
    int[] filled = Arrays.copyOf(holderStarts, valueCount);
    for (int doc = 0; doc < maxDoc; doc++) {
      for (int i = sparseStarts[doc]; i < sparseStarts[doc + 1]; i++) holderDocs[filled[sparseOrds[i]]++] = doc;
    }
    return new SegmentOrdinals(starts, ords, valueCount, denseOrds, denseDocs, sparseStarts, Arrays.copyOf(sparseOrds, next),
        holderStarts, holderDocs);
  }
}
