package org.trialsearch.index.facet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.LongHeap;
import org.apache.lucene.util.LongValues;

/**
 * Counts of every facet value over a set of trials, counted from {@link SegmentOrdinals}. Answers
 * as Lucene's SortedSetDocValuesFacetCounts does for flat multi-valued dimensions: values with a
 * count above zero, most frequent first (ties in value order) for the top children.
 */
public final class OrdinalCounts extends Facets {

  private final SortedSetDocValuesReaderState state;
  private final DecodedOrdinals decoded;
  private final Labels labels;
  private final int[] counts;
  /** The one dimension counted, or null when all were. */
  private final String onlyDim;

  private OrdinalCounts(SortedSetDocValuesReaderState state, DecodedOrdinals decoded, Labels labels, int[] counts, String onlyDim) {
    this.state = state;
    this.decoded = decoded;
    this.labels = labels;
    this.counts = counts;
    this.onlyDim = onlyDim;
  }

  /**
   * Counts over the trials a collector gathered, given the counts over every trial. Each trial adds
   * its values once, so when the collector gathered most trials it is cheaper to take the counts of
   * the trials it left out away from the whole index's; when it gathered all of them, those are the
   * answer (a collector sees live trials only, so equal numbers mean the same trials).
   */
  public static OrdinalCounts of(FacetsCollector hits, OrdinalCounts everyTrial) throws IOException {
    return of(hits, everyTrial, null);
  }

  /**
   * As {@link #of}, one dimension only (a filtered dimension counted as if unfiltered): its values
   * alone can be counted holder by holder, a fraction of all values' work. Answers for that dimension only.
   */
  public static OrdinalCounts ofDimension(FacetsCollector hits, OrdinalCounts everyTrial, String dim) throws IOException {
    if (everyTrial.state.getOrdRange(dim) == null) throw new IllegalArgumentException("no dimension " + dim);
    return of(hits, everyTrial, dim);
  }

  private static OrdinalCounts of(FacetsCollector hits, OrdinalCounts everyTrial, String onlyDim) throws IOException {
    long gathered = hits.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
    int live = everyTrial.state.getReader().numDocs();
    if (gathered == live) return everyTrial;
    return gathered > live / 2 ? countLeftOut(hits, everyTrial, onlyDim) : countGathered(hits, everyTrial, onlyDim);
  }

  private static OrdinalCounts countGathered(FacetsCollector hits, OrdinalCounts everyTrial, String onlyDim) throws IOException {
    SortedSetDocValuesReaderState state = everyTrial.state;
    int[] counts = new int[state.getSize()];
    OrdinalMap map = ordinalMap(state);
    OrdRange counted = countedRange(state, onlyDim);
    for (FacetsCollector.MatchingDocs matching : hits.getMatchingDocs()) {
      if (matching.bits() == null || matching.totalHits() == 0) continue;
      SegmentCounter counter = new SegmentCounter(everyTrial.decoded, map, matching.context(), counts, counted);
      counter.count(matching.bits(), matching.totalHits(), 1);
      counter.finish();
    }
    return new OrdinalCounts(state, everyTrial.decoded, everyTrial.labels, counts, onlyDim);
  }

  private static OrdinalCounts countLeftOut(FacetsCollector hits, OrdinalCounts everyTrial, String onlyDim) throws IOException {
    SortedSetDocValuesReaderState state = everyTrial.state;
    int[] counts = everyTrial.counts.clone();
    OrdinalMap map = ordinalMap(state);
    OrdRange counted = countedRange(state, onlyDim);
    // one per segment: a search split over cores gathers a segment in parts, which FacetsCollectorManager joins
    Map<Integer, FacetsCollector.MatchingDocs> bySegment = new HashMap<>();
    for (FacetsCollector.MatchingDocs matching : hits.getMatchingDocs()) bySegment.put(matching.context().ord, matching);
    for (LeafReaderContext leaf : state.getReader().leaves()) {
      FixedBitSet leftOut = leftOut(bySegment.get(leaf.ord), leaf.reader().maxDoc(), leaf.reader().getLiveDocs());
      int leftOutCount = leftOut.cardinality();
      if (leftOutCount == 0) continue;
      SegmentCounter counter = new SegmentCounter(everyTrial.decoded, map, leaf, counts, counted);
      counter.count(new BitDocIdSet(leftOut, leftOutCount), leftOutCount, -1);
      counter.finish();
    }
    return new OrdinalCounts(state, everyTrial.decoded, everyTrial.labels, counts, onlyDim);
  }

