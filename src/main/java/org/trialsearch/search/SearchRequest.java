package org.trialsearch.search;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialsearch.error.InvalidRequestException;

/**
 * A validated search: query text (empty = all trials), its syntax, filter values per facet
 * dimension (OR within a dimension, AND across), an age in years the trial must admit (or null),
 * page from 1 (or a cursor from the previous answer, for deep paging), page size, and order.
 * {@code passing}: keep the trials that name the words only in passing (summary, exclusion
 * criteria), which a short answer otherwise leaves out when enough trials name them firmly.
 */
public record SearchRequest(
    String query,
    Syntax syntax,
    Map<String, List<String>> filters,
    Double age,
    DateFilters dates,
    int page,
    int size,
    SortOrder sort,
    String cursor,
    boolean explain,
    boolean passing) {

  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 100;
  /** How deep paging may go (page * size); beyond it results would cost more than anyone reads. */
  public static final int MAX_WINDOW = 10_000;
  public static final int MAX_QUERY_LENGTH = 1_000;
  /** How many hits one answer explains: an explanation scores its hit again, term by term. */
  public static final int MAX_EXPLAINED = 20;

  public SearchRequest {
    query = query == null ? "" : query.strip();
    filters = Map.copyOf(filters);
    dates = dates == null ? DateFilters.NONE : dates;
    if (query.length() > MAX_QUERY_LENGTH) {
      throw new InvalidRequestException("q is longer than " + MAX_QUERY_LENGTH + " characters");
    }
    if (page < 1) throw new InvalidRequestException("page must be 1 or more, got " + page);
    if (size < 1 || size > MAX_SIZE) throw new InvalidRequestException("size must be between 1 and " + MAX_SIZE + ", got " + size);
    if (cursor != null && page != 1) throw new InvalidRequestException("give either page or cursor, not both");
    if (cursor == null && (long) page * size > MAX_WINDOW) {
      throw new InvalidRequestException("page * size may be at most " + MAX_WINDOW + "; walk deeper with cursor (nextCursor of each answer)");
    }
    if (explain && size > MAX_EXPLAINED) {
      throw new InvalidRequestException("explain=true explains at most " + MAX_EXPLAINED + " hits a page; ask size=" + MAX_EXPLAINED + " or fewer");
    }
    if (age != null && (age.isNaN() || age < 0 || age > 150)) {
      throw new InvalidRequestException("age must be a number of years between 0 and 150");
    }
  }

  /** This search without one dimension's filter. */
  public SearchRequest withoutFilter(String dimension) {
    Map<String, List<String>> others = new LinkedHashMap<>(filters);
    others.remove(dimension);
    return new SearchRequest(query, syntax, others, age, dates, 1, 1, sort, null, false, passing);
  }

  /** This search without its patient age. */
  public SearchRequest withoutAge() {
    return new SearchRequest(query, syntax, filters, null, dates, 1, 1, sort, null, false, passing);
  }

  /** This search without its date ranges. */
  public SearchRequest withoutDates() {
    return new SearchRequest(query, syntax, filters, age, DateFilters.NONE, 1, 1, sort, null, false, passing);
  }

  /** Start date from and to (inclusive) and last update since; null = open. */
  public record DateFilters(LocalDate startFrom, LocalDate startTo, LocalDate updatedSince) {
    public static final DateFilters NONE = new DateFilters(null, null, null);

    public DateFilters {
      if (startFrom != null && startTo != null && startFrom.isAfter(startTo)) {
        throw new InvalidRequestException("start_from " + startFrom + " is after start_to " + startTo);
      }
    }
  }

  public enum Syntax { FORGIVING, LUCENE }

  /** Relevance; newest start or last update first; or recruiting first, then not yet recruiting, each by relevance. */
  public enum SortOrder { RELEVANCE, START_DATE, LAST_UPDATE, RECRUITING }
}
