package org.trialsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHitCountCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialsearch.Collected;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestReaders;
import org.trialsearch.index.facet.DecodedOrdinals;
import org.trialsearch.ingest.TrialIngest;
import org.trialsearch.model.Trial;
import org.trialsearch.vocabulary.Vocabulary;

/**
 * Facet counts from the decoded ordinals equal Lucene's own SortedSetDocValuesFacetCounts, on real
 * trials of the shared corpus with deleted trials among them, in three shapes: many small segments, so
 * that segment ordinals must be mapped to the index's; one large segment, where few matching
 * trials are counted value by value and many through the dense values' bits; and that segment
 * searched in two parts on two cores.
 */
class OrdinalCountsTest {

  /** A condition a handful of the trials name. */
  private static final Query FEW_TRIALS = new TermQuery(new Term(Fields.CONDITION, "sclerosis"));
  /** A condition some trials name: too many to count trial by trial, too few to count every value holder by holder. */
  private static final Query SOME_TRIALS = new TermQuery(new Term(Fields.CONDITION, "tumor"));
  /** A condition many trials name. */
  private static final Query MANY_TRIALS = new TermQuery(new Term(Fields.CONDITION, "leukemia"));
  /** Every trial but those many: more than half of them. */
  private static final Query MOST_TRIALS = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
      .add(MANY_TRIALS, Occur.MUST_NOT).build();

  @TempDir
  static Path dir;

  private static final String IN_PARTS = "one segment in parts";

  private static final Map<String, TrialIndex> INDEXES = new TreeMap<>();
  private static final Map<String, TrialSearcher> SEARCHERS = new TreeMap<>();
  /** Two cores, and parts of at least a thousand trials: the one segment splits in two. */
  private static final SearchWorkers TWO_CORES = new SearchWorkers(2, 1_000);

  @BeforeAll
  static void writeIndexesWithDeletions() throws IOException, InterruptedException {
    Vocabulary vocabulary = Vocabulary.load(TestReaders.config());
    TrialIngest ingest = new TrialIngest(vocabulary);
    List<Trial> trials = Collected.from(SharedCorpus.v2(), SharedCorpus.TRACKER.resolve("trials.csv")).trials;
    for (String shape : List.of("segments", "one segment")) {
      TrialIndex index = TrialIndex.create(dir.resolve(shape.replace(' ', '-')), TextAnalysis.of(vocabulary));
      for (int i = 0; i < trials.size(); i++) {
        ingest.put(index, List.of(trials.get(i))).orElseThrow();
        if (shape.equals("segments") && i % 150 == 149) index.commit();
      }
      index.commit();
      if (shape.equals("one segment")) index.mergeIntoOneSegment();
      TrialIndex.Write last = null;
      for (int i = 0; i < trials.size(); i += 9) last = index.delete(trials.get(i).nctId());
      index.commit();
      index.awaitVisible(last);
      INDEXES.put(shape, index);
      SEARCHERS.put(shape, index.acquire());
    }
    IndexReader oneSegment = SEARCHERS.get("one segment").getIndexReader();
    SEARCHERS.put(IN_PARTS, (TrialSearcher) TrialSearcher.factory(TWO_CORES, new DecodedOrdinals(Fields.FACETS)).newSearcher(oneSegment, null));
  }

  @AfterAll
  static void close() throws IOException {
    TWO_CORES.close();
    for (String shape : INDEXES.keySet()) {
      INDEXES.get(shape).release(SEARCHERS.get(shape));
      INDEXES.get(shape).close();
    }
  }

  static List<String> shapes() {
    return List.of("segments", "one segment", IN_PARTS);
  }

  /** The same trials searched on one core: Lucene's own counts are taken from what it gathered. */
  private static TrialSearcher whole(String shape) {
    return SEARCHERS.get(shape.equals(IN_PARTS) ? "one segment" : shape);
  }

  @Test
  void theShapesAreAsNamed() throws IOException {
    IndexReader segments = SEARCHERS.get("segments").getIndexReader();
    IndexReader oneSegment = SEARCHERS.get("one segment").getIndexReader();
    assertTrue(segments.leaves().size() > 1, "segments: " + segments.leaves().size());
    assertEquals(1, oneSegment.leaves().size());
    assertTrue(segments.hasDeletions());
    assertTrue(oneSegment.hasDeletions());
    assertEquals(2, collectors(SEARCHERS.get(IN_PARTS)), "one collector per part");
    assertEquals(1, collectors(SEARCHERS.get("one segment")));
  }

