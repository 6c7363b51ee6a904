package org.trialsearch.index;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.trialsearch.enrich.EnrichedTrial;
import org.trialsearch.index.facet.DecodedOrdinals;
import org.trialsearch.index.facet.OrdinalCounts;
import org.trialsearch.model.Json;
import org.trialsearch.model.Trial;

/**
 * A point-in-time searcher of the trial index with the facet ordinals of that same point in time,
 * so that hits and counts always agree. Built once per reopen by {@link #factory}.
 */
public final class TrialSearcher extends IndexSearcher {

  /** @param ordinals the decoded facet ordinals of the index's segments, which every point in time of it shares */
  static SearcherFactory factory(SearchWorkers workers, DecodedOrdinals ordinals) {
    return new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
        return new TrialSearcher(reader, workers, ordinals);
      }
    };
  }

  private final SearchWorkers workers;
  private final DecodedOrdinals ordinals;
  /** The same point in time searched in parts on several cores; null when the index is too small to split. */
  private final IndexSearcher split;

  private final SortedSetDocValuesReaderState facetState;
  private final SortedSetDocValuesReaderState suggestState;
  /** Counts of every dimension over every trial, made when first asked (browsing, a filter's own dimension, autocomplete). */
  private volatile OrdinalCounts wholeIndexCounts;

  private TrialSearcher(IndexReader reader, SearchWorkers workers, DecodedOrdinals ordinals) throws IOException {
    super(reader);
    setTimeout(QueryDeadline.INSTANCE);
    this.workers = workers;
    this.ordinals = ordinals;
    this.split = workers.splits(reader.maxDoc()) ? splitSearcher(reader, workers) : null;
    var config = FacetFields.config();
    this.facetState = hasField(reader, Fields.FACETS) ? new DefaultSortedSetDocValuesReaderState(reader, Fields.FACETS, config) : null;
    this.suggestState = hasField(reader, Fields.SUGGEST_FIELD)
        ? new DefaultSortedSetDocValuesReaderState(reader, Fields.SUGGEST_FIELD, config) : null;
    // decode the facet ordinals of segments this point in time adds now, not in the first search that needs them
    if (facetState != null) wholeIndexCounts();
  }

  private IndexSearcher splitSearcher(IndexReader reader, SearchWorkers workers) {
    int docsPerPart = workers.docsPerPart(reader.maxDoc());
    IndexSearcher searcher = new IndexSearcher(reader, workers) {
      @Override
      protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        // parts by documents alone: small segments of recent writes group up to a part's size
        return slices(leaves, docsPerPart, Integer.MAX_VALUE, true);
      }
    };
    searcher.setSimilarity(getSimilarity());
    searcher.setQueryCache(getQueryCache());
    searcher.setQueryCachingPolicy(getQueryCachingPolicy());
    searcher.setTimeout(QueryDeadline.INSTANCE);
    return searcher;
  }

  /** Searches in parts on several cores while they are idle, else on this thread alone; the answer is the same. */
  @Override
  public <C extends Collector, T> T search(Query query, CollectorManager<C, T> manager) throws IOException {
    return split != null && workers.idle() ? split.search(query, manager) : super.search(query, manager);
  }

  /** Starts a part of an answer on another core while cores are idle, else runs it now. */
  public <T> SearchWorkers.Later<T> beside(SearchWorkers.Part<T> part) throws IOException {
    return workers.beside(part);
  }

  /**
   * The query rewritten under the calling thread's deadline: fuzzy, wildcard and regular-expression
   * terms are looked up in the term dictionaries while rewriting, before Lucene's own timeout
   * (which checks between the windows of documents it scores) could stop them.
   */
  public Query rewriteWithinDeadline(Query query) throws IOException {
    IndexSearcher exitable = new IndexSearcher(ExitableDirectoryReader.wrap((DirectoryReader) getIndexReader(), QueryDeadline.INSTANCE));
    exitable.setSimilarity(getSimilarity());
    return exitable.rewrite(query);
  }

  /** Whether the index holds any trial: every trial has a value, stated or not, in every dimension. */
  public boolean hasTrials() {
    return facetState != null;
  }

  /** Every dimension's counts over the trials a collector gathered. */
  public Facets count(FacetsCollector hits) throws IOException {
    return OrdinalCounts.of(hits, everyTrialCounts());
  }

  /** One dimension's counts over the trials a collector gathered; it answers for that dimension only. */
  public Facets countDimension(FacetsCollector hits, String dim) throws IOException {
    return OrdinalCounts.ofDimension(hits, everyTrialCounts(), dim);
  }

  /** Every dimension's counts over every trial, counted once per point in time. */
  public Facets wholeIndexCounts() throws IOException {
    return everyTrialCounts();
  }

  private OrdinalCounts everyTrialCounts() throws IOException {
    OrdinalCounts counts = wholeIndexCounts;
    if (counts == null) {
      if (facetState == null) throw new IllegalStateException("the index holds no trial to count");
      counts = OrdinalCounts.ofAll(facetState, ordinals);
      wholeIndexCounts = counts;
    }
    return counts;
  }

  /** Ordinals of the values autocomplete offers; null while the index holds no trial. */
  public SortedSetDocValuesReaderState suggestState() {
    return suggestState;
  }

  /** The stored record of a hit. */
  public EnrichedTrial record(int docId) throws IOException {
    Document doc = storedFields().document(docId, Set.of(Fields.RECORD));
    return TrialDocuments.fromStored(doc.getBinaryValue(Fields.RECORD));
  }

  /** What a result list shows of a hit, and its snippet text. */
  public StoredHit hit(int docId) throws IOException {
    LeafReaderContext leaf = getIndexReader().leaves().get(ReaderUtil.subIndex(docId, getIndexReader().leaves()));
    BinaryDocValues hits = leaf.reader().getBinaryDocValues(Fields.HIT);
    if (hits == null || !hits.advanceExact(docId - leaf.docBase)) throw new IOException("no stored hit for document " + docId);
    return StoredHit.fromBytes(hits.binaryValue());
  }

  /** Whether the index holds a trial with this id. */
  public boolean holds(String nctId) throws IOException {
    return count(new TermQuery(new Term(Fields.NCT_ID, nctId))) > 0;
  }

  /** The records a trial was merged from, as stored with it; empty when there is no such trial. */
  public List<Trial> sourceRecords(String nctId) throws IOException {
    TopDocs top = search(new TermQuery(new Term(Fields.NCT_ID, nctId)), 1);
    if (top.scoreDocs.length == 0) return List.of();
    BytesRef stored = storedFields().document(top.scoreDocs[0].doc, Set.of(Fields.SOURCE_RECORDS)).getBinaryValue(Fields.SOURCE_RECORDS);
    return List.of(Json.readStored(stored.bytes, stored.offset, stored.length, Trial[].class));
  }

  private static boolean hasField(IndexReader reader, String field) {
    FieldInfo info = FieldInfos.getMergedFieldInfos(reader).fieldInfo(field);
    return info != null && reader.numDocs() > 0;
  }
}
