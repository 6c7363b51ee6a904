package org.trialsearch.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import org.trialsearch.index.TrialSummary;

/**
 * One page of hits, the total, and counts for every facet dimension over the matching trials
 * (each dimension counted as if its own filter were not set). {@code relaxed} says that no trial
 * matched every word and the hits match most of them.
 */
public record SearchResponse(
    String query,
    long total,
    int page,
    int size,
    boolean relaxed,
    String notice,
    /** Matching trials left out because they name the words only in their summary or exclusions ({@code passing=true} keeps them); null when none were. */
    Long passingLeftOut,
    List<Hit> hits,
    /** Hand back as {@code cursor} for the next page; null on the last page. */
    String nextCursor,
    /** A corrected query and how many trials it finds, when this one finds fewer than 3. */
    Suggestion didYouMean,
    /** When nothing matches: what to drop to find trials, and how many each way finds, most first. */
    List<WayOut> waysOut,
    /** When the query searches the criteria by field: how many trials the filters keep, and how many of them have criteria text. */
    CriteriaCoverage criteriaCoverage,
    Map<String, FacetCounts> facets) {

  public record Suggestion(String query, long total) {}

  /**
   * A way out of an empty answer: drop a filter dimension (with its values), {@code age},
   * {@code dates} or the words ({@code q}), and find {@code total} trials.
   */
  public record WayOut(String drop, List<String> values, long total) {}

  /** Of the trials the filters keep, how many have eligibility criteria text that a criteria clause can match. */
  public record CriteriaCoverage(long trials, long withCriteria) {}

  /** A matching trial as a result list shows it, its score, and what it matched. */
  public record Hit(
      @JsonUnwrapped TrialSummary summary,
      Float score,
      /** Field => highlighted fragments, criteria halves first; matched words in {@code <mark>}, the rest escaped. */
      Map<String, List<String>> snippets,
      /** With explain=true: the score and what added to it. */
      ScoreExplanation explanation) {}

  /** The values of one dimension with their trial counts, most first, and how many trials state no value. */
  public record FacetCounts(List<FacetValue> values, long notStated) {}

  public record FacetValue(String value, long count) {}
}