  /** How many collectors a search of every trial ran: one per part of the index searched apart. */
  private static int collectors(TrialSearcher searcher) throws IOException {
    return searcher.search(new MatchAllDocsQuery(), new CollectorManager<TotalHitCountCollector, Integer>() {
      @Override
      public TotalHitCountCollector newCollector() {
        return new TotalHitCountCollector();
      }

      @Override
      public Integer reduce(Collection<TotalHitCountCollector> collectors) {
        return collectors.size();
      }
    });
  }

  /** Searched in parts, the hits are those of the whole search, in the same order with the same scores. */
  @Test
  void partsFindTheSameHitsAsTheWhole() throws IOException {
    for (Query query : List.of(FEW_TRIALS, SOME_TRIALS, MANY_TRIALS, MOST_TRIALS)) {
      TopDocs parts = SEARCHERS.get(IN_PARTS).search(query, 50);
      TopDocs whole = whole(IN_PARTS).search(query, 50);
      assertEquals(docsAndScores(whole), docsAndScores(parts), query.toString());
      assertEquals(whole(IN_PARTS).count(query), SEARCHERS.get(IN_PARTS).count(query), query.toString());
    }
  }

  /** With as many searches under way as there are cores, a search keeps to its own thread, in one piece. */
  @Test
  void aBusyMachineSearchesWhole() throws IOException {
    TWO_CORES.enter();
    TWO_CORES.enter();
    try {
      assertEquals(1, collectors(SEARCHERS.get(IN_PARTS)));
    } finally {
      TWO_CORES.leave();
      TWO_CORES.leave();
    }
  }

