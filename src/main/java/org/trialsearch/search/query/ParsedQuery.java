package org.trialsearch.search.query;

import org.apache.lucene.search.Query;

/**
 * A user's query as Lucene queries: {@code strict} requires every word; {@code relaxed}, when not
 * null, is what to run if too few trials match every word (trials matching most of the words);
 * {@code evidenced}, when not null, is {@code strict} kept to the trials that name each word
 * beyond their summary and exclusion criteria, to leave out trials that only mention it in passing.
 */
public record ParsedQuery(Query strict, Query relaxed, Query evidenced) {

  public ParsedQuery(Query strict, Query relaxed) {
    this(strict, relaxed, null);
  }
}
