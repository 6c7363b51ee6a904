package org.trialsearch.search;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.trialsearch.enrich.EnrichedTrial;
import org.trialsearch.error.InvalidRequestException;
import org.trialsearch.error.NotFoundException;
import org.trialsearch.index.FacetFields;
import org.trialsearch.index.Fields;
import org.trialsearch.index.QueryDeadline;
import org.trialsearch.index.SearchWorkers;
import org.trialsearch.index.StoredHit;
import org.trialsearch.index.TextAnalysis;
import org.trialsearch.index.TrialIndex;
import org.trialsearch.index.TrialSearcher;
import org.trialsearch.search.SearchResponse.FacetCounts;
import org.trialsearch.search.SearchResponse.FacetValue;
import org.trialsearch.search.SearchResponse.Hit;
import org.trialsearch.search.query.FieldWeights;
import org.trialsearch.search.query.ForgivingQueryParser;
import org.trialsearch.search.query.ParsedQuery;
import org.trialsearch.search.query.StrictQueryParser;

/**
 * Ranked search with facet counts: parses the query, applies filters as drill-downs and counts
 * every dimension drill-sideways (each dimension's counts ignore its own filter, so users can add
 * values), in one pass over one point-in-time searcher.
 */
public final class SearchService {

  private static final int WALK_PAGE = 500;
  private static final int TOP_CONDITIONS = 20;
  /** Fewer trials than a page with every word and phrase as written: trials with most of them follow. */
  private static final int RELAX_BELOW = 10;

  /**
   * An answer this short is checked for trials that name the words only in passing, in their
   * summary or exclusion criteria; they are
   * left out when at least {@link #ENOUGH_EVIDENCED} trials name them elsewhere. A long answer
   * ranks such trials low enough already.
   */
  private static final int SHORT_ANSWER = 100;
  private static final int ENOUGH_EVIDENCED = 3;

  private static String passingNotice(long leftOut) {
    return leftOut + (leftOut == 1 ? " more trial names" : " more trials name") + " these words only in passing, in the summary or exclusion criteria;"
        + " passing=true includes " + (leftOut == 1 ? "it." : "them.");
  }

  private static String relaxedNotice(long strictTotal) {
    if (strictTotal == 0) return "No trial matches every word; showing trials that match most of them, or a phrase's words close together.";
    return "Only " + strictTotal + (strictTotal == 1 ? " trial matches" : " trials match")
        + " every word as written; they come first, then trials that match most of them, or a phrase's words close together.";
  }

  private final TrialIndex index;
  private final ForgivingQueryParser forgiving;
  private final StrictQueryParser strict;
  private final Snippets snippets;
  private final SpellingCorrector spelling = new SpellingCorrector();
  private final SimilarTrials similar;
  private final FacetedSearch faceted = new FacetedSearch();
  private final WaysOut waysOut = new WaysOut(SearchService::filtered);
  private final SearchBudget budget;

  /** @param budget how long one search may take, all of it; longer searches are stopped and answered 503 */
  public SearchService(TrialIndex index, FieldWeights weights, TextAnalysis analysis, Duration budget) {
    this.index = index;
    this.budget = SearchBudget.ofThisMachine(budget);
    this.forgiving = new ForgivingQueryParser(analysis, weights);
    this.strict = new StrictQueryParser(weights.synonyms() ? analysis.withSynonyms() : analysis.plain(), weights);
    this.snippets = new Snippets(analysis.plain());
    this.similar = new SimilarTrials(analysis.plain());
  }

  public SearchResponse search(SearchRequest request) throws IOException {
    ParsedQuery parsed = parse(request);
    boolean expands = SearchBudget.expandsTerms(parsed.strict());
    return budget.run(expands || request.explain(),
        () -> index.withSearcher(searcher -> searcher.hasTrials() ? search(searcher, parsed, expands, request) : empty(request)));
  }

