package org.trialsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.trialsearch.index.FacetFields;
import org.trialsearch.index.SearchWorkers;
import org.trialsearch.index.TrialSearcher;

/**
 * The top hits of a query within its filters, and every facet dimension's counts. A filtered
 * dimension is counted as if its own filter were not set (drill-sideways, so users can add values):
 * over the trials matching the query and the other filters, in a pass of its own that neither scores
 * nor sorts; with no query and no other filter that is the whole index, whose counts the searcher
 * keeps. Lucene's DrillSideways instead visits every trial the query alone matches, scoring each,
 * which was most of the time a filters-only search took on large indexes.
 */
final class FacetedSearch {

  /** The facets are counted beside the rest of the answer while cores are idle: ask for them last. */
  record Result(TopDocs top, long total, SearchWorkers.Later<Facets> facets) {}

  /**
   * @param query the query with its ranges, facet filters not applied
   * @param matchesAll whether that query matches every trial (no text, no range)
   */
  Result search(TrialSearcher searcher, Query query, boolean matchesAll, Map<String, List<String>> filters, FieldDoc after,
      int topN, Sort sort) throws IOException {
    Query filtered = FacetFields.drillDown(query, filters);
    // with no words every trial scores the same, so the score decides no order: leaving it out of the
    // sort spares scoring and comparing equal scores for every matching trial (a sixth of a
    // filters-only search), and the score goes back into each hit's sort values for its cursor
    int scoreAt = matchesAll ? List.of(sort.getSort()).indexOf(SortField.FIELD_SCORE) : -1;
    Sort collectedSort = scoreAt < 0 ? sort : withoutScore(sort, scoreAt);
    FieldDoc collectedAfter = scoreAt < 0 || after == null ? after : withoutScore(after, scoreAt);
    // a cursor's FieldDoc carries sort values only, no document number, so the hits are collected here
    // rather than through FacetsCollectorManager.searchAfter, which checks that number against the index
    Object[] found = searcher.search(filtered, new MultiCollectorManager(
        new TopFieldCollectorManager(collectedSort, topN, collectedAfter, Integer.MAX_VALUE), new FacetsCollectorManager()));
    TopDocs top = (TopDocs) found[0];
    int scoreField = List.of(collectedSort.getSort()).indexOf(SortField.FIELD_SCORE);
    if (scoreField >= 0) {
      // the sort kept each hit's score: scoring the hits again would look up every term once more
      for (ScoreDoc hit : top.scoreDocs) hit.score = (Float) ((FieldDoc) hit).fields[scoreField];
    } else {
      TopFieldCollector.populateScores(top.scoreDocs, searcher, filtered);
    }
    if (scoreAt >= 0) putScoresBack(top.scoreDocs, scoreAt);
    FacetsCollector matching = (FacetsCollector) found[1];
    SearchWorkers.Later<Facets> counts = searcher.beside(() -> searcher.count(matching));
    long total = matching.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
    Map<String, Facets> sideways = new HashMap<>();
    for (String dim : filters.keySet()) {
      if (filters.get(dim).isEmpty()) continue;
      sideways.put(dim, sidewaysCounts(searcher, query, matchesAll, filters, dim));
    }
    return new Result(top, total, sideways.isEmpty() ? counts : () -> new MultiFacets(sideways, counts.get()));
  }

  private static Sort withoutScore(Sort sort, int scoreAt) {
    List<SortField> fields = new ArrayList<>(Arrays.asList(sort.getSort()));
    fields.remove(scoreAt);
    return new Sort(fields.toArray(SortField[]::new));
  }

  private static FieldDoc withoutScore(FieldDoc after, int scoreAt) {
    List<Object> values = new ArrayList<>(Arrays.asList(after.fields));
    values.remove(scoreAt);
    return new FieldDoc(after.doc, after.score, values.toArray());
  }

  private static void putScoresBack(ScoreDoc[] hits, int scoreAt) {
    for (int i = 0; i < hits.length; i++) {
      FieldDoc hit = (FieldDoc) hits[i];
      List<Object> fields = new ArrayList<>(Arrays.asList(hit.fields));
      fields.add(scoreAt, hit.score);
      hits[i] = new FieldDoc(hit.doc, hit.score, fields.toArray(), hit.shardIndex);
    }
  }

  /** One filtered dimension's counts over the trials matching the query and every other filter. */
  private Facets sidewaysCounts(TrialSearcher searcher, Query query, boolean matchesAll, Map<String, List<String>> filters,
      String dim) throws IOException {
    Map<String, List<String>> others = new HashMap<>(filters);
    others.remove(dim);
    others.values().removeIf(List::isEmpty);
    if (matchesAll && others.isEmpty()) return searcher.wholeIndexCounts();
    FacetsCollector matching = searcher.search(FacetFields.drillDown(query, others), new FacetsCollectorManager());
    return searcher.countDimension(matching, dim);
  }
}
