package org.trialsearch.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
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
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.LongValues;

/**
 * Counts of every facet value over a set of trials, counted from {@link SegmentOrdinals}. Answers
 * as Lucene's SortedSetDocValuesFacetCounts does for flat multi-valued dimensions: values with a
 * count above zero, most frequent first (ties in value order) for the top children.
 */
final class OrdinalCounts extends Facets {

  private final SortedSetDocValuesReaderState state;
  private final int[] counts;

  private OrdinalCounts(SortedSetDocValuesReaderState state, int[] counts) {
    this.state = state;
    this.counts = counts;
  }

  /**
   * Counts over the trials a collector gathered, given the counts over every trial. Each trial adds
   * its values once, so when the collector gathered most trials it is cheaper to take the counts of
   * the trials it left out away from the whole index's; when it gathered all of them, those are the
   * answer (a collector sees live trials only, so equal numbers mean the same trials).
   */
  static OrdinalCounts of(FacetsCollector hits, OrdinalCounts everyTrial) throws IOException {
    long gathered = hits.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
    int live = everyTrial.state.getReader().numDocs();
    if (gathered == live) return everyTrial;
    return gathered > live / 2 ? countLeftOut(hits, everyTrial) : countGathered(hits, everyTrial.state);
  }

  private static OrdinalCounts countGathered(FacetsCollector hits, SortedSetDocValuesReaderState state) throws IOException {
    int[] counts = new int[state.getSize()];
    OrdinalMap map = ordinalMap(state);
    for (FacetsCollector.MatchingDocs matching : hits.getMatchingDocs()) {
      DocIdSetIterator docs = matching.bits() == null ? null : matching.bits().iterator();
      if (docs == null) continue;
      SegmentCounter counter = new SegmentCounter(map, matching.context(), counts);
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) counter.add(doc);
      counter.finish();
    }
    return new OrdinalCounts(state, counts);
  }

  private static OrdinalCounts countLeftOut(FacetsCollector hits, OrdinalCounts everyTrial) throws IOException {
    SortedSetDocValuesReaderState state = everyTrial.state;
    int[] counts = everyTrial.counts.clone();
    OrdinalMap map = ordinalMap(state);
    Map<Integer, FacetsCollector.MatchingDocs> bySegment = new HashMap<>();
    for (FacetsCollector.MatchingDocs matching : hits.getMatchingDocs()) bySegment.put(matching.context().ord, matching);
    for (LeafReaderContext leaf : state.getReader().leaves()) {
      FixedBitSet gathered = gatheredIn(bySegment.get(leaf.ord), leaf.reader().maxDoc());
      Bits live = leaf.reader().getLiveDocs();
      SegmentCounter counter = new SegmentCounter(map, leaf, counts);
      for (int doc = leftOutFrom(gathered, 0); doc != DocIdSetIterator.NO_MORE_DOCS; doc = leftOutFrom(gathered, doc + 1)) {
        if (live == null || live.get(doc)) counter.remove(doc);
      }
      counter.finish();
    }
    return new OrdinalCounts(state, counts);
  }

  private static int leftOutFrom(FixedBitSet gathered, int from) {
    return from >= gathered.length() ? DocIdSetIterator.NO_MORE_DOCS : gathered.nextClearBit(from);
  }

  /** The documents of a segment a collector gathered, as a bit set (none when it gathered nothing there). */
  private static FixedBitSet gatheredIn(FacetsCollector.MatchingDocs matching, int maxDoc) throws IOException {
    if (matching != null && matching.bits() instanceof BitDocIdSet bits && bits.bits() instanceof FixedBitSet set) return set;
    FixedBitSet set = new FixedBitSet(maxDoc);
    DocIdSetIterator docs = matching == null || matching.bits() == null ? null : matching.bits().iterator();
    if (docs != null) set.or(docs);
    return set;
  }

  /** Counts over every live trial of the index. */
  static OrdinalCounts ofAll(SortedSetDocValuesReaderState state) throws IOException {
    int[] counts = new int[state.getSize()];
    OrdinalMap map = ordinalMap(state);
    for (LeafReaderContext leaf : state.getReader().leaves()) {
      SegmentCounter counter = new SegmentCounter(map, leaf, counts);
      Bits live = leaf.reader().getLiveDocs();
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (live == null || live.get(doc)) counter.add(doc);
      }
      counter.finish();
    }
    return new OrdinalCounts(state, counts);
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
    private final SegmentOrdinals segment;
    private final int[] counts;
    private final int[] target;
    private final LongValues toGlobal;

    SegmentCounter(OrdinalMap map, LeafReaderContext leaf, int[] counts) throws IOException {
      this.segment = SegmentOrdinals.of(leaf.reader());
      this.counts = counts;
      this.toGlobal = map == null ? null : map.getGlobalOrds(leaf.ord);
      this.target = toGlobal == null ? counts : new int[segment.valueCount];
    }

    void add(int doc) {
      int[] ords = segment.ords;
      for (int i = segment.starts[doc], end = segment.starts[doc + 1]; i < end; i++) target[ords[i]]++;
    }

    void remove(int doc) {
      int[] ords = segment.ords;
      for (int i = segment.starts[doc], end = segment.starts[doc + 1]; i < end; i++) target[ords[i]]--;
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
    SortedSetDocValues labels = state.getDocValues();
    for (int ord = range.start(); ord <= range.end(); ord++) {
      if (counts[ord] > 0) values.add(new LabelAndValue(label(labels, ord), counts[ord]));
    }
    return values.isEmpty() ? null : new FacetResult(dim, path, -1, values.toArray(new LabelAndValue[0]), values.size());
  }

  @Override
  public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
    validateTopN(topN);
    OrdRange range = range(dim, path);
    if (range == null) return null;
    // the least of the kept values on top: lower count, or the same count and a later value
    PriorityQueue<Integer> top = new PriorityQueue<>((a, b) -> counts[a] != counts[b] ? Integer.compare(counts[a], counts[b]) : Integer.compare(b, a));
    int children = 0;
    for (int ord = range.start(); ord <= range.end(); ord++) {
      if (counts[ord] == 0) continue;
      children++;
      top.add(ord);
      if (top.size() > topN) top.poll();
    }
    if (children == 0) return null;
    LabelAndValue[] values = new LabelAndValue[top.size()];
    SortedSetDocValues labels = state.getDocValues();
    for (int i = values.length - 1; i >= 0; i--) {
      int ord = top.poll();
      values[i] = new LabelAndValue(label(labels, ord), counts[ord]);
    }
    return new FacetResult(dim, path, -1, values, children);
  }

  @Override
  public Number getSpecificValue(String dim, String... path) throws IOException {
    if (path.length != 1) throw new IllegalArgumentException("path must be length=1");
    long ord = state.getDocValues().lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, path)));
    return ord < 0 ? -1 : counts[(int) ord];
  }

  @Override
  public List<FacetResult> getAllDims(int topN) throws IOException {
    List<FacetResult> results = new ArrayList<>();
    for (String dim : state.getDims()) {
      FacetResult result = getTopChildren(topN, dim);
      if (result != null) results.add(result);
    }
    return results;
  }

  private OrdRange range(String dim, String... path) {
    if (path.length > 0) throw new IllegalArgumentException("facet dimensions are flat; path must be empty");
    return state.getOrdRange(dim);
  }

  private static String label(SortedSetDocValues labels, int ord) throws IOException {
    String[] parts = FacetsConfig.stringToPath(labels.lookupOrd(ord).utf8ToString());
    return parts[parts.length - 1];
  }
}