  /** The live documents of a segment a collector did not gather. */
  private static FixedBitSet leftOut(FacetsCollector.MatchingDocs matching, int maxDoc, Bits live) throws IOException {
    FixedBitSet leftOut = liveDocs(maxDoc, live);
    if (matching != null) leftOut.andNot(bitsOf(matching.bits(), maxDoc));
    return leftOut;
  }

  private static FixedBitSet liveDocs(int maxDoc, Bits live) {
    FixedBitSet docs = new FixedBitSet(maxDoc);
    docs.set(0, maxDoc);
    if (live != null) live.applyMask(docs, 0);
    return docs;
  }

  /** A segment's documents as bits; the collector's own when it gathered them so. */
  private static FixedBitSet bitsOf(DocIdSet docs, int maxDoc) throws IOException {
    if (docs instanceof BitDocIdSet bits && bits.bits() instanceof FixedBitSet set) return set;
    FixedBitSet set = new FixedBitSet(maxDoc);
    DocIdSetIterator iterator = docs == null ? null : docs.iterator();
    if (iterator != null) set.or(iterator);
    return set;
  }

  /** Counts over every live trial of the index, from its segments' ordinals decoded (once) into {@code decoded}. */
  public static OrdinalCounts ofAll(SortedSetDocValuesReaderState state, DecodedOrdinals decoded) throws IOException {
    int[] counts = new int[state.getSize()];
    OrdinalMap map = ordinalMap(state);
    for (LeafReaderContext leaf : state.getReader().leaves()) {
      FixedBitSet live = liveDocs(leaf.reader().maxDoc(), leaf.reader().getLiveDocs());
      int liveCount = live.cardinality();
      if (liveCount == 0) continue;
      SegmentCounter counter = new SegmentCounter(decoded, map, leaf, counts, null);
      counter.count(new BitDocIdSet(live, liveCount), liveCount, 1);
      counter.finish();
    }
    return new OrdinalCounts(state, decoded, new Labels(state), counts, null);
  }

  /** The index ordinals of the one dimension to count; null for all. */
  private static OrdRange countedRange(SortedSetDocValuesReaderState state, String onlyDim) {
    return onlyDim == null ? null : state.getOrdRange(onlyDim);
  }

  /** How segment ordinals map to the index's; null when the index has one segment and they are the same. */
  private static OrdinalMap ordinalMap(SortedSetDocValuesReaderState state) throws IOException {
    return state.getDocValues() instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
  }

  /**
   * Adds (or takes away) one segment's documents to the index-wide counts: straight into them when the index has one
   * segment (its ordinals are the index's), else into the segment's own and mapped over at the end.
   */
  private static final class SegmentCounter {
    /** Documents whose ordinals are looked up together, so that their cache misses overlap rather than queue. */
    private static final int BATCH = 64;
    /**
     * Keeps the loads that bring a batch's ordinals into cache from being optimised away. Every
     * searching thread writes it, so once a count rather than once a batch.
     */
    private static volatile int touchedSink;

    private final SegmentOrdinals segment;
    private final int[] counts;
    private final int[] target;
    private final LongValues toGlobal;
    private final int[] batchFrom = new int[BATCH];
    private final int[] batchTo = new int[BATCH];
    /** The segment ordinals counted: all, or one dimension's; counting trial by trial counts all regardless. */
    private final int fromOrd;
    private final int toOrd;
    private int touched;