  /** @param expands whether the query looks terms up by a pattern, to be rewritten under the deadline */
  private SearchResponse search(TrialSearcher searcher, ParsedQuery parsed, boolean expands, SearchRequest request) throws IOException {
    try {
      Query strictQuery = expands ? searcher.rewriteWithinDeadline(parsed.strict()) : parsed.strict();
      Matches matches = run(searcher, strictQuery, request);
      Choice choice = choose(searcher, parsed, strictQuery, matches.total, request);
      Query query = choice.query();
      if (query != strictQuery) matches = run(searcher, query, request);
      boolean relaxed = choice.relaxed();
      Long passingLeftOut = choice.passingLeftOut();
      List<Hit> hits = hits(searcher, query, matches.top, request);
      Map<String, FacetCounts> counts = counts(matches.facets.get());
      QueryDeadline.check(); // counting and stored hits are not stopped within: stop before more work
      List<SearchResponse.WayOut> ways = matches.total == 0
          ? waysOut.of(searcher, query, request, other -> total(searcher, parsed, strictQuery, other)) : null;
      String notice = relaxed ? relaxedNotice(choice.strictTotal()) : passingLeftOut != null ? passingNotice(passingLeftOut) : null;
      return new SearchResponse(request.query(), matches.total, request.page(), request.size(), relaxed, notice, passingLeftOut,
          hits, nextCursor(matches, request), didYouMean(searcher, request, matches.total),
          ways, waysOut.criteria(searcher, request), counts);
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyClauses();
    }
  }

  /** The query a search runs, and why: {@code strictTotal} trials have every word. */
  private record Choice(Query query, long total, boolean relaxed, long strictTotal, Long passingLeftOut) {}

  /**
   * Which query answers a request, by how many trials each finds within its filters: the strict
   * one; most of the words when fewer than {@link #RELAX_BELOW} trials have them all and that
   * finds more; the trials that name the words firmly when the rest name them only in passing.
   * The search, its export, its ways out and a correction's count all decide here.
   */
  private Choice choose(TrialSearcher searcher, ParsedQuery parsed, Query strict, long strictTotal, SearchRequest request) throws IOException {
    if (strictTotal < RELAX_BELOW && parsed.relaxed() != null) {
      // rewritten once: deciding which pieces must match counts them, and the count and the search would each decide again
      Query relaxed = searcher.rewrite(parsed.relaxed());
      long most = searcher.count(filtered(relaxed, request));
      if (most > strictTotal) return new Choice(relaxed, most, true, strictTotal, null);
    }
    if (!request.passing() && parsed.evidenced() != null && strictTotal > ENOUGH_EVIDENCED && strictTotal <= SHORT_ANSWER) {
      long evidenced = searcher.count(filtered(parsed.evidenced(), request));
      if (evidenced >= ENOUGH_EVIDENCED && evidenced < strictTotal) {
        return new Choice(parsed.evidenced(), evidenced, false, strictTotal, strictTotal - evidenced);
      }
    }
    return new Choice(strict, strictTotal, false, strictTotal, null);
  }

  /** How many trials the search of a request finds, decided as the search decides. */
  private long total(TrialSearcher searcher, ParsedQuery parsed, Query strict, SearchRequest request) throws IOException {
    return choose(searcher, parsed, strict, searcher.count(filtered(strict, request)), request).total();
  }

  private ParsedQuery parse(SearchRequest request) {
    try {
      return request.syntax() == SearchRequest.Syntax.LUCENE ? strict.parse(request.query()) : forgiving.parse(request.query());
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyClauses();
    }
  }

  private static InvalidRequestException tooManyClauses() {
    return new InvalidRequestException("query expands to too many clauses (at most " + IndexSearcher.getMaxClauseCount() + ")");
  }

  /** Whether there is a trial with this id, without reading its record. */
  public boolean exists(String nctId) throws IOException {
    return index.withSearcher(searcher -> searcher.holds(nctId));
  }

  /** The whole record of one trial. */
  public EnrichedTrial trial(String nctId) throws IOException {
    return index.withSearcher(searcher -> {
      TopDocs top = searcher.search(new TermQuery(new Term(Fields.NCT_ID, nctId)), 1);
      if (top.scoreDocs.length == 0) throw new NotFoundException("no trial " + nctId);
      return searcher.record(top.scoreDocs[0].doc);
    });
  }

  /** Trials like this one (conditions, antigens, interventions, criteria), most alike first, without it. */
  public List<Hit> similar(String nctId, int limit) throws IOException {
    if (limit < 1 || limit > SearchRequest.MAX_SIZE) throw new InvalidRequestException("limit must be between 1 and " + SearchRequest.MAX_SIZE + ", got " + limit);
    EnrichedTrial trial = trial(nctId);
    return budget.within(() -> index.withSearcher(searcher -> {
      List<Hit> hits = new ArrayList<>();
      for (ScoreDoc doc : searcher.search(similar.query(searcher, trial), limit).scoreDocs) {
        hits.add(hit(searcher.hit(doc.doc), doc.score, Map.of()));
      }
      return hits;
    }));
  }

