package org.trialsearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.trialsearch.index.Fields;
import org.trialsearch.index.TrialSearcher;
import org.trialsearch.search.SearchResponse.CriteriaCoverage;
import org.trialsearch.search.SearchResponse.WayOut;

/**
 * What an answer says about what it could not find: for a search that finds nothing, each part
 * of it that could be dropped and how many trials the search finds without it; for a query that
 * searches the criteria by field, how many of the trials the filters keep have criteria text at
 * all (most records of a tracker carry none, and then no criteria clause can match them).
 */
final class WaysOut {

  /** A clause of the query language that searches the criteria by field. */
  private static final Pattern CRITERIA_CLAUSE = Pattern.compile("(?i)(?<![\\p{L}\\p{N}_])(inclusion|exclusion|criteria):");

  /** The request's query with the request's filters, as the search runs it. */
  private final BiFunction<Query, SearchRequest, Query> filtered;

  WaysOut(BiFunction<Query, SearchRequest, Query> filtered) {
    this.filtered = filtered;
  }

  /** How many trials the search of a request finds, decided as the search decides. */
  @FunctionalInterface
  interface TotalOf {
    long total(SearchRequest request) throws IOException;
  }

  /**
   * Each filter, the age, the dates and the words dropped in turn, with what the search then
   * finds; only ways that find trials.
   */
  List<WayOut> of(TrialSearcher searcher, Query query, SearchRequest request, TotalOf totalOf) throws IOException {
    List<WayOut> ways = new ArrayList<>();
    for (Map.Entry<String, List<String>> filter : request.filters().entrySet()) {
      add(ways, filter.getKey(), filter.getValue(), totalOf.total(request.withoutFilter(filter.getKey())));
    }
    if (request.age() != null) add(ways, "age", List.of(String.valueOf(request.age())), totalOf.total(request.withoutAge()));
    if (!request.dates().equals(SearchRequest.DateFilters.NONE)) {
      add(ways, "dates", List.of(), totalOf.total(request.withoutDates()));
    }
    if (!(query instanceof MatchAllDocsQuery) && !request.query().isEmpty()) {
      add(ways, "q", List.of(request.query()), searcher.count(filtered.apply(new MatchAllDocsQuery(), request)));
    }
    ways.sort(Comparator.comparingLong(WayOut::total).reversed());
    return ways;
  }

  private static void add(List<WayOut> ways, String drop, List<String> values, long total) {
    if (total > 0) ways.add(new WayOut(drop, values, total));
  }

  /** For a query with a criteria clause: the trials the filters keep, and those of them with criteria text; else null. */
  CriteriaCoverage criteria(TrialSearcher searcher, SearchRequest request) throws IOException {
    if (!CRITERIA_CLAUSE.matcher(request.query()).find()) return null;
    return new CriteriaCoverage(searcher.count(filtered.apply(new MatchAllDocsQuery(), request)),
        searcher.count(filtered.apply(new FieldExistsQuery(Fields.CRITERIA), request)));
  }
}