    /** @param dim the index ordinals of the one dimension that must be counted, or null for all */
    SegmentCounter(DecodedOrdinals decoded, OrdinalMap map, LeafReaderContext leaf, int[] counts, OrdRange dim) throws IOException {
      this.segment = decoded.of(leaf.reader());
      this.counts = counts;
      this.toGlobal = map == null ? null : map.getGlobalOrds(leaf.ord);
      this.target = toGlobal == null ? counts : new int[segment.valueCount];
      this.fromOrd = dim == null ? 0 : segmentOrd(dim.start());
      this.toOrd = dim == null ? segment.valueCount : segmentOrd(dim.end() + 1);
    }

    /** The first segment ordinal whose index ordinal is at least {@code globalOrd} (both grow in value order). */
    private int segmentOrd(int globalOrd) {
      if (toGlobal == null) return Math.min(globalOrd, segment.valueCount);
      int low = 0;
      int high = segment.valueCount;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (toGlobal.get(mid) < globalOrd) low = mid + 1;
        else high = mid;
      }
      return low;
    }

    /** Adds (sign 1) or takes away (sign -1) the values of {@code documents}, {@code size} of them. */
    void count(DocIdSet documents, long size, int sign) throws IOException {
      if (segment.countsDenseByBits(size)) {
        FixedBitSet bits = bitsOf(documents, segment.maxDoc());
        for (int i = 0; i < segment.denseOrds.length; i++) {
          int ord = segment.denseOrds[i];
          if (ord >= fromOrd && ord < toOrd) target[ord] += sign * (int) FixedBitSet.intersectionCount(bits, segment.denseDocs[i]);
        }
        if (segment.countsSparseByHolder(size, fromOrd, toOrd)) addHolders(bits, sign);
        else addEach(bits, segment.sparseStarts, segment.sparseOrds, sign);
      } else {
        addEach(documents.iterator(), segment.starts, segment.ords, sign);
      }
      touchedSink = touched;
    }

    /** Counts each sparse value in range by checking its holders against the documents' bits. */
    private void addHolders(FixedBitSet docs, int sign) {
      long[] words = docs.getBits();
      int[] starts = segment.holderStarts;
      int[] holders = segment.holderDocs;
      for (int ord = fromOrd; ord < toOrd; ord++) {
        int held = 0;
        for (int i = starts[ord], end = starts[ord + 1]; i < end; i++) {
          int doc = holders[i];
          held += (int) (words[doc >> 6] >>> doc) & 1;
        }
        target[ord] += sign * held;
      }
    }

    private void addEach(DocIdSetIterator docs, int[] starts, int[] ords, int sign) throws IOException {
      if (docs == null) return;
      int doc = docs.nextDoc();
      while (doc != DocIdSetIterator.NO_MORE_DOCS) {
        int n = 0;
        for (; n < BATCH && doc != DocIdSetIterator.NO_MORE_DOCS; n++, doc = docs.nextDoc()) {
          batchFrom[n] = starts[doc];
          batchTo[n] = starts[doc + 1];
        }
        addBatch(n, ords, sign);
      }
    }

    /** As above, reading the set bits a word at a time rather than through an iterator. */
    private void addEach(FixedBitSet docs, int[] starts, int[] ords, int sign) {
      long[] words = docs.getBits();
      int n = 0;
      for (int w = 0; w < words.length; w++) {
        for (long word = words[w]; word != 0; word &= word - 1) {
          int doc = (w << 6) + Long.numberOfTrailingZeros(word);
          batchFrom[n] = starts[doc];
          batchTo[n] = starts[doc + 1];
          if (++n == BATCH) {
            addBatch(n, ords, sign);
            n = 0;
          }
        }
      }
      addBatch(n, ords, sign);
    }

    /**
     * Counts a batch of documents' ordinals. Matching documents lie scattered over ordinal arrays far
     * larger than the cache; loading each one's first ordinal before counting any lets the misses run
     * in parallel (about 150 to 90 ns a document on 500,000 trials).
     */
    private void addBatch(int n, int[] ords, int sign) {
      for (int k = 0; k < n; k++) if (batchFrom[k] < batchTo[k]) touched += ords[batchFrom[k]];
      for (int k = 0; k < n; k++) {
        for (int i = batchFrom[k], end = batchTo[k]; i < end; i++) target[ords[i]] += sign;
      }
    }