  /** The part of a search a worker runs is stopped by the deadline of the thread that handed it over. */
  @Test
  void aSearchPastItsDeadlineStopsInEveryPart() {
    TrialSearcher parts = SEARCHERS.get(IN_PARTS);
    assertThrows(QueryDeadline.Exceeded.class,
        () -> QueryDeadline.within(Duration.ZERO, () -> gather(parts, new MatchAllDocsQuery())));
    List<Throwable> thrown = new ArrayList<>();
    Thread worker = new Thread(() -> {
      try {
        QueryDeadline.INSTANCE.shouldExit();
      } catch (QueryDeadline.Exceeded e) {
        thrown.add(e);
      }
    });
    assertThrows(QueryDeadline.Exceeded.class, () -> QueryDeadline.within(Duration.ZERO, () -> {
      Thread handedOver = new Thread(QueryDeadline.carried(worker));
      handedOver.start();
      try {
        handedOver.join();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      return QueryDeadline.INSTANCE.shouldExit();
    }));
    assertEquals(1, thrown.size(), "the worker saw the deadline");
    assertFalse(QueryDeadline.INSTANCE.shouldExit(), "no deadline outside a budget");
  }

  private static List<String> docsAndScores(TopDocs top) {
    return Arrays.stream(top.scoreDocs).map(hit -> hit.doc + ":" + hit.score).toList();
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void wholeIndexCountsEqualLucenes(String shape) throws IOException {
    TrialSearcher searcher = SEARCHERS.get(shape);
    assertSameCounts(new SortedSetDocValuesFacetCounts(luceneState(searcher)), searcher.wholeIndexCounts());
    assertSameCounts(new SortedSetDocValuesFacetCounts(luceneState(searcher)), searcher.count(gather(searcher, new MatchAllDocsQuery())));
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void countsOverMatchingTrialsEqualLucenes(String shape) throws IOException {
    TrialSearcher searcher = SEARCHERS.get(shape);
    DrillDownQuery cd19 = new DrillDownQuery(FacetFields.config());
    cd19.add(Fields.ANTIGEN, "CD19");
    DrillDownQuery recruiting = new DrillDownQuery(FacetFields.config());
    recruiting.add(Fields.STATUS, "RECRUITING");
    for (Query query : List.of(cd19, recruiting, MANY_TRIALS, SOME_TRIALS, FEW_TRIALS)) {
      FacetsCollector hits = gather(searcher, query);
      assertTrue(gathered(hits) > 0, query.toString());
      assertSameCounts(new SortedSetDocValuesFacetCounts(luceneState(searcher), gather(whole(shape), query)), searcher.count(hits));
    }
  }

  /**
   * A filtered dimension is counted alone, as if unfiltered: the same counts as Lucene's for it, over
   * few, many and most trials, and no answer for the dimensions it did not count.
   */
  @ParameterizedTest
  @MethodSource("shapes")
  void oneDimensionCountsEqualLucenes(String shape) throws IOException {
    TrialSearcher searcher = SEARCHERS.get(shape);
    for (Query query : List.of(FEW_TRIALS, SOME_TRIALS, MANY_TRIALS, MOST_TRIALS)) {
      FacetsCollector hits = gather(searcher, query);
      Facets expected = new SortedSetDocValuesFacetCounts(luceneState(searcher), gather(whole(shape), query));
      for (String dim : Fields.FACET_DIMENSIONS) {
        Facets actual = searcher.countDimension(hits, dim);
        assertEquals(values(expected.getAllChildren(dim)), values(actual.getAllChildren(dim)), dim + " " + query);
        assertEquals(ordered(expected.getTopChildren(5, dim)), ordered(actual.getTopChildren(5, dim)), dim + " top 5");
        assertEquals(expected.getSpecificValue(dim, Fields.NOT_STATED), actual.getSpecificValue(dim, Fields.NOT_STATED), dim);
        String other = dim.equals(Fields.PHASE) ? Fields.STATUS : Fields.PHASE;
        assertThrows(IllegalArgumentException.class, () -> actual.getAllChildren(other), dim);
      }
    }
  }

  /** Most trials gathered: counted by taking the trials left out away from the whole index's counts. */
  @ParameterizedTest
  @MethodSource("shapes")
  void countsOverMostTrialsEqualLucenes(String shape) throws IOException {
    TrialSearcher searcher = SEARCHERS.get(shape);
    FacetsCollector hits = gather(searcher, MOST_TRIALS);
    int live = searcher.getIndexReader().numDocs();
    assertTrue(gathered(hits) > live / 2 && gathered(hits) < live, gathered(hits) + " of " + live);
    assertSameCounts(new SortedSetDocValuesFacetCounts(luceneState(searcher), gather(whole(shape), MOST_TRIALS)), searcher.count(hits));
  }

  private static int gathered(FacetsCollector hits) {
    return hits.getMatchingDocs().stream().mapToInt(FacetsCollector.MatchingDocs::totalHits).sum();
  }

  private static FacetsCollector gather(TrialSearcher searcher, Query query) throws IOException {
    return searcher.search(query, new FacetsCollectorManager());
  }

  private static DefaultSortedSetDocValuesReaderState luceneState(TrialSearcher searcher) throws IOException {
    return new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), Fields.FACETS, FacetFields.config());
  }

  private static void assertSameCounts(Facets expected, Facets actual) throws IOException {
    for (String dim : Fields.FACET_DIMENSIONS) {
      assertEquals(values(expected.getAllChildren(dim)), values(actual.getAllChildren(dim)), dim);
      assertEquals(ordered(expected.getTopChildren(5, dim)), ordered(actual.getTopChildren(5, dim)), dim + " top 5");
      assertEquals(expected.getTopChildren(5, dim).childCount, actual.getTopChildren(5, dim).childCount, dim + " children");
      assertEquals(expected.getSpecificValue(dim, Fields.NOT_STATED), actual.getSpecificValue(dim, Fields.NOT_STATED), dim);
      assertEquals(-1, actual.getSpecificValue(dim, "no such value").intValue(), dim);
    }
    assertNull(actual.getAllChildren("no_such_dimension"));
  }

  private static Map<String, Number> values(FacetResult result) {
    Map<String, Number> values = new TreeMap<>();
    Arrays.stream(result.labelValues).forEach(lv -> values.put(lv.label, lv.value.intValue()));
    return values;
  }

  private static List<String> ordered(FacetResult result) {
    return Arrays.stream(result.labelValues).map(lv -> lv.label + "=" + lv.value.intValue()).toList();
  }
}
