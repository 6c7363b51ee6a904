package org.trialsearch.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * The facet ordinals of one segment, decoded once onto the heap: document {@code d}'s ordinals are
 * {@code ords[starts[d]] .. ords[starts[d + 1] - 1]}. Counting facets by decoding doc values for
 * every matching document took a third of a search's time on large indexes; plain arrays make it a
 * few loads per value. A segment never changes, so its ordinals live as long as it does and a reopen
 * decodes only the segments it adds (about 4 bytes a value: some 50 MB for 500,000 trials).
 */
final class SegmentOrdinals {

  private static final Map<IndexReader.CacheKey, SegmentOrdinals> DECODED = new ConcurrentHashMap<>();

  final int[] starts;
  final int[] ords;
  /** How many distinct values the segment holds: its ordinals are below this. */
  final int valueCount;

  private SegmentOrdinals(int[] starts, int[] ords, int valueCount) {
    this.starts = starts;
    this.ords = ords;
    this.valueCount = valueCount;
  }

  /** The segment's facet ordinals ({@link Fields#FACETS}), decoded on first use and kept until the segment closes. */
  static SegmentOrdinals of(LeafReader segment) throws IOException {
    IndexReader.CacheHelper core = segment.getCoreCacheHelper();
    if (core == null) return decode(segment);
    SegmentOrdinals known = DECODED.get(core.getKey());
    if (known != null) return known;
    SegmentOrdinals decoded = decode(segment);
    if (DECODED.putIfAbsent(core.getKey(), decoded) == null) core.addClosedListener(DECODED::remove);
    return decoded;
  }

  private static SegmentOrdinals decode(LeafReader segment) throws IOException {
    SortedSetDocValues values = DocValues.getSortedSet(segment, Fields.FACETS);
    int[] starts = new int[segment.maxDoc() + 1];
    int[] ords = new int[Math.max(16, segment.maxDoc() * 8)];
    int next = 0;
    int doc = 0;
    for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
      while (doc <= d) starts[doc++] = next;
      int count = values.docValueCount();
      if (next + count > ords.length) ords = Arrays.copyOf(ords, Math.max(ords.length * 2, next + count));
      for (int i = 0; i < count; i++) ords[next++] = (int) values.nextOrd();
    }
    while (doc <= segment.maxDoc()) starts[doc++] = next;
    return new SegmentOrdinals(starts, Arrays.copyOf(ords, next), (int) values.getValueCount());
  }
}