    void finish() {
      if (toGlobal == null) return;
      for (int ord = 0; ord < target.length; ord++) {
        if (target[ord] != 0) counts[(int) toGlobal.get(ord)] += target[ord];
      }
    }
  }

  @Override
  public FacetResult getAllChildren(String dim, String... path) throws IOException {
    OrdRange range = range(dim, path);
    if (range == null) return null;
    List<LabelAndValue> values = new ArrayList<>();
    for (int ord = range.start(); ord <= range.end(); ord++) {
      if (counts[ord] > 0) values.add(new LabelAndValue(labels.of(ord), counts[ord]));
    }
    return values.isEmpty() ? null : new FacetResult(dim, path, -1, values.toArray(new LabelAndValue[0]), values.size());
  }

  @Override
  public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
    validateTopN(topN);
    OrdRange range = range(dim, path);
    if (range == null) return null;
    // count and value as one key, the least kept on top: lower count, or the same count and a later value
    LongHeap top = new LongHeap(Math.min(topN, range.end() - range.start() + 1));
    int children = 0;
    for (int ord = range.start(); ord <= range.end(); ord++) {
      if (counts[ord] == 0) continue;
      children++;
      top.insertWithOverflow(((long) counts[ord] << 32) | (Integer.MAX_VALUE - ord));
    }
    if (children == 0) return null;
    LabelAndValue[] values = new LabelAndValue[top.size()];
    for (int i = values.length - 1; i >= 0; i--) {
      int ord = Integer.MAX_VALUE - (int) top.pop();
      values[i] = new LabelAndValue(labels.of(ord), counts[ord]);
    }
    return new FacetResult(dim, path, -1, values, children);
  }

  @Override
  public Number getSpecificValue(String dim, String... path) throws IOException {
    if (path.length != 1) throw new IllegalArgumentException("path must be length=1");
    checkCounted(dim);
    int ord = labels.ordOf(FacetsConfig.pathToString(dim, path));
    return ord < 0 ? -1 : counts[ord];
  }

  @Override
  public List<FacetResult> getAllDims(int topN) throws IOException {
    List<FacetResult> results = new ArrayList<>();
    for (String dim : onlyDim != null ? List.of(onlyDim) : state.getDims()) {
      FacetResult result = getTopChildren(topN, dim);
      if (result != null) results.add(result);
    }
    return results;
  }

  private OrdRange range(String dim, String... path) {
    if (path.length > 0) throw new IllegalArgumentException("facet dimensions are flat; path must be empty");
    checkCounted(dim);
    return state.getOrdRange(dim);
  }

  private void checkCounted(String dim) {
    if (onlyDim != null && !onlyDim.equals(dim)) throw new IllegalArgumentException("only " + onlyDim + " was counted, not " + dim);
  }

  /**
   * The values' labels and the ordinals of asked-for values, looked up once per point in time and
   * shared by all its counts: looking them up in the doc values for every answer took a tenth of
   * a search on large indexes.
   */
  private static final class Labels {
    private final SortedSetDocValuesReaderState state;
    /** Filled as values are first shown; a racing thread at worst decodes a label twice. */
    private final String[] byOrd;
    private final Map<String, Integer> ordByPath = new ConcurrentHashMap<>();

    Labels(SortedSetDocValuesReaderState state) {
      this.state = state;
      this.byOrd = new String[state.getSize()];
    }

    String of(int ord) throws IOException {
      String label = byOrd[ord];
      if (label == null) {
        String[] parts = FacetsConfig.stringToPath(state.getDocValues().lookupOrd(ord).utf8ToString());
        label = parts[parts.length - 1];
        byOrd[ord] = label;
      }
      return label;
    }

    /** The ordinal of a value's whole path, or -1 when no trial holds it. */
    int ordOf(String path) throws IOException {
      Integer known = ordByPath.get(path);
      if (known != null) return known;
      long ord = state.getDocValues().lookupTerm(new BytesRef(path));
      if (ord < 0) return -1; // not kept: asked-for paths that no trial holds are unbounded
      ordByPath.put(path, (int) ord);
      return (int) ord;
    }
  }
}
