package org.trialsearch.search.query;

import org.apache.lucene.search.Query;

/**
 * A user's query as Lucene queries: {@code strict} requires every word; {@code relaxed}, when not
 * null, is what to run if nothing matches every word (trials matching most of the words).
 */
public record ParsedQuery(Query strict, Query relaxed) {}
