package org.trialsearch.index.facet;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

/**
 * The facet ordinals of an index's segments ({@link SegmentOrdinals}), each decoded when it is first
 * counted and dropped when its segment closes. One belongs to each index: its segments' ordinals are
 * that index's data, and every point in time of the index shares the segments it did not change.
 */
public final class DecodedOrdinals {

  private final String field;
  private final Map<IndexReader.CacheKey, SegmentOrdinals> bySegment = new ConcurrentHashMap<>();

  /** @param field the sorted-set doc-values field the facet values are kept in */
  public DecodedOrdinals(String field) {
    this.field = field;
  }

  /** The segment's ordinals, decoded on first use and kept until the segment closes. */
  SegmentOrdinals of(LeafReader segment) throws IOException {
    IndexReader.CacheHelper core = segment.getCoreCacheHelper();
    if (core == null) return SegmentOrdinals.decode(segment, field);
    SegmentOrdinals known = bySegment.get(core.getKey());
    if (known != null) return known;
    SegmentOrdinals decoded = SegmentOrdinals.decode(segment, field);
    if (bySegment.putIfAbsent(core.getKey(), decoded) == null) core.addClosedListener(bySegment::remove);
    return decoded;
  }
}
