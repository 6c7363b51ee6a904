package org.trialsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
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
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialsearch.Collected;
import org.trialsearch.SharedCorpus;
import org.trialsearch.TestReaders;
import org.trialsearch.enrich.Enricher;
import org.trialsearch.enrich.Vocabulary;
import org.trialsearch.merge.TrialMerger;
import org.trialsearch.model.Trial;

/**
 * Facet counts from the decoded ordinals equal Lucene's own SortedSetDocValuesFacetCounts, on real
 * trials of the shared corpus written as several segments with deleted trials among them, so that
 * segment ordinals must be mapped to the index's and deleted trials left out.
 */
class OrdinalCountsTest {

  @TempDir
  static Path dir;

  private static TrialIndex index;
  private static TrialSearcher searcher;

  @BeforeAll
  static void writeSegmentsWithDeletions() throws IOException, InterruptedException {
    Vocabulary vocabulary = Vocabulary.load(TestReaders.config());
    Enricher enricher = new Enricher(vocabulary);
    TrialMerger merger = new TrialMerger();
    List<Trial> trials = Collected.from(SharedCorpus.v2(), SharedCorpus.TRACKER.resolve("trials.csv")).trials;
    index = TrialIndex.create(dir.resolve("index"), TextAnalysis.of(vocabulary));
    for (int i = 0; i < trials.size(); i++) {
      index.put(enricher.enrich(merger.merge(List.of(trials.get(i)))), List.of(trials.get(i)));
      if (i % 150 == 149) index.commit();
    }
    TrialIndex.Write last = null;
    for (int i = 0; i < trials.size(); i += 9) last = index.delete(trials.get(i).nctId());
    index.commit();
    index.awaitVisible(last);
    searcher = index.acquire();
  }

  @AfterAll
  static void close() throws IOException {
    index.release(searcher);
    index.close();
  }

  @Test
  void theIndexHasSeveralSegmentsAndDeletedTrials() {
    assertTrue(searcher.getIndexReader().leaves().size() > 1, "segments: " + searcher.getIndexReader().leaves().size());
    assertTrue(searcher.getIndexReader().hasDeletions());
  }

  @Test
  void wholeIndexCountsEqualLucenes() throws IOException {
    assertSameCounts(new SortedSetDocValuesFacetCounts(luceneState()), searcher.wholeIndexCounts());
    assertSameCounts(new SortedSetDocValuesFacetCounts(luceneState()), searcher.count(gather(new MatchAllDocsQuery())));
  }

  @Test
  void countsOverMatchingTrialsEqualLucenes() throws IOException {
    DrillDownQuery cd19 = new DrillDownQuery(TrialDocuments.facetsConfig());
    cd19.add(Fields.ANTIGEN, "CD19");
    DrillDownQuery recruiting = new DrillDownQuery(TrialDocuments.facetsConfig());
    recruiting.add(Fields.STATUS, "RECRUITING");
    for (Query query : List.of(cd19, recruiting, new TermQuery(new Term(Fields.CONDITION, "leukemia")))) {
      FacetsCollector hits = gather(query);
      assertTrue(gathered(hits) > 10, query.toString());
      assertSameCounts(new SortedSetDocValuesFacetCounts(luceneState(), hits), searcher.count(hits));
    }
  }

  /** Most trials gathered: counted by taking the trials left out away from the whole index's counts. */
  @Test
  void countsOverMostTrialsEqualLucenes() throws IOException {
    Query allButLeukemia = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
        .add(new TermQuery(new Term(Fields.CONDITION, "leukemia")), Occur.MUST_NOT).build();
    FacetsCollector hits = gather(allButLeukemia);
    int live = searcher.getIndexReader().numDocs();
    assertTrue(gathered(hits) > live / 2 && gathered(hits) < live, gathered(hits) + " of " + live);
    assertSameCounts(new SortedSetDocValuesFacetCounts(luceneState(), hits), searcher.count(hits));
  }

  private static int gathered(FacetsCollector hits) {
    return hits.getMatchingDocs().stream().mapToInt(FacetsCollector.MatchingDocs::totalHits).sum();
  }

  private static FacetsCollector gather(Query query) throws IOException {
    return searcher.search(query, new FacetsCollectorManager());
  }

  private static DefaultSortedSetDocValuesReaderState luceneState() throws IOException {
    return new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), Fields.FACETS, TrialDocuments.facetsConfig());
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