  public int trialCount() throws IOException {
    return index.withSearcher(searcher -> searcher.getIndexReader().numDocs());
  }

  private record Matches(long total, TopDocs top, SearchWorkers.Later<Facets> facets) {}

  private Matches run(TrialSearcher searcher, Query query, SearchRequest request) throws IOException {
    FieldDoc after = request.cursor() == null ? null : Cursor.decode(request.cursor(), request.sort());
    Query ranged = withRanges(query, request);
    int topN = after != null ? request.size() : request.page() * request.size();
    FacetedSearch.Result result = faceted.search(searcher, ranged, ranged instanceof MatchAllDocsQuery, request.filters(), after, topN,
        Cursor.sort(request.sort()));
    return new Matches(result.total(), result.top(), result.facets());
  }

  /** The query with the request's filters: facet values as drill-downs, age and dates as point ranges. */
  private static Query filtered(Query query, SearchRequest request) {
    return FacetFields.drillDown(withRanges(query, request), request.filters());
  }

  /**
   * Every matching trial in the request's order, page after page on one point-in-time searcher,
   * without counting facets or cutting snippets: for exports. Each page is found within the budget,
   * taking its turn among the expensive searches; the rows are written between turns, so a client
   * that reads slowly holds no turn.
   */
  public void walk(SearchRequest request, HitConsumer consumer) throws IOException {
    ParsedQuery parsed = parse(request);
    index.withSearcher(searcher -> {
      if (searcher.hasTrials()) walk(searcher, parsed, request, consumer);
      return null;
    });
  }

  private void walk(TrialSearcher searcher, ParsedQuery parsed, SearchRequest request, HitConsumer consumer) throws IOException {
    try {
      Query query = budget.run(true, () -> {
        Query strict = searcher.rewriteWithinDeadline(parsed.strict());
        return filtered(choose(searcher, parsed, strict, searcher.count(filtered(strict, request)), request).query(), request);
      });
      FieldDoc after = null;
      while (true) {
        FieldDoc from = after;
        Query walked = query;
        TopDocs page = budget.run(true, () -> searcher.searchAfter(from, walked, WALK_PAGE, Cursor.sort(request.sort()), true));
        for (ScoreDoc doc : page.scoreDocs) consumer.accept(hit(searcher.hit(doc.doc), doc.score, Map.of()));
        if (page.scoreDocs.length < WALK_PAGE) return;
        after = (FieldDoc) page.scoreDocs[page.scoreDocs.length - 1];
      }
    } catch (IndexSearcher.TooManyClauses e) {
      throw tooManyClauses();
    }
  }

  /** Receives the hits of a walk; may fail writing them out. */
  @FunctionalInterface
  public interface HitConsumer {
    void accept(Hit hit) throws IOException;
  }

  /** A corrected query when this one finds fewer than 3 trials and the correction finds more. */
  private SearchResponse.Suggestion didYouMean(TrialSearcher searcher, SearchRequest request, long total) throws IOException {
    if (total >= 3 || request.syntax() != SearchRequest.Syntax.FORGIVING || request.query().isEmpty()) return null;
    String corrected = spelling.correct(request.query(), searcher.getIndexReader());
    if (corrected == null) return null;
    ParsedQuery correction = forgiving.parse(corrected);
    long correctedTotal = total(searcher, correction, correction.strict(), request);
    return correctedTotal > total ? new SearchResponse.Suggestion(corrected, correctedTotal) : null;
  }

  /** Where the next page starts, when there is one: a full page after a cursor, or more trials than pages so far. */
  private static String nextCursor(Matches matches, SearchRequest request) {
    ScoreDoc[] docs = matches.top.scoreDocs;
    boolean more = request.cursor() != null ? docs.length == request.size() : matches.total > (long) request.page() * request.size();
    return more && docs.length > 0 ? Cursor.encode(request.sort(), (FieldDoc) docs[docs.length - 1]) : null;
  }

  /**
   * The query within the request's ranges: an age the trial's limits admit (trials that state no
   * ages have no limits indexed and drop out), start dates, last update.
   */
  private static Query withRanges(Query query, SearchRequest request) {
    Double age = request.age();
    SearchRequest.DateFilters dates = request.dates();
    if (age == null && dates.equals(SearchRequest.DateFilters.NONE)) return query;
    BooleanQuery.Builder ranged = new BooleanQuery.Builder().add(query, Occur.MUST);
    if (age != null) {
      ranged.add(DoublePoint.newRangeQuery(Fields.MIN_AGE, Double.NEGATIVE_INFINITY, age), Occur.FILTER);
      ranged.add(DoublePoint.newRangeQuery(Fields.MAX_AGE, age, Double.POSITIVE_INFINITY), Occur.FILTER);
    }
    if (dates.startFrom() != null || dates.startTo() != null) {
      long from = dates.startFrom() == null ? Long.MIN_VALUE : dates.startFrom().toEpochDay();
      long to = dates.startTo() == null ? Long.MAX_VALUE : dates.startTo().toEpochDay();
      ranged.add(LongPoint.newRangeQuery(Fields.START_DATE, from, to), Occur.FILTER);
    }
    if (dates.updatedSince() != null) {
      ranged.add(LongPoint.newRangeQuery(Fields.LAST_UPDATE, dates.updatedSince().toEpochDay(), Long.MAX_VALUE), Occur.FILTER);
    }
    return ranged.build();
  }

  private List<Hit> hits(TrialSearcher searcher, Query query, TopDocs top, SearchRequest request) throws IOException {
    QueryDeadline.check();
    ScoreDoc[] docs = top.scoreDocs;
    int from = request.cursor() != null ? 0 : Math.min((request.page() - 1) * request.size(), docs.length);
    int[] ids = new int[docs.length - from];
    List<StoredHit> stored = new ArrayList<>();
    for (int i = from; i < docs.length; i++) {
      ids[i - from] = docs[i].doc;
      stored.add(searcher.hit(docs[i].doc));
    }
    List<Map<String, List<String>>> fragments = query instanceof MatchAllDocsQuery
        ? java.util.Collections.nCopies(ids.length, Map.of()) : snippets.of(searcher, query, ids, stored);
    Query explained = withRanges(query, request);
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      QueryDeadline.check();
      ScoreExplanation why = request.explain() ? ScoreExplanation.of(searcher.explain(explained, ids[i])) : null;
      hits.add(hit(stored.get(i), docs[from + i].score, fragments.get(i), why));
    }
    return hits;
  }

  private static Hit hit(StoredHit stored, float score, Map<String, List<String>> snippets) {
    return hit(stored, score, snippets, null);
  }

  private static Hit hit(StoredHit stored, float score, Map<String, List<String>> snippets, ScoreExplanation explanation) {
    return new Hit(stored.summary(), Float.isNaN(score) ? null : score, snippets, explanation);
  }

  private static Map<String, FacetCounts> counts(Facets facets) throws IOException {
    Map<String, FacetCounts> counts = new LinkedHashMap<>();
    for (String dim : Fields.FACET_DIMENSIONS) {
      // conditions are many: the most frequent, plus the not-stated count
      FacetResult result = dim.equals(Fields.CONDITION_FACET) ? facets.getTopChildren(TOP_CONDITIONS + 1, dim) : facets.getAllChildren(dim);
      List<FacetValue> values = new ArrayList<>();
      if (result != null) {
        for (LabelAndValue lv : result.labelValues) {
          if (!lv.label.equals(Fields.NOT_STATED)) values.add(new FacetValue(lv.label, lv.value.longValue()));
        }
      }
      Number notStated = facets.getSpecificValue(dim, Fields.NOT_STATED);
      values.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
      if (dim.equals(Fields.CONDITION_FACET) && values.size() > TOP_CONDITIONS) values.subList(TOP_CONDITIONS, values.size()).clear();
      counts.put(dim, new FacetCounts(values, notStated == null ? 0 : Math.max(0, notStated.longValue())));
    }
    return counts;
  }

  private static SearchResponse empty(SearchRequest request) {
    Map<String, FacetCounts> counts = new LinkedHashMap<>();
    Fields.FACET_DIMENSIONS.forEach(dim -> counts.put(dim, new FacetCounts(List.of(), 0)));
    return new SearchResponse(request.query(), 0, request.page(), request.size(), false, null, null, List.of(), null, null, List.of(), null, counts);
  }
}
